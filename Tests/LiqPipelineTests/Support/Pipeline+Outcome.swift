import LiqPipeline

extension Pipeline {
    /// Runs the pipeline and returns its failure, or `nil` when it completed, so tests can inspect the error.
    func runForFailure() -> PipelineError? {
        do {
            try run()
            return nil
        } catch {
            return error
        }
    }
}
