import Testing

@testable import LiqPipeline

@Suite("Pipeline failure and cancellation", .timeLimit(.minutes(1)))
struct PipelineFailureTests {
    /// Where the injected error is thrown.
    enum FailurePoint: String, CaseIterable, Sendable {
        case source
        case middle
        case middleFactory
        case sink

        var stageName: String {
            self == .middleFactory ? "middle" : rawValue
        }
    }

    /// `source → middle → sink`, with an endless source: `run()` can only return if the failure releases every
    /// stage. Before throwing, the failing stage waits until the others are blocked: on full channels for a sink
    /// failure, on a full input and an empty output for a middle failure, on empty channels for a source failure.
    @Test(
        "an error in any stage stops the whole pipeline and is reported with the stage's name",
        arguments: FailurePoint.allCases
    )
    func firstErrorStopsEverything(point: FailurePoint) {
        let capacity = 3
        let failAt = 50
        let inFlightBound = 2 * capacity + 3
        let gauge = InFlightGauge()
        let consumed = Counter()
        let unreachedStates = Counter()

        let pipeline = Pipeline(name: "test")
        let source = pipeline.addSource("source", capacity: capacity) { _, emit in
            var value = 0
            while true {
                if point == .source && value == failAt {
                    if !waitUntil({ consumed.value == failAt }) { unreachedStates.add() }
                    throw InjectedFailure(stageName: "source")
                }
                gauge.enter()
                try emit(value)
                value += 1
            }
        }
        let middle: StageOutput<Int> = pipeline.addStage("middle", input: source, capacity: capacity) { _ in
            if point == .middleFactory {
                throw InjectedFailure(stageName: "middle")
            }
            return { value, emit in
                if point == .middle && value == failAt {
                    // Items after `failAt` fill the input and block the source; the sink has drained the output.
                    let blocked = waitUntil { gauge.created >= failAt + capacity + 2 && consumed.value == failAt }
                    if !blocked { unreachedStates.add() }
                    throw InjectedFailure(stageName: "middle")
                }
                try emit(value)
            }
        }
        pipeline.addSink("sink", input: middle) { _ in
            { value in
                if point == .sink && value == failAt {
                    if !waitUntil({ gauge.current >= inFlightBound }) { unreachedStates.add() }
                    throw InjectedFailure(stageName: "sink")
                }
                consumed.add()
                gauge.leave()
            }
        }

        let failure = pipeline.runForFailure()
        #expect(failure?.stageName == point.stageName)
        #expect(failure?.underlying as? InjectedFailure == InjectedFailure(stageName: point.stageName))
        #expect(failure?.isCancellation == false)
        #expect(unreachedStates.value == 0)
    }

    @Test("cancelling from outside with every channel full neither crashes nor hangs, many times over")
    func cancelWithFullChannelsRepeatedly() {
        for round in 0..<200 {
            let capacity = 1 + round % 4
            let workers = 1 + round % 3
            let inFlightBound = 2 * capacity + workers + 2
            let gauge = InFlightGauge()
            let cancelled = Counter()

            let pipeline = Pipeline(name: "test")
            let source = pipeline.addSource("source", capacity: capacity) { _, emit in
                while true {
                    gauge.enter()
                    try emit(0)
                }
            }
            let middle: StageOutput<Int> = pipeline.addStage(
                "middle",
                input: source,
                workers: workers,
                capacity: capacity
            ) { _ in
                { value, emit in try emit(value) }
            }
            pipeline.addSink("sink", input: middle) { _ in
                { _ in
                    // Keep everything upstream full until the test has cancelled.
                    _ = waitUntil { cancelled.value > 0 }
                    gauge.leave()
                }
            }

            let run = BackgroundCall { pipeline.runForFailure() }
            let filled = waitUntil { gauge.current >= inFlightBound }
            pipeline.cancel()
            cancelled.add()
            guard let outcome = run.wait(), filled else {
                Issue.record("round \(round): channels filled: \(filled), run() returned: \(run.wait() != nil)")
                return
            }
            #expect(outcome?.isCancellation == true)
        }
    }

    @Test("cancelling at arbitrary points neither crashes nor hangs")
    func cancelAtArbitraryPoints() {
        for round in 0..<300 {
            let consumed = Counter()
            let pipeline = Pipeline(name: "test")
            let source = pipeline.addSource("source", capacity: 1 + round % 3) { _, emit in
                var value = 0
                while true {
                    try emit(value)
                    value += 1
                }
            }
            let middle: StageOutput<Int> = pipeline.addStage(
                "middle",
                input: source,
                workers: 2,
                capacity: 1 + round % 2
            ) { _ in
                { value, emit in
                    for copy in 0..<(value % 3) {
                        try emit(copy)
                    }
                }
            }
            pipeline.addSink("sink", input: middle) { _ in
                { _ in consumed.add() }
            }
            let run = BackgroundCall { pipeline.runForFailure() }
            _ = waitUntil { consumed.value >= round % 20 }
            pipeline.cancel()
            guard let outcome = run.wait() else {
                Issue.record("run() did not return after cancel() in round \(round)")
                return
            }
            #expect(outcome?.isCancellation == true)
        }
    }
}
