import Glibc
import Testing

@testable import LiqPipeline

@Suite("ReorderWindow")
struct ReorderWindowTests {
    @Test("reserve blocks once `size` credits are taken and resumes when one comes back")
    func blocksAtSize() throws {
        let window = ReorderWindow(size: 3)
        for _ in 0..<3 {
            try window.reserve()
        }
        let reservedFourth = Counter()
        let reserver = BackgroundCall { () -> Bool in
            do {
                try window.reserve()
                reservedFourth.add()
                return true
            } catch {
                return false
            }
        }
        usleep(50_000)
        #expect(reservedFourth.value == 0, "the fourth reserve must wait for a credit")
        window.release()
        #expect(reserver.wait() == true)
    }

    @Test("cancel releases every blocked reserve with an error, and later ones fail at once")
    func cancelReleasesBlockedReservers() throws {
        let window = ReorderWindow(size: 1)
        try window.reserve()
        let reservers = (0..<3).map { _ in
            BackgroundCall { () -> Bool in
                do {
                    try window.reserve()
                    return false  // there was no credit to take
                } catch {
                    return error is CancellationError
                }
            }
        }
        usleep(10_000)
        window.cancel()
        for reserver in reservers {
            #expect(reserver.wait() == true)
        }
        #expect(throws: CancellationError.self) { try window.reserve() }
    }

    /// Would crash with "Semaphore object deallocated while in use" if the semaphore started at `size`.
    @Test("tearing down a window with every credit taken does not trip the libdispatch semaphore check")
    func teardownWhileExhausted() throws {
        for round in 0..<1_000 {
            let window = ReorderWindow(size: 1 + round % 8)
            for _ in 0..<window.size {
                try window.reserve()
            }
            window.cancel()
        }
    }
}
