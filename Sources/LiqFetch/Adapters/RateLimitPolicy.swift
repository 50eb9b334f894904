/// How fast a venue lets one IP call its public REST API, and how it reports usage, so the client can slow down
/// before the limit instead of after it.
public struct RateLimitPolicy: Sendable, Equatable {
    /// How the venue reports consumption in response headers.
    public enum UsageReport: Sendable, Equatable {
        /// No usage headers: pace by the documented budget alone.
        case none
        /// Weight used so far in the current window (Binance `X-MBX-USED-WEIGHT-1M`).
        case usedWeight(header: String)
        /// Requests remaining in the window and, optionally, when it resets (BitMEX `X-RateLimit-Remaining` /
        /// `X-RateLimit-Reset` in epoch seconds; Bybit `X-Bapi-Limit-Status` / `X-Bapi-Limit-Reset-Timestamp` in ms).
        case remaining(header: String, resetHeader: String?)
    }

    /// Budget per window in the venue's units (Binance weight, otherwise requests).
    public var capacity: Double
    /// Window length in seconds.
    public var windowSeconds: Double
    public var usageReport: UsageReport

    public init(capacity: Double, windowSeconds: Double, usageReport: UsageReport) {
        self.capacity = capacity
        self.windowSeconds = windowSeconds
        self.usageReport = usageReport
    }
}
