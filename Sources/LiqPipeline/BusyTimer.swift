import Dispatch

/// Measures the wall time a worker spends in its own code, leaving out time blocked on backpressure.
///
/// Uses the monotonic uptime clock (nanoseconds), which is cheap enough to read twice per item and per output.
struct BusyTimer {
    private let startNanoseconds = DispatchTime.now().uptimeNanoseconds
    private var waitingNanoseconds: UInt64 = 0

    /// Runs `body` (a blocking send) and subtracts its duration from the busy time.
    mutating func excludingWait<Result>(_ body: () -> Result) -> Result {
        let waitStart = DispatchTime.now().uptimeNanoseconds
        defer { waitingNanoseconds += DispatchTime.now().uptimeNanoseconds - waitStart }
        return body()
    }

    /// Nanoseconds since the timer was created, minus the time spent in ``excludingWait(_:)``.
    var busyNanoseconds: Int64 {
        Int64(DispatchTime.now().uptimeNanoseconds - startNanoseconds - waitingNanoseconds)
    }
}
