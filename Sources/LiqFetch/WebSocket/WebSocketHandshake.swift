/// The client side of the opening handshake (RFC 6455 §4.1): the upgrade request, and the checks on the answer.
///
/// The key is 16 random bytes from the caller's generator (the system generator in production, a seeded one in
/// tests); the server proves it understood the upgrade by answering with `WebSocketAccept.value(forKey:)`.
struct WebSocketHandshake: Sendable {
    /// Where the request goes.
    let url: WebSocketURL
    /// The `Sec-WebSocket-Key` sent: base64 of 16 random bytes.
    let key: String
    /// Additional request headers (e.g. a venue's auth or origin), after the handshake's own.
    let extraHeaders: HTTPHeaders

    /// Headers the handshake sets itself; an extra header may not replace them.
    private static let reservedNames = [
        "Host", "Upgrade", "Connection", "Sec-WebSocket-Key", "Sec-WebSocket-Version", "Sec-WebSocket-Extensions",
    ]

    /// Prepares a handshake for `url`, drawing the key from `generator`. Throws when an extra header would break the
    /// request (CR, LF or NUL, an empty or non-token name) or replace one of the handshake's own headers.
    init(
        url: WebSocketURL,
        extraHeaders: HTTPHeaders,
        using generator: inout some RandomNumberGenerator
    ) throws(WebSocketError) {
        for field in extraHeaders {
            let nameIsToken =
                !field.name.isEmpty
                && field.name.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && !"()<>@,;:\\\"/[]?={}".utf8.contains($0) }
            guard nameIsToken, !field.value.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A || $0 == 0 }) else {
                throw .invalidRequest(url: url.text, reason: "header \"\(field.name)\" is not a valid header line")
            }
            guard !Self.reservedNames.contains(where: { HTTPHeaders.namesMatch($0, field.name) }) else {
                throw .invalidRequest(url: url.text, reason: "header \"\(field.name)\" is set by the handshake itself")
            }
        }
        self.url = url
        self.key = Base64.text((0..<16).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
        self.extraHeaders = extraHeaders
    }

    /// The request as sent on the wire.
    var requestBytes: [UInt8] {
        var lines = [
            "GET \(url.target) HTTP/1.1",
            "Host: \(url.hostHeader)",
            "Upgrade: websocket",
            "Connection: Upgrade",
            "Sec-WebSocket-Key: \(key)",
            "Sec-WebSocket-Version: 13",
        ]
        lines += extraHeaders.map { "\($0.name): \($0.value)" }
        return Array((lines.joined(separator: "\r\n") + "\r\n\r\n").utf8)
    }

    /// The `Sec-WebSocket-Accept` value the server must send back.
    var expectedAccept: String {
        WebSocketAccept.value(forKey: key)
    }

    /// Checks a 101 answer (RFC 6455 §4.1, the client's checks 1–4). Other statuses are rejected earlier, with their
    /// body, by the connection. No extension or subprotocol was offered, so the server may not select one.
    func validate(_ head: WebSocketResponseHead) throws(WebSocketError) {
        guard head.status == 101 else {
            throw .handshakeInvalid(url: url.text, reason: "status line \"\(head.statusLine)\" is not 101")
        }
        guard head.header("Upgrade", containsToken: "websocket") else {
            throw .handshakeInvalid(url: url.text, reason: "Upgrade is \(Self.quoted(head.headers["Upgrade"]))")
        }
        guard head.header("Connection", containsToken: "Upgrade") else {
            throw .handshakeInvalid(url: url.text, reason: "Connection is \(Self.quoted(head.headers["Connection"]))")
        }
        let accept = head.headers["Sec-WebSocket-Accept"]
        guard accept == expectedAccept else {
            throw .handshakeInvalid(
                url: url.text,
                reason: "Sec-WebSocket-Accept is \(Self.quoted(accept)), expected \"\(expectedAccept)\"")
        }
        if let extensions = head.headers["Sec-WebSocket-Extensions"] {
            throw .handshakeInvalid(
                url: url.text, reason: "the server selected unrequested extensions \"\(extensions)\"")
        }
        if let subprotocol = head.headers["Sec-WebSocket-Protocol"] {
            throw .handshakeInvalid(
                url: url.text, reason: "the server selected unrequested subprotocol \"\(subprotocol)\"")
        }
    }

    private static func quoted(_ value: String?) -> String {
        value.map { "\"\($0)\"" } ?? "missing"
    }
}
