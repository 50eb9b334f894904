/// A `ws://` or `wss://` URL taken apart for the handshake (RFC 6455 §3), and rewritten to the `http(s)://` URL
/// libcurl connects to: libcurl 7.88 does not know the ws schemes, and with `CURLOPT_CONNECT_ONLY` it only opens the
/// TCP (and TLS) connection, so the scheme merely selects port and TLS.
struct WebSocketURL: Sendable, Equatable {
    /// The URL as given, for error messages.
    var text: String
    /// Whether the connection uses TLS (`wss`).
    var isSecure: Bool
    /// Host name or address as written; IPv6 literals keep their brackets.
    var host: String
    /// The explicit port, or nil for the scheme's default (80 or 443).
    var port: Int?
    /// Path and query for the request line, `/` when the URL has no path.
    var target: String

    /// Parses `text`; the reason in the error says which part is wrong.
    init(_ text: String) throws(WebSocketError) {
        self.text = text
        let lowered = text.lowercased()
        let rest: Substring
        if lowered.hasPrefix("ws://") {
            isSecure = false
            rest = text.dropFirst(5)
        } else if lowered.hasPrefix("wss://") {
            isSecure = true
            rest = text.dropFirst(6)
        } else {
            throw .invalidRequest(url: text, reason: "the scheme must be ws:// or wss://")
        }
        guard !rest.contains("#") else {
            throw .invalidRequest(url: text, reason: "WebSocket URLs must not have a fragment (RFC 6455 §3)")
        }
        guard !rest.contains(where: { $0.isWhitespace || $0.asciiValue.map { $0 < 0x20 || $0 == 0x7F } ?? false })
        else {
            throw .invalidRequest(url: text, reason: "the URL contains whitespace or control characters")
        }
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        let pathAndQuery = rest[authorityEnd...]
        target = pathAndQuery.first == "?" ? "/" + pathAndQuery : pathAndQuery.isEmpty ? "/" : String(pathAndQuery)
        guard !authority.contains("@") else {
            throw .invalidRequest(url: text, reason: "user information in the URL is not supported")
        }
        let hostEnd: Substring.Index
        if authority.first == "[" {
            guard let close = authority.firstIndex(of: "]") else {
                throw .invalidRequest(url: text, reason: "unterminated IPv6 address")
            }
            hostEnd = authority.index(after: close)
        } else {
            hostEnd = authority.firstIndex(of: ":") ?? authority.endIndex
        }
        host = String(authority[..<hostEnd])
        guard !host.isEmpty else {
            throw .invalidRequest(url: text, reason: "the host is empty")
        }
        let portText = authority[hostEnd...]
        if portText.isEmpty {
            port = nil
        } else {
            guard portText.first == ":", let number = Int(portText.dropFirst()), (1...65_535).contains(number) else {
                throw .invalidRequest(url: text, reason: "the port must be a number from 1 to 65535")
            }
            port = number
        }
    }

    /// The scheme's default port.
    var defaultPort: Int {
        isSecure ? 443 : 80
    }

    /// The `Host` header value: the port appears only when it differs from the default (RFC 6455 §4.1 item 4).
    var hostHeader: String {
        guard let port, port != defaultPort else {
            return host
        }
        return "\(host):\(port)"
    }

    /// The `http(s)://` URL for libcurl, with the same host, port and target.
    var transportURL: String {
        "\(isSecure ? "https" : "http")://\(host):\(port ?? defaultPort)\(target)"
    }
}
