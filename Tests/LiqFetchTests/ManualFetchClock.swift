import LiqFetch
import Synchronization

/// A fake clock for the resilience tests: time stands still until someone sleeps, and a sleep moves time forward
/// by exactly the amount asked and returns at once, so hours of traffic simulate in milliseconds and every wait
/// can be asserted to the microsecond.
final class ManualFetchClock: FetchClock {
    private struct State {
        var now: Double
        var sleeps: [Double] = []
        var onNextSleep: (@Sendable () -> Void)?
    }

    private let state: Mutex<State>

    /// Starts at `start`, epoch seconds.
    init(start: Double) {
        state = Mutex(State(now: start))
    }

    func now() -> Double {
        state.withLock { $0.now }
    }

    func sleep(seconds: Double) {
        let action = state.withLock { state in
            state.sleeps.append(seconds)
            state.now += max(0, seconds)
            defer { state.onNextSleep = nil }
            return state.onNextSleep
        }
        action?()
    }

    /// Runs `action` once, at the end of the next sleep: something that happens while a worker waits.
    func onNextSleep(_ action: @escaping @Sendable () -> Void) {
        state.withLock { $0.onNextSleep = action }
    }

    /// Moves time forward without recording a sleep, e.g. for a request's latency.
    func advance(by seconds: Double) {
        state.withLock { $0.now += seconds }
    }

    /// Every sleep asked for so far, in order.
    var sleeps: [Double] {
        state.withLock { $0.sleeps }
    }
}
