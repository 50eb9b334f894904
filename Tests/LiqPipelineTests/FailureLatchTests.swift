import Testing

@testable import LiqPipeline

@Suite("FailureLatch")
struct FailureLatchTests {
    @Test("the first failure wins and later ones are dropped")
    func firstFailureWins() {
        let latch = FailureLatch()
        #expect(latch.failure == nil)
        #expect(latch.fail(PipelineError(stageName: "fetch", underlying: InjectedFailure(stageName: "fetch"))))
        #expect(!latch.fail(PipelineError(stageName: "sink", underlying: InjectedFailure(stageName: "sink"))))
        #expect(latch.failure?.stageName == "fetch")
        #expect(latch.failure?.underlying as? InjectedFailure == InjectedFailure(stageName: "fetch"))
    }

    @Test("stop handlers run once on the first failure, and at once when registered after it")
    func stopHandlersRunOnce() {
        let latch = FailureLatch()
        let calls = Counter()
        latch.onFailure { calls.add(1) }
        latch.onFailure { calls.add(10) }
        #expect(calls.value == 0)
        latch.fail(PipelineError(stageName: nil, underlying: CancellationError()))
        latch.fail(PipelineError(stageName: "late", underlying: InjectedFailure(stageName: "late")))
        #expect(calls.value == 11)
        latch.onFailure { calls.add(100) }
        #expect(calls.value == 111)
    }

    @Test("a failure cancels the channels registered with it")
    func failureCancelsChannels() {
        let latch = FailureLatch()
        let channel = BoundedChannel<Int>(capacity: 1)
        latch.onFailure(channel.cancel)
        #expect(channel.send(1))
        latch.fail(PipelineError(stageName: "stage", underlying: InjectedFailure(stageName: "stage")))
        #expect(channel.send(2) == false)
        #expect(channel.receive() == nil)
    }
}
