#if canImport(Glibc)
    @preconcurrency import Glibc
#endif

/// The real clock: `CLOCK_REALTIME` for the time and `nanosleep` for waiting.
public struct SystemFetchClock: FetchClock {
    public init() {}

    public func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1_000_000_000
    }

    /// Sleeps the whole duration even when a signal interrupts `nanosleep`, by resuming with what is left.
    public func sleep(seconds: Double) {
        guard seconds > 0 else {
            return
        }
        let whole = seconds.rounded(.down)
        var request = timespec(tv_sec: Int(min(whole, Double(Int32.max))), tv_nsec: Int((seconds - whole) * 1e9))
        var remaining = timespec()
        while nanosleep(&request, &remaining) != 0 && errno == EINTR {
            request = remaining
        }
    }
}
