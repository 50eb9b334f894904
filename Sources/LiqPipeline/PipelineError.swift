/// Why ``Pipeline/run()`` stopped early: the first error any stage threw, or a cancellation from outside.
///
/// Only the first failure is reported because the rest of the pipeline is torn down in response to it; later errors
/// are echoes. The stage name is kept next to the error so the CLI can say where things went wrong without every
/// stage having to repeat its own name in its errors.
public struct PipelineError: Error, CustomStringConvertible {
    /// The stage whose worker threw first, or `nil` when ``Pipeline/cancel()`` stopped the pipeline.
    public let stageName: String?
    /// The error the stage threw, unchanged; `CancellationError` when the pipeline was cancelled from outside.
    public let underlying: any Error

    /// Creates the error for a stage failure or (with a `nil` stage name) an outside cancellation.
    public init(stageName: String?, underlying: any Error) {
        self.stageName = stageName
        self.underlying = underlying
    }

    /// Whether the pipeline was stopped by ``Pipeline/cancel()`` rather than by a failing stage, so a CLI can map
    /// it to its own exit code (conventionally 130) instead of reporting an error.
    public var isCancellation: Bool {
        stageName == nil && underlying is CancellationError
    }

    /// One line for a log or a terminal, naming the stage.
    public var description: String {
        guard let stageName else { return "pipeline cancelled" }
        return "stage '\(stageName)' failed: \(underlying)"
    }
}
