import Testing

@testable import LiqPipeline

@Suite("Pipeline backpressure")
struct PipelineBackpressureTests {
    /// A chain `source → stages × middleStages → sink`, every channel with the same capacity.
    struct Shape: Sendable, CustomTestStringConvertible {
        let middleStages: Int
        let workersPerStage: Int
        let capacity: Int

        /// The most items that can exist between creation in the source and the end of their processing in the
        /// sink: every channel full (`capacity × channels`, one channel per producing stage) plus one item held by
        /// every worker of every stage — the source worker blocked in `emit`, each middle worker holding its input
        /// while blocked emitting the output, and the sink worker busy with its item.
        var inFlightBound: Int {
            let channels = middleStages + 1
            let workers = 1 + middleStages * workersPerStage + 1
            return capacity * channels + workers
        }

        var testDescription: String {
            "\(middleStages) stage(s) × \(workersPerStage) worker(s), capacity \(capacity)"
        }
    }

    @Test(
        "a fast producer into a slow consumer never has more than the bound in flight, and reaches it exactly",
        arguments: [
            Shape(middleStages: 1, workersPerStage: 2, capacity: 4),
            Shape(middleStages: 2, workersPerStage: 3, capacity: 2),
            Shape(middleStages: 3, workersPerStage: 1, capacity: 1),
        ]
    )
    func inFlightBound(shape: Shape) throws {
        let itemCount = 2_000
        let gauge = InFlightGauge()
        let reachedBound = Locked<Bool?>(nil)
        let total = Locked(0)

        let pipeline = Pipeline(name: "test")
        var output = pipeline.addSource("source", capacity: shape.capacity) { _, emit in
            for value in 0..<itemCount {
                gauge.enter()
                try emit(value)
            }
        }
        for index in 0..<shape.middleStages {
            output = pipeline.addStage(
                "stage\(index)",
                input: output,
                workers: shape.workersPerStage,
                capacity: shape.capacity
            ) { _ in
                { value, emit in try emit(value) }
            }
        }
        pipeline.addSink("sink", input: output) { _ in
            { value in
                if reachedBound.value == nil {
                    // Hold the first item until everything upstream is full and blocked: the slowest consumer.
                    let reached = waitUntil { gauge.current >= shape.inFlightBound }
                    reachedBound.withLock { $0 = reached }
                }
                total.withLock { $0 += value }
                gauge.leave()
            }
        }
        try pipeline.run()

        #expect(reachedBound.value == true)
        #expect(gauge.peak == shape.inFlightBound)
        #expect(gauge.created == itemCount)
        #expect(total.value == itemCount * (itemCount - 1) / 2)
    }
}
