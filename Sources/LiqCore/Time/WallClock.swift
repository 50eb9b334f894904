#if canImport(Glibc)
    @preconcurrency import Glibc
#endif

/// The system's UTC time, read in one place: everything else takes a clock as a parameter so tests can fix it.
public enum WallClock {
    /// Now in UTC epoch milliseconds.
    public static func nowMs() -> Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000
    }
}
