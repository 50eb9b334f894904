/// A complete response, whatever its status: 4xx and 5xx are data for the caller's retry and rate-limit policy,
/// not errors.
public struct HTTPResponse: Sendable, Equatable {
    /// The URL that produced this response: the request URL, or the last one reached when redirects are followed.
    public var url: String

    /// HTTP status code of the final response, e.g. 200, 429, 503.
    public var status: Int

    /// Header fields of the final response only; interim (1xx) and redirect responses' headers are dropped.
    public var headers: HTTPHeaders

    /// The body after content decoding (gzip and deflate are undone by the transport).
    public var body: [UInt8]

    /// Wall time of the whole transfer in seconds, name resolution and connect included.
    public var elapsedSeconds: Double

    /// Creates a response; transports and test fixtures build these.
    public init(url: String, status: Int, headers: HTTPHeaders, body: [UInt8], elapsedSeconds: Double) {
        self.url = url
        self.status = status
        self.headers = headers
        self.body = body
        self.elapsedSeconds = elapsedSeconds
    }
}
