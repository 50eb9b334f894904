import Foundation
import LiqCore
import LiqEmit
import LiqTestSupport
import Testing

@testable import LiqCLI

#if canImport(Glibc)
    @preconcurrency import Glibc
#endif

/// The built binary backfilling a month of two symbols from a loopback archive, SIGKILLed again and again after
/// a seeded number of items: after every kill each recorded item's store files read back whole, and the resumed
/// backfill leaves exactly the store of one uninterrupted run.
@Suite struct BackfillCrashDrillTests {
    @Test func killedBackfillsResumeToTheSameStore() throws {
        guard let binary = CollectCommandTests.binary else { return }  // `swift build` first; CI always builds it
        let mirror = try BinanceArchiveBackfillTests.Mirror()
        let whole = try BinanceArchiveBackfillTests.workspace(mirror, label: "drill-whole")
        #expect(BinanceArchiveBackfillTests.backfill(whole, BinanceArchiveBackfillTests.month).code == 0)
        let store = try BinanceArchiveBackfillTests.files(whole + "/store")

        // The same files, 20 ms a request, so a kill lands mid-run.
        let slow = try mirror.slowServer(delaySeconds: 0.02)
        defer { slow.stop() }
        let directory = try BinanceArchiveBackfillTests.workspace(mirror, label: "drill", archiveURL: slow.baseURL)
        var random = SplitMix64(seed: 7)
        let kills = DrillIterations.count(default: 3)
        for _ in 0..<kills {
            let before = BinanceArchiveBackfillTests.archiveItemsRecorded(directory)
            guard before < 120 else { break }
            let target = before + Int.random(in: 1...max(1, (126 - before) / 2), using: &random)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = ["backfill", directory + "/spec.json", "--quiet"] + BinanceArchiveBackfillTests.month
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let deadline = Date().addingTimeInterval(60)
            while process.isRunning, Date() < deadline,
                BinanceArchiveBackfillTests.archiveItemsRecorded(directory) < target
            {
                usleep(5_000)
            }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            // Every file in the store is whole (temporaries of the killed write aside).
            for (path, data) in try BinanceArchiveBackfillTests.files(directory + "/store")
            where !(path.split(separator: "/").last?.hasPrefix(".") ?? false) {
                let bytes = [UInt8](data)
                switch path.split(separator: "/").first {
                case "feed=priceBars": _ = try PriceBarsCSV.decode(bytes, origin: path)
                case "feed=openInterest": _ = try OpenInterestCSV.decode(bytes, origin: path)
                case "feed=funding": _ = try FundingCSV.decode(bytes, origin: path)
                default: Issue.record("unexpected store file \(path)")
                }
            }
        }
        let resumed = BinanceArchiveBackfillTests.backfill(directory, BinanceArchiveBackfillTests.month)
        #expect(resumed.code == 0, "\(resumed.err)")
        let drilled = try BinanceArchiveBackfillTests.files(directory + "/store")
        #expect(Set(drilled.keys) == Set(store.keys))
        let differing = store.keys.filter { drilled[$0] != store[$0] }.sorted()
        #expect(differing.isEmpty, "store files differ from the uninterrupted backfill: \(differing)")
    }
}
