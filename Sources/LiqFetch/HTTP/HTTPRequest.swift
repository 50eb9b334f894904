/// One request to perform (a GET, or a POST when it has a body): where, with which extra headers, and within which
/// time and size limits.
///
/// The limits travel with the request rather than the client because they differ per endpoint: a ticker is a few
/// KiB, a daily trade archive can be hundreds of MiB.
public struct HTTPRequest: Sendable, Equatable {
    /// Absolute `http` or `https` URL, query string included and already percent-encoded.
    public var url: String

    /// Extra request headers (API keys, `Accept`). The client sets `User-Agent` and `Accept-Encoding` itself.
    public var headers: HTTPHeaders

    /// Connect, total and stall limits for this request.
    public var timeouts: HTTPTimeouts

    /// Largest body, in bytes after content decoding, that is accepted; a larger one aborts the transfer as soon as
    /// the limit would be passed, so a runaway response cannot exhaust memory.
    public var maxBodyBytes: Int

    /// Largest total size, in bytes, of all response header lines (status lines and CRLFs included).
    public var maxHeaderBytes: Int

    /// A request body: when set, the request is a POST of these bytes (venues with POST-only public APIs, such
    /// as Hyperliquid's `/info`); the caller sets the matching `Content-Type` header.
    public var body: [UInt8]?

    /// Defaults: 16 MiB of body and 64 KiB of headers, which covers every venue REST response by a wide margin.
    public init(
        url: String,
        headers: HTTPHeaders = [:],
        timeouts: HTTPTimeouts = HTTPTimeouts(),
        maxBodyBytes: Int = 16 * 1024 * 1024,
        maxHeaderBytes: Int = 64 * 1024,
        body: [UInt8]? = nil
    ) {
        self.url = url
        self.headers = headers
        self.timeouts = timeouts
        self.maxBodyBytes = maxBodyBytes
        self.maxHeaderBytes = maxHeaderBytes
        self.body = body
    }
}
