import Glibc
import Testing

@testable import LiqPipeline

@Suite("StageMetrics")
struct StageMetricsTests {
    /// Drops the timing, the one field that cannot be compared exactly.
    private static func counts(_ metrics: StageMetrics) -> StageMetrics {
        var counts = metrics
        counts.busyTime = .zero
        return counts
    }

    @Test("counts items in and out, records and bytes exactly, with zero or several outputs per input")
    func exactCounts() throws {
        let valueRecordsTenBytes: @Sendable (Int) -> ItemSize = { ItemSize(records: $0, bytes: 10) }
        let twoRecordsValueBytes: @Sendable (Int) -> ItemSize = { ItemSize(records: 2, bytes: $0) }
        let pipeline = Pipeline(name: "test")
        let numbers = pipeline.addSource("numbers", capacity: 2, measure: valueRecordsTenBytes) { _, emit in
            for value in 0..<10 {
                try emit(value)
            }
        }
        let copies: StageOutput<Int> = pipeline.addStage("copies", input: numbers, workers: 2, capacity: 2) { _ in
            { value, emit in
                for _ in 0..<(value % 3) {
                    try emit(value)
                }
            }
        }
        pipeline.addSink("sink", input: copies, measure: twoRecordsValueBytes) { _ in { _ in } }
        try pipeline.run()

        // Copies: 0+1+2+0+1+2+0+1+2+0 = 9 outputs; the sink's bytes are the sum of the copied values.
        #expect(
            pipeline.metrics.map(Self.counts) == [
                StageMetrics(
                    stageName: "numbers",
                    workers: 1,
                    itemsIn: 0,
                    itemsOut: 10,
                    records: 45,
                    bytes: 100,
                    busyTime: .zero
                ),
                StageMetrics(
                    stageName: "copies",
                    workers: 2,
                    itemsIn: 10,
                    itemsOut: 9,
                    records: 10,
                    bytes: 0,
                    busyTime: .zero
                ),
                StageMetrics(
                    stageName: "sink",
                    workers: 1,
                    itemsIn: 9,
                    itemsOut: 0,
                    records: 18,
                    bytes: 1 + 2 * 2 + 4 + 5 * 2 + 7 + 8 * 2,
                    busyTime: .zero
                ),
            ]
        )
    }

    /// The source spends nearly all its time blocked on a full channel while the sink sleeps; only the sink's
    /// sleep is busy time. The bounds are a whole 300 ms apart, far beyond scheduling noise.
    @Test("busy time counts the stage's own work and leaves out time blocked on backpressure")
    func busyTimeExcludesBackpressure() throws {
        let pause = Duration.milliseconds(300)
        let sendingLast = Counter()
        let pipeline = Pipeline(name: "test")
        let numbers = pipeline.addSource("numbers", capacity: 1) { _, emit in
            try emit(0)
            try emit(1)
            sendingLast.add()
            try emit(2)  // blocks until the sink has finished with item 0
        }
        pipeline.addSink("sleepy", input: numbers) { _ in
            { value in
                if value == 0 {
                    _ = waitUntil { sendingLast.value > 0 }
                    usleep(
                        UInt32(pause.components.seconds * 1_000_000 + pause.components.attoseconds / 1_000_000_000_000)
                    )
                }
            }
        }
        try pipeline.run()

        let metrics = pipeline.metrics
        #expect(metrics[0].busyTime < pause / 2)
        #expect(metrics[1].busyTime >= pause)
    }

    @Test("describes a stage in one compact line")
    func description() {
        let metrics = StageMetrics(
            stageName: "normalise",
            workers: 2,
            itemsIn: 120,
            itemsOut: 118,
            records: 11_800,
            bytes: 3_250_000,
            busyTime: .milliseconds(1_234)
        )
        #expect(metrics.description == "normalise×2 120→118 11800 rec 3.2 MB busy 1.2 s")
        var single = metrics
        single.workers = 1
        single.bytes = 0
        #expect(single.description == "normalise 120→118 11800 rec busy 1.2 s")
    }
}
