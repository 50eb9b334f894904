import Testing

@testable import LiqPipeline

@Suite("ReorderBuffer")
struct ReorderBufferTests {
    @Test("holds early items and delivers everything in sequence order")
    func restoresOrder() throws {
        let window = ReorderWindow(size: 8)
        var buffer = ReorderBuffer<Int>(window: window, firstSequence: 10) { $0 }
        var delivered: [Int] = []
        var pendingAfterEach: [Int] = []
        for sequence in [12, 10, 11, 15, 14, 13, 16] {
            try window.reserve()
            buffer.insert(sequence) { delivered.append($0) }
            pendingAfterEach.append(buffer.pendingCount)
        }
        #expect(delivered == Array(10...16))
        #expect(pendingAfterEach == [1, 1, 0, 1, 2, 0, 0])
        #expect(buffer.nextSequence == 17)
    }

    @Test("gives a window credit back for every delivered item")
    func returnsCredits() throws {
        let window = ReorderWindow(size: 2)
        var buffer = ReorderBuffer<Int>(window: window) { $0 }
        for sequence in 0..<100 {
            try window.reserve()
            buffer.insert(sequence) { _ in }
        }
        #expect(buffer.nextSequence == 100)
    }

    @Test("restores order after a stage with two workers that deterministically swaps neighbours")
    func restoresOrderAfterParallelStage() throws {
        let itemCount = 200
        let arrivals = Locked<[Int]>([])
        let delivered = Locked<[Int]>([])
        let emitted = Locked<Set<Int>>([])
        let missedSwaps = Counter()

        let pipeline = Pipeline(name: "test")
        let window = pipeline.makeReorderWindow(size: 8)
        let numbers = pipeline.addSource("numbers", capacity: 2) { _, emit in
            for sequence in 0..<itemCount {
                try window.reserve()
                try emit(sequence)
            }
        }
        let swapped: StageOutput<Int> = pipeline.addStage("swap", input: numbers, workers: 2, capacity: 2) { _ in
            { sequence, emit in
                // An even item waits until the other worker has emitted its odd successor, so every pair
                // reaches the sink the wrong way round.
                if sequence % 2 == 0 && !waitUntil({ emitted.value.contains(sequence + 1) }) {
                    missedSwaps.add()
                }
                try emit(sequence)
                emitted.withLock { $0.insert(sequence) }
            }
        }
        pipeline.addSink("ordered", input: swapped) { _ in
            var buffer = ReorderBuffer<Int>(window: window) { $0 }
            return { sequence in
                arrivals.withLock { $0.append(sequence) }
                buffer.insert(sequence) { ready in delivered.withLock { $0.append(ready) } }
            }
        }
        try pipeline.run()

        #expect(missedSwaps.value == 0)
        #expect(arrivals.value.prefix(4) == [1, 0, 3, 2])
        #expect(delivered.value == Array(0..<itemCount))
    }

    @Test("an item the source did not reserve a credit for is caught as soon as the bound is broken")
    func overflowTraps() async {
        await #expect(processExitsWith: .failure) {
            var buffer = ReorderBuffer<Int>(window: ReorderWindow(size: 2)) { $0 }
            for sequence in [3, 2, 1] {
                buffer.insert(sequence) { _ in }
            }
        }
    }

    @Test("a sequence number that arrives twice is caught")
    func duplicateTraps() async {
        await #expect(processExitsWith: .failure) {
            var buffer = ReorderBuffer<Int>(window: ReorderWindow(size: 4)) { $0 }
            buffer.insert(1) { _ in }
            buffer.insert(1) { _ in }
        }
    }
}
