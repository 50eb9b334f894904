public import LiqCore

/// Why `ResilientFetcher` gave up on a request, with the venue, the URL and how many requests it sent for it.
///
/// Bans, geo-blocks and spent budgets are kinds of their own because the CLI treats them differently from a
/// failing endpoint: they end every request to the venue, not just this one.
public struct ResilientFetchError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What ended the request.
    public enum Kind: Sendable, Equatable {
        /// The venue banned this IP (HTTP 418, Binance's auto-ban) until `untilEpochSeconds`; no request goes to the
        /// venue before then.
        case banned(untilEpochSeconds: Double)
        /// HTTP 451 or 403: the venue refuses requests from this region (Binance answers 451, Bybit 403 for US IPs),
        /// so retrying cannot help.
        case geoBlocked(status: Int, body: String)
        /// The run's request budget for the venue (`maxRequests`) is spent.
        case budgetExhausted(maxRequests: Int)
        /// A status worth retrying (429, 408, 5xx) was still the answer when attempts or backoff time ran out;
        /// `body` is the start of the last answer (`HTTPResponse.bodyExcerpt`), where venues put their reason.
        case status(Int, body: String)
        /// No response arrived: after the last attempt, or at once when sending again cannot help.
        case transport(HTTPError)
    }

    public var venue: Venue
    /// The requested URL.
    public var url: String
    /// Requests sent for this call, retries included; 0 when it was refused before sending (ban, budget).
    public var attempts: Int
    public var kind: Kind

    public init(venue: Venue, url: String, attempts: Int, kind: Kind) {
        self.venue = venue
        self.url = url
        self.attempts = attempts
        self.kind = kind
    }

    /// One line: venue, URL, what happened, and how many requests were sent.
    public var description: String {
        let summary =
            switch kind {
            case .banned(let until): "venue banned this IP (HTTP 418) until \(Self.utcText(until))"
            case .geoBlocked(let status, let body):
                "HTTP \(status), requests from this region are refused" + (body.isEmpty ? "" : ": \(body)")
            case .budgetExhausted(let maxRequests): "request budget of \(maxRequests) for this run is spent"
            case .status(let status, let body): "HTTP \(status)" + (body.isEmpty ? "" : ": \(body)")
            case .transport(let error): error.summary
            }
        let sent =
            switch attempts {
            case 0: "not sent"
            case 1: "1 attempt"
            default: "\(attempts) attempts"
            }
        return "\(venue.rawValue) GET \(url): \(summary) (\(sent))"
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` for epoch seconds, rounded up so the instant named is never before the real one.
    static func utcText(_ epochSeconds: Double) -> String {
        let seconds = Int64(epochSeconds.rounded(.up))
        let secondOfDay = Int(((seconds % 86_400) + 86_400) % 86_400)
        let date = UTCDate(timestampMs: seconds * 1000)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(date)T\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60))Z"
    }
}
