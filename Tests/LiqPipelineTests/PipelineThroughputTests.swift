import Testing

@testable import LiqPipeline

@Suite("Pipeline throughput")
struct PipelineThroughputTests {
    /// A sequence-numbered batch of records, the shape `Batch<Record>` has in the real pipeline.
    struct NumberBatch: Sendable {
        let sequence: Int
        let values: [Int]
    }

    /// An order-insensitive per-record transform, so only the reorder buffer can make the checksum come out right.
    static func scramble(_ value: Int) -> Int {
        (value &* 2_654_435_761) ^ (value >> 7)
    }

    /// Order-sensitive: swapping any two records changes the result.
    static func checksum(_ running: UInt64, _ value: Int) -> UInt64 {
        running &* 1_099_511_628_211 &+ UInt64(bitPattern: Int64(value))
    }

    @Test("a million records pass through in order, with exact count and checksum and bounded memory")
    func millionRecords() throws {
        let batchCount = 10_000
        let recordsPerBatch = 100
        let measure: @Sendable (NumberBatch) -> ItemSize = {
            ItemSize(records: $0.values.count, bytes: $0.values.count * MemoryLayout<Int>.size)
        }
        let gauge = InFlightGauge()
        let result = Locked((records: 0, checksum: UInt64(0), maxPending: 0))

        let pipeline = Pipeline(name: "test")
        let window = pipeline.makeReorderWindow(size: 16)
        let generated = pipeline.addSource("generate", capacity: 4, measure: measure) { _, emit in
            for sequence in 0..<batchCount {
                try window.reserve()
                gauge.enter()
                let first = sequence * recordsPerBatch
                try emit(NumberBatch(sequence: sequence, values: Array(first..<first + recordsPerBatch)))
            }
        }
        let scrambled: StageOutput<NumberBatch> = pipeline.addStage(
            "scramble",
            input: generated,
            workers: 2,
            capacity: 4,
            measure: measure
        ) { _ in
            { batch, emit in try emit(NumberBatch(sequence: batch.sequence, values: batch.values.map(Self.scramble))) }
        }
        pipeline.addSink("checksum", input: scrambled, measure: measure) { _ in
            var buffer = ReorderBuffer<NumberBatch>(window: window) { $0.sequence }
            var records = 0
            var checksum: UInt64 = 0
            var maxPending = 0
            return { batch in
                buffer.insert(batch) { ready in
                    records += ready.values.count
                    checksum = ready.values.reduce(checksum, Self.checksum)
                    gauge.leave()
                }
                maxPending = max(maxPending, buffer.pendingCount)
                result.withLock { $0 = (records, checksum, maxPending) }
            }
        }
        try pipeline.run()

        let expected = (0..<batchCount * recordsPerBatch).map(Self.scramble).reduce(0, Self.checksum)
        #expect(result.value.records == 1_000_000)
        #expect(result.value.checksum == expected)
        #expect(gauge.peak <= window.size)
        #expect(result.value.maxPending <= window.size - 1)
        let metrics = pipeline.metrics
        #expect(metrics.map(\.records) == [1_000_000, 1_000_000, 1_000_000])
        #expect(metrics.map(\.bytes) == [8_000_000, 8_000_000, 8_000_000])
        #expect(metrics.map(\.itemsIn) == [0, batchCount, batchCount])
        #expect(metrics.map(\.itemsOut) == [batchCount, batchCount, 0])
    }
}
