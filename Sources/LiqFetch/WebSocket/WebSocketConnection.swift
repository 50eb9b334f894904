/// A client WebSocket connection (RFC 6455) over a libcurl-opened TCP/TLS stream, for the collector's venue feeds.
///
/// Blocking and single-threaded: one collector thread owns a connection and calls `receive` in a loop, sending
/// subscriptions and heartbeats between calls. Server pings are answered inside `receive`, so a venue that pings
/// (Binance) keeps the connection while the owner only reads. After the first error or close every call throws that
/// same terminal error again; reconnecting means making a new connection. Call `close` when done: deinit only drops
/// the TCP connection, without a close frame.
public final class WebSocketConnection {
    /// The `ws://` or `wss://` URL, as given.
    public let url: String
    /// When the last pong arrived (an answer to `sendPing` or an unsolicited heartbeat), for liveness checks.
    public private(set) var lastPongAt: ContinuousClock.Instant?

    private let options: WebSocketOptions
    /// Nil once the connection ended (exactly when `terminalError` is set); dropping it closes the socket.
    private var stream: CurlStream?
    private var parser: WebSocketFrameParser
    /// Mask keys must be unpredictable to intermediaries (RFC 6455 §5.3); the system generator is cryptographic.
    private var random = SystemRandomNumberGenerator()
    /// The error every call throws once the connection ended.
    private var terminalError: WebSocketError?

    private init(url: String, options: WebSocketOptions, stream: CurlStream, parser: WebSocketFrameParser) {
        self.url = url
        self.options = options
        self.stream = stream
        self.parser = parser
    }

    /// Connects and performs the opening handshake. Throws `.invalidRequest`, `.connectFailed`, `.timedOut`,
    /// `.handshakeRejected` (a status other than 101, with its body's start), `.handshakeInvalid` or `.transport`.
    public static func connect(
        url: String,
        options: WebSocketOptions = WebSocketOptions()
    ) throws(WebSocketError) -> WebSocketConnection {
        let target = try WebSocketURL(url)
        var random = SystemRandomNumberGenerator()
        let handshake = try WebSocketHandshake(url: target, extraHeaders: options.extraHeaders, using: &random)
        let stream = try CurlStream.open(
            url: url,
            transportURL: target.transportURL,
            connectTimeoutSeconds: options.connectTimeoutSeconds,
            usesEnvironmentProxy: options.usesEnvironmentProxy
        )
        let deadline = ContinuousClock.now + .seconds(options.handshakeTimeoutSeconds)
        try stream.send(handshake.requestBytes, deadline: deadline, phase: "handshake")
        let (head, rest) = try readResponseHead(from: stream, url: url, deadline: deadline)
        guard head.status == 101 else {
            let body = rejectionBody(after: rest, head: head, stream: stream, deadline: deadline)
            let response = HTTPResponse(
                url: url, status: head.status ?? 0, headers: head.headers, body: body, elapsedSeconds: 0)
            throw .handshakeRejected(url: url, statusLine: head.statusLine, bodyExcerpt: response.bodyExcerpt())
        }
        try handshake.validate(head)
        // The server may send frames right behind its answer, in the same read.
        var parser = WebSocketFrameParser(maxMessageBytes: options.maxMessageBytes)
        parser.append(rest)
        return WebSocketConnection(url: url, options: options, stream: stream, parser: parser)
    }

    /// Whether the connection can still send and receive.
    public var isOpen: Bool {
        stream != nil
    }

    /// Sends one text message (a subscription, a venue's JSON heartbeat) in a single frame.
    public func send(text: String) throws(WebSocketError) {
        try sendFrame(.text, payload: Array(text.utf8))
    }

    /// Sends a ping with `payload` (at most 125 bytes); the server's pong updates `lastPongAt`.
    public func sendPing(_ payload: [UInt8]) throws(WebSocketError) {
        guard payload.count <= 125 else {
            throw .invalidRequest(url: url, reason: "a ping payload of \(payload.count) bytes exceeds 125 bytes")
        }
        try sendFrame(.ping, payload: payload)
    }

    /// Waits up to timeoutSeconds for the next data message. Answers server pings with pongs itself, swallows pongs
    /// (records the time of the last pong), returns nil on timeout, throws .closed(code:reason:) after a server close
    /// (having answered it), and transport/protocol errors otherwise. A timeout of 0 returns only what has already
    /// arrived.
    public func receive(timeoutSeconds: Double) throws(WebSocketError) -> WebSocketMessage? {
        precondition(timeoutSeconds.isFinite && timeoutSeconds >= 0, "timeoutSeconds must be finite and not negative")
        let stream = try openStream()
        let deadline = ContinuousClock.now + .seconds(timeoutSeconds)
        do throws(WebSocketError) {
            while true {
                while let inbound = try nextInbound() {
                    switch inbound {
                    case .message(let message):
                        return message
                    case .ping(let payload):
                        try sendFrame(.pong, payload: payload)
                    case .pong:
                        lastPongAt = .now
                    case .close(let code, let reason):
                        // Echo the code (RFC 6455 §5.5.1); a close without a code is answered without one.
                        // Best effort: the connection ends with the server's close whether or not the answer got out.
                        let answer = code == 1005 ? [] : WebSocketFrameEncoder.closePayload(code: code, reason: "")
                        let frame = WebSocketFrameEncoder.encode(.close, payload: answer, using: &random)
                        try? stream.send(frame, deadline: .now + .seconds(options.sendTimeoutSeconds), phase: "close")
                        throw .closed(code: code, reason: reason)
                    }
                }
                guard let bytes = try stream.receive(deadline: deadline) else {
                    return nil
                }
                parser.append(bytes)
            }
        } catch {
            end(with: error)
            throw error
        }
    }

    /// Starts the closing handshake with `code` and `reason` and waits up to `closeTimeoutSeconds` for the server's
    /// close frame (discarding messages still in flight), then drops the connection. Best effort: failures are
    /// ignored, as there is nothing left to do with a connection being closed. Does nothing once it has ended.
    public func close(code: UInt16 = 1000, reason: String = "") {
        guard let stream else {
            return
        }
        let deadline = ContinuousClock.now + .seconds(options.closeTimeoutSeconds)
        let frame = WebSocketFrameEncoder.encode(
            .close, payload: WebSocketFrameEncoder.closePayload(code: code, reason: reason), using: &random)
        do throws(WebSocketError) {
            try stream.send(frame, deadline: deadline, phase: "close")
            waiting: while true {
                while let inbound = try nextInbound() {
                    if case .close = inbound {
                        break waiting
                    }
                }
                guard let bytes = try stream.receive(deadline: deadline) else {
                    break
                }
                parser.append(bytes)
            }
        } catch {
            // The server dropped the connection or broke the protocol while closing: closed either way.
        }
        end(with: .closed(code: code, reason: reason))
    }

    /// The stream, or the terminal error when the connection has ended.
    private func openStream() throws(WebSocketError) -> CurlStream {
        guard let stream else {
            throw terminalError ?? .transport(url: url, detail: "the connection has ended")
        }
        return stream
    }

    /// Sends one masked frame; a failure ends the connection.
    private func sendFrame(_ opcode: WebSocketOpcode, payload: [UInt8]) throws(WebSocketError) {
        let stream = try openStream()
        let frame = WebSocketFrameEncoder.encode(opcode, payload: payload, using: &random)
        do throws(WebSocketError) {
            try stream.send(frame, deadline: .now + .seconds(options.sendTimeoutSeconds), phase: "send")
        } catch {
            end(with: error)
            throw error
        }
    }

    /// The parser's next item, with framing errors turned into public errors naming the URL.
    private func nextInbound() throws(WebSocketError) -> WebSocketInbound? {
        do {
            return try parser.next()
        } catch {
            throw error.webSocketError(url: url)
        }
    }

    /// Records the terminal error and releases the socket.
    private func end(with error: WebSocketError) {
        if terminalError == nil {
            terminalError = error
        }
        stream = nil
    }

    /// Reads until the answer's head is complete; returns it and the bytes that followed it in the same reads.
    private static func readResponseHead(
        from stream: CurlStream,
        url: String,
        deadline: ContinuousClock.Instant
    ) throws(WebSocketError) -> (head: WebSocketResponseHead, rest: [UInt8]) {
        var received = [UInt8]()
        while true {
            if let end = WebSocketResponseHead.length(in: received) {
                return (WebSocketResponseHead(received[..<end]), Array(received[end...]))
            }
            guard received.count < WebSocketResponseHead.maxBytes else {
                throw .handshakeInvalid(
                    url: url, reason: "the response head exceeds \(WebSocketResponseHead.maxBytes) bytes")
            }
            guard let bytes = try stream.receive(deadline: deadline) else {
                throw .timedOut(url: url, phase: "handshake")
            }
            received += bytes
        }
    }

    /// The start of a rejected upgrade's body: what already arrived, plus what follows within the handshake
    /// deadline up to `Content-Length` (only 200 bytes are shown, so at most that many are awaited). Without a
    /// `Content-Length` it takes what is there, rather than wait for a close that may never come.
    private static func rejectionBody(
        after received: [UInt8],
        head: WebSocketResponseHead,
        stream: CurlStream,
        deadline: ContinuousClock.Instant
    ) -> [UInt8] {
        var body = received
        let wanted = min(head.headers["Content-Length"].flatMap { Int($0) } ?? 0, 200)
        while body.count < wanted, let bytes = try? stream.receive(deadline: deadline) {
            body += bytes
        }
        return body
    }
}

@available(*, unavailable)
extension WebSocketConnection: Sendable {}
