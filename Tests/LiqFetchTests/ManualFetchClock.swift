import LiqFetch
import Synchronization

/// A fake clock for the resilience tests: time stands still until someone sleeps, and a sleep moves time forward
/// by exactly the amount asked and returns at once, so hours of traffic simulate in milliseconds and every wait
/// can be asserted to the microsecond.
final class ManualFetchClock: FetchClock {
    private struct State {
        var now: Double
        var sleeps: [Double] = []
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
        state.withLock { state in
            state.sleeps.append(seconds)
            state.now += max(0, seconds)
        }
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
