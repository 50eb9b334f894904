/// A GET that produced no usable response, with the URL and libcurl's own explanation.
///
/// A struct with a `kind` rather than a bare enum so that context can be added without breaking callers; the CLI
/// maps `kind` to exit codes and retry decisions.
public struct HTTPError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, coarse enough to decide whether a retry can help.
    public enum Kind: Sendable, Equatable {
        /// The connect, total or low-speed limit of `HTTPTimeouts` was reached.
        case timeout
        /// The host name did not resolve or nothing accepted the connection.
        case connectionFailed
        /// The body would have exceeded `limit` bytes, so the transfer was aborted.
        case bodyTooLarge(limit: Int)
        /// The response header lines would have exceeded `limit` bytes, so the transfer was aborted.
        case headersTooLarge(limit: Int)
        /// Any other libcurl failure: `code` is the CURLcode number, `message` its `curl_easy_strerror` text.
        case transport(code: Int, message: String)
    }

    /// The requested URL.
    public var url: String

    /// The class of failure.
    public var kind: Kind

    /// libcurl's sentence about this particular failure (its error buffer), e.g. "Failed to connect to 127.0.0.1
    /// port 9 after 0 ms: Connection refused"; empty when there is none.
    public var detail: String

    /// Creates an error for `url`.
    public init(url: String, kind: Kind, detail: String = "") {
        self.url = url
        self.kind = kind
        self.detail = detail
    }

    /// One line naming the URL, the kind and libcurl's detail.
    public var description: String {
        "GET \(url) failed: \(summary)"
    }

    /// The kind and libcurl's detail without the URL, for messages that name the URL themselves.
    var summary: String {
        let kindText =
            switch kind {
            case .timeout: "timed out"
            case .connectionFailed: "could not connect"
            case .bodyTooLarge(let limit): "body larger than \(limit) bytes"
            case .headersTooLarge(let limit): "headers larger than \(limit) bytes"
            case .transport(let code, let message): "libcurl error \(code), \(message)"
            }
        return detail.isEmpty ? kindText : "\(kindText) (\(detail))"
    }
}
