/// Wall time and blocking sleep for pacing, backoff and bans, injected so tests can run hours of simulated
/// traffic on a fake clock in microseconds.
///
/// Wall time rather than a monotonic clock because venues speak in wall time: Binance counts weight per clock
/// minute, BitMEX and Bybit send reset instants as epoch seconds or milliseconds, `Retry-After` may be an HTTP date.
/// Users subtract readings and clamp negative differences to zero, so a clock stepped backwards only delays.
public protocol FetchClock: Sendable {
    /// Seconds since 1970-01-01 00:00:00 UTC, with a fractional part.
    func now() -> Double

    /// Blocks the calling thread for `seconds`; zero or less returns at once. Only ever called from Dispatch
    /// worker threads, never from Swift-concurrency tasks, whose cooperative threads must not block.
    func sleep(seconds: Double)
}
