import Testing

@testable import LiqPipeline

@Suite("PipelineError")
struct PipelineErrorTests {
    @Test("names the failing stage, or says the pipeline was cancelled")
    func description() {
        let failure = PipelineError(stageName: "normalise", underlying: InjectedFailure(stageName: "normalise"))
        #expect(failure.description == #"stage 'normalise' failed: InjectedFailure(stageName: "normalise")"#)
        #expect(!failure.isCancellation)
        let cancelled = PipelineError(stageName: nil, underlying: CancellationError())
        #expect(cancelled.description == "pipeline cancelled")
        #expect(cancelled.isCancellation)
    }

    @Test("a stage that throws CancellationError itself is a failure, not an outside cancellation")
    func stageCancellationIsAFailure() {
        #expect(!PipelineError(stageName: "fetch", underlying: CancellationError()).isCancellation)
    }
}
