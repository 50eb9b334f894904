/// An error a test throws from a stage, to recognise it in the pipeline's failure.
struct InjectedFailure: Error, Equatable {
    /// The stage that threw it.
    let stageName: String
}
