public import LiqFetch

/// Limits for every HTTP request of a run.
public struct HTTPSettings: Sendable, Equatable {
    public var connectTimeoutSeconds = 10.0
    public var totalTimeoutSeconds = 30.0
    /// Largest response body accepted, bytes after decompression.
    public var maxBodyBytes = 16 << 20
    /// Attempts and backoff for 5xx, timeouts, resets, 429 and 503.
    public var retry = RetryPolicy()
}
