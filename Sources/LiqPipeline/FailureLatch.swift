import Synchronization

/// Records the first failure of a pipeline and stops everything that could keep it blocked.
///
/// The first error wins because later ones are usually consequences of the first (a stage that finds its output
/// cancelled throws too); reporting those would hide the cause. On that first failure the latch runs every
/// registered stop handler (channel and window cancellation), so no worker stays blocked on a full or empty channel.
///
/// Invariant the pipeline relies on: channels are only ever cancelled from here, after the failure is recorded.
/// Anything a worker throws because its channel was cancelled therefore always arrives second and is dropped.
final class FailureLatch: Sendable {
    private let state = Mutex(State())

    private struct State {
        var failure: PipelineError?
        var stopHandlers: [@Sendable () -> Void] = []
    }

    /// The failure that stopped the pipeline, or `nil` while nothing has failed.
    var failure: PipelineError? {
        state.withLock { $0.failure }
    }

    /// Registers work to run on the first failure, at once if the latch has already failed.
    func onFailure(_ handler: @escaping @Sendable () -> Void) {
        let hasFailed = state.withLock { state -> Bool in
            if state.failure == nil {
                state.stopHandlers.append(handler)
                return false
            }
            return true
        }
        if hasFailed {
            handler()
        }
    }

    /// Records `error` if it is the first one and then runs the stop handlers (outside the lock, since they take
    /// the channels' own locks).
    /// - Returns: Whether this call was the first failure.
    @discardableResult
    func fail(_ error: PipelineError) -> Bool {
        let handlers = state.withLock { state -> [@Sendable () -> Void]? in
            guard state.failure == nil else { return nil }
            state.failure = error
            defer { state.stopHandlers = [] }
            return state.stopHandlers
        }
        guard let handlers else { return false }
        for handler in handlers {
            handler()
        }
        return true
    }
}
