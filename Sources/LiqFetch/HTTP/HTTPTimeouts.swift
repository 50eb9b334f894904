/// How long one GET may take before it is abandoned as a timeout.
///
/// Three independent limits, because they catch different failures: a dead host (connect), a server that trickles
/// bytes forever (low speed), and a transfer that simply takes too long for a cron run (total).
public struct HTTPTimeouts: Sendable, Equatable {
    /// Seconds allowed to establish the connection (TCP and TLS), so an unreachable host fails fast instead of using
    /// up the whole `totalSeconds`. Must be greater than 0.
    public var connectSeconds: Double

    /// Seconds allowed for the whole transfer, connect included: the longest a worker thread can be blocked by one
    /// request. Must be greater than 0.
    public var totalSeconds: Double

    /// Bytes per second below which the transfer counts as stalled. 0 turns stall detection off.
    public var lowSpeedLimitBytesPerSecond: Int

    /// Seconds the transfer may stay below `lowSpeedLimitBytesPerSecond` before it is aborted as a timeout.
    public var lowSpeedTimeSeconds: Int

    /// Defaults suit venue REST endpoints: 10 s to connect, 60 s in all, and abort after 20 s under 1 KiB/s.
    public init(
        connectSeconds: Double = 10,
        totalSeconds: Double = 60,
        lowSpeedLimitBytesPerSecond: Int = 1024,
        lowSpeedTimeSeconds: Int = 20
    ) {
        self.connectSeconds = connectSeconds
        self.totalSeconds = totalSeconds
        self.lowSpeedLimitBytesPerSecond = lowSpeedLimitBytesPerSecond
        self.lowSpeedTimeSeconds = lowSpeedTimeSeconds
    }

    /// Converts seconds to the nearest whole milliseconds libcurl takes, never below 1 ms because libcurl reads 0 as
    /// "no limit at all"; values beyond `Int32.max` ms (about 24 days) are capped there.
    static func milliseconds(_ seconds: Double) -> Int {
        precondition(seconds.isFinite && seconds > 0, "HTTP timeouts must be finite and positive, got \(seconds)")
        return max(1, Int(min((seconds * 1000).rounded(), Double(Int32.max))))
    }
}
