import Foundation

/// The clocks every benchmark reads: monotonic wall time, and CPU time of the calling thread or of the whole
/// process (all threads, for the multi-worker benchmarks), all in seconds.
enum BenchClock {
    static func wall() -> Double { read(CLOCK_MONOTONIC) }

    static func threadCPU() -> Double { read(CLOCK_THREAD_CPUTIME_ID) }

    static func processCPU() -> Double { read(CLOCK_PROCESS_CPUTIME_ID) }

    private static func read(_ clock: clockid_t) -> Double {
        var time = timespec()
        clock_gettime(clock, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }
}
