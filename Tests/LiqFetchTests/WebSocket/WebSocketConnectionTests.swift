import Glibc
import LiqFetch
import LiqTestSupport
import Testing

/// The client against `LoopbackWebSocketServer` on 127.0.0.1, with environment proxies off, so no test can reach
/// another address. Server scripts throw when the client misbehaves (an unmasked frame, no pong); each test checks
/// `scriptErrors` after `stop()`.
@Suite struct WebSocketConnectionTests {
    static let options = WebSocketOptions(
        connectTimeoutSeconds: 2, handshakeTimeoutSeconds: 2, sendTimeoutSeconds: 2, closeTimeoutSeconds: 1,
        usesEnvironmentProxy: false)

    func connect(
        _ server: LoopbackWebSocketServer,
        path: String = "/ws",
        options: WebSocketOptions = Self.options
    ) throws -> WebSocketConnection {
        try WebSocketConnection.connect(url: server.url(path: path), options: options)
    }

    /// The `WebSocketError` `body` throws, or nil (recording a failure at the caller) when it throws nothing or
    /// something else.
    func webSocketError(
        sourceLocation: SourceLocation = #_sourceLocation,
        _ body: () throws -> Void
    ) -> WebSocketError? {
        #expect(throws: WebSocketError.self, sourceLocation: sourceLocation) { try body() }
    }

    /// The `WebSocketError` `body` throws, or nil when it succeeds.
    func webSocketErrorIfAny(_ body: () throws(WebSocketError) -> Void) -> WebSocketError? {
        do {
            try body()
            return nil
        } catch {
            return error
        }
    }

    @Test func upgradesAndEchoesText() throws {
        let server = try LoopbackWebSocketServer { peer in
            let text = try peer.receiveText()
            try peer.sendText("echo: " + text)
            try peer.sendBinary([0, 1, 255])
        }
        var options = Self.options
        options.extraHeaders = ["Origin": "https://liqpipe.test"]
        let connection = try connect(server, path: "/market/stream?streams=!forceOrder@arr", options: options)
        try connection.send(text: #"{"method":"SUBSCRIBE","id":1}"#)

        #expect(try connection.receive(timeoutSeconds: 2) == .text(Array(#"echo: {"method":"SUBSCRIBE","id":1}"#.utf8)))
        #expect(try connection.receive(timeoutSeconds: 2) == .binary([0, 1, 255]))
        server.stop()
        #expect(server.scriptErrors == [])
        let request = try #require(server.receivedRequests.first)
        #expect(request.method == "GET")
        #expect(request.target == "/market/stream?streams=!forceOrder@arr")
        #expect(request.header("Host") == "127.0.0.1:\(server.port)")
        #expect(request.header("Upgrade") == "websocket")
        #expect(request.header("Connection") == "Upgrade")
        #expect(request.header("Sec-WebSocket-Version") == "13")
        #expect(request.header("Origin") == "https://liqpipe.test")
        #expect(server.acceptedConnectionCount == 1)
    }

    /// Frames the server writes in the same packet as its 101 reach the first `receive`.
    @Test func keepsFramesThatArriveWithTheUpgradeAnswer() throws {
        let server = try LoopbackWebSocketServer(
            reply: { request in
                let accept = WebSocketAccept.value(forKey: request.header("Sec-WebSocket-Key") ?? "")
                let head =
                    "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: \(accept)\r\n\r\n"
                return .raw(Array(head.utf8) + [0x81, 0x02, 0x68, 0x69])
            },
            script: { _ in })
        defer { server.stop() }
        let connection = try connect(server)
        #expect(try connection.receive(timeoutSeconds: 2) == .text(Array("hi".utf8)))
    }

    @Test func rejectsAWrongAcceptValueNamingTheURL() throws {
        let server = try LoopbackWebSocketServer(
            reply: { _ in .acceptWithValue("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=") }, script: { _ in })
        defer { server.stop() }
        let url = server.url(path: "/ws")
        let error = webSocketError { _ = try WebSocketConnection.connect(url: url, options: Self.options) }
        let key = try #require(server.receivedRequests.first?.header("Sec-WebSocket-Key"))
        let reason =
            "Sec-WebSocket-Accept is \"s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\", expected \"\(WebSocketAccept.value(forKey: key))\""
        #expect(error == .handshakeInvalid(url: url, reason: reason))
        #expect(error?.description == "WebSocket \(url): invalid upgrade response: \(reason)")
    }

    @Test func reportsARejectedUpgradeWithStatusAndBody() throws {
        let server = try LoopbackWebSocketServer(
            reply: { _ in .reject(status: 403, reason: "Forbidden", body: #"{"code":0,"msg":"restricted location"}"#) },
            script: { _ in })
        defer { server.stop() }
        let url = server.url(path: "/ws")
        let error = webSocketError { _ = try WebSocketConnection.connect(url: url, options: Self.options) }
        #expect(
            error
                == .handshakeRejected(
                    url: url, statusLine: "HTTP/1.1 403 Forbidden",
                    bodyExcerpt: #"{"code":0,"msg":"restricted location"}"#))
        #expect(
            error?.description
                == #"WebSocket \#(url): upgrade rejected with "HTTP/1.1 403 Forbidden", body: {"code":0,"msg":"restricted location"}"#
        )
    }

    @Test func timesOutAHandshakeTheServerNeverAnswers() throws {
        let server = try LoopbackWebSocketServer(
            reply: { _ in
                usleep(150_000)
                return .accept
            },
            script: { _ in })
        defer { server.stop() }
        var options = Self.options
        options.handshakeTimeoutSeconds = 0.05
        let url = server.url(path: "/ws")
        #expect(
            webSocketError { _ = try WebSocketConnection.connect(url: url, options: options) }
                == .timedOut(url: url, phase: "handshake"))
    }

    @Test func rejectsAnOversizedResponseHead() throws {
        let server = try LoopbackWebSocketServer(
            reply: { _ in
                .raw(Array("HTTP/1.1 101 Switching Protocols\r\nX-Pad: ".utf8) + Array(repeating: 0x61, count: 20_000))
            },
            script: { _ in })
        defer { server.stop() }
        let url = server.url(path: "/ws")
        #expect(
            webSocketError { _ = try WebSocketConnection.connect(url: url, options: Self.options) }
                == .handshakeInvalid(url: url, reason: "the response head exceeds 16384 bytes"))
    }

    /// wss:// goes through TLS: the plain loopback server never answers the ClientHello, so the connect phase (TCP
    /// and TLS) times out, although TCP itself connected at once.
    @Test func speaksTLSForSecureURLs() throws {
        let server = try LoopbackWebSocketServer(script: { _ in })
        defer { server.stop() }
        var options = Self.options
        options.connectTimeoutSeconds = 0.1
        let url = "wss://127.0.0.1:\(server.port)/ws"
        #expect(
            webSocketError { _ = try WebSocketConnection.connect(url: url, options: options) }
                == .timedOut(url: url, phase: "connect"))
        #expect(server.acceptedConnectionCount == 1)
    }

    /// The TLS ClientHello (sent in clear) offers only `http/1.1` by ALPN. libcurl would offer `h2` as well, and a
    /// venue choosing h2 could not read the HTTP/1.1 upgrade request. The listener hangs up after the hello, so the
    /// connect fails; only the bytes on the wire matter here.
    @Test func offersOnlyHTTP11InTheTLSHandshake() throws {
        // A TLS record: 5-byte header whose last two bytes are the record length.
        let capture = try LoopbackByteCapture { $0.count >= 5 && $0.count >= 5 + (Int($0[3]) << 8 | Int($0[4])) }
        let url = "wss://127.0.0.1:\(capture.port)/ws"
        #expect(webSocketError { _ = try WebSocketConnection.connect(url: url, options: Self.options) } != nil)
        let hello = try #require(capture.capturedBytes())
        #expect(hello.first == 0x16)  // TLS handshake record
        // ALPN extension (type 16): extension length 11, list length 9, one protocol of 8 bytes "http/1.1".
        let alpnOnlyHTTP11: [UInt8] = [0x00, 0x10, 0x00, 0x0B, 0x00, 0x09, 0x08] + Array("http/1.1".utf8)
        #expect(hello.firstRange(of: alpnOnlyHTTP11) != nil)
        #expect(hello.firstRange(of: [0x02] + Array("h2".utf8)) == nil)
    }

    @Test func reportsARefusedConnection() throws {
        let refusing = try RefusingLoopbackPort()
        let url = "ws://127.0.0.1:\(refusing.port)/ws"
        let error = webSocketError { _ = try WebSocketConnection.connect(url: url, options: Self.options) }
        guard case .connectFailed(let failedURL, let detail) = error else {
            Issue.record("expected connectFailed, got \(String(describing: error))")
            return
        }
        #expect(failedURL == url)
        #expect(detail.contains("127.0.0.1") && detail.contains("\(refusing.port)"))
    }

    @Test func rejectsANonWebSocketURLBeforeConnecting() {
        #expect(
            webSocketError { _ = try WebSocketConnection.connect(url: "https://example.com/ws", options: Self.options) }
                == .invalidRequest(url: "https://example.com/ws", reason: "the scheme must be ws:// or wss://"))
    }

    /// The script only sends its text after it received the pong, so the text proves the client answered.
    @Test func answersServerPingsWithPongs() throws {
        let server = try LoopbackWebSocketServer { peer in
            try peer.sendPing([1, 2, 3])
            let pong = try peer.receivePong()
            guard pong == [1, 2, 3] else {
                throw LoopbackWebSocketError("pong payload \(pong)")
            }
            try peer.sendText("after pong")
        }
        let connection = try connect(server)
        #expect(try connection.receive(timeoutSeconds: 2) == .text(Array("after pong".utf8)))
        server.stop()
        #expect(server.scriptErrors == [])
    }

    @Test func recordsTheServersPong() throws {
        let server = try LoopbackWebSocketServer { peer in
            try peer.sendPong(try peer.receivePing())
            try peer.sendText("ok")
        }
        defer { server.stop() }
        let connection = try connect(server)
        #expect(connection.lastPongAt == nil)
        let before = ContinuousClock.now
        try connection.sendPing(Array("hb".utf8))
        #expect(try connection.receive(timeoutSeconds: 2) == .text(Array("ok".utf8)))
        let pongAt = try #require(connection.lastPongAt)
        #expect(pongAt >= before && pongAt <= .now)
        #expect(
            throws: WebSocketError.invalidRequest(
                url: connection.url, reason: "a ping payload of 126 bytes exceeds 125 bytes")
        ) {
            try connection.sendPing(Array(repeating: 0, count: 126))
        }
    }

    @Test func joinsAFragmentedTextMessage() throws {
        let text = String(repeating: #"{"o":{"s":"BTCUSDT","S":"SELL"}}"#, count: 40)
        let server = try LoopbackWebSocketServer { peer in
            try peer.sendFragmented(text: text, pieces: 7)
        }
        defer { server.stop() }
        let connection = try connect(server)
        #expect(try connection.receive(timeoutSeconds: 2) == .text(Array(text.utf8)))
    }

    /// A ping between two fragments is answered at once, and the message still arrives whole.
    @Test func answersAPingBetweenFragments() throws {
        let server = try LoopbackWebSocketServer { peer in
            try peer.sendFrame(opcode: LoopbackWebSocketFrame.text, payload: Array("frag".utf8), isFinal: false)
            try peer.sendPing([7])
            try peer.sendFrame(opcode: LoopbackWebSocketFrame.continuation, payload: Array("mented".utf8))
            guard try peer.receivePong() == [7] else {
                throw LoopbackWebSocketError("wrong pong payload")
            }
        }
        let connection = try connect(server)
        #expect(try connection.receive(timeoutSeconds: 2) == .text(Array("fragmented".utf8)))
        #expect(server.waitForFinishedConnections(1))
        server.stop()
        #expect(server.scriptErrors == [])
    }

    @Test func receivesABurstInOrder() throws {
        let server = try LoopbackWebSocketServer { peer in
            for index in 0..<200 {
                try peer.sendText("m\(index)")
            }
        }
        defer { server.stop() }
        let connection = try connect(server)
        for index in 0..<200 {
            #expect(try connection.receive(timeoutSeconds: 2) == .text(Array("m\(index)".utf8)))
        }
    }

    /// The client answers a server close with the same code, then every call reports the close.
    @Test func endsWithTheServersCloseCode() throws {
        let server = try LoopbackWebSocketServer { peer in
            try peer.sendText("last")
            try peer.sendClose(code: 1001, reason: "going away")
            let answer = try peer.receiveClose()
            guard answer.code == 1001 else {
                throw LoopbackWebSocketError("close answered with \(String(describing: answer.code))")
            }
        }
        let connection = try connect(server)
        #expect(try connection.receive(timeoutSeconds: 2) == .text(Array("last".utf8)))
        let closed = WebSocketError.closed(code: 1001, reason: "going away")
        #expect(webSocketError { _ = try connection.receive(timeoutSeconds: 2) } == closed)
        #expect(!connection.isOpen)
        #expect(webSocketError { _ = try connection.receive(timeoutSeconds: 2) } == closed)
        #expect(webSocketError { try connection.send(text: "late") } == closed)
        #expect(closed.description == "WebSocket closed with code 1001: going away")
        #expect(server.waitForFinishedConnections(1))
        server.stop()
        #expect(server.scriptErrors == [])
    }

    @Test func reportsAnAbruptDropAsATransportError() throws {
        let server = try LoopbackWebSocketServer { peer in
            try peer.sendText("before")
            peer.drop()
        }
        defer { server.stop() }
        let connection = try connect(server)
        #expect(try connection.receive(timeoutSeconds: 2) == .text(Array("before".utf8)))
        let error = webSocketError { _ = try connection.receive(timeoutSeconds: 2) }
        #expect(error == .transport(url: connection.url, detail: "the server closed the connection"))
        #expect(error?.description == "WebSocket \(connection.url): connection lost: the server closed the connection")
    }

    /// Writing to a connection the server closed fails with an error, not a SIGPIPE that would kill the process.
    @Test func reportsSendingToAClosedConnection() throws {
        let server = try LoopbackWebSocketServer { peer in
            peer.drop()
        }
        defer { server.stop() }
        let connection = try connect(server)
        #expect(server.waitForFinishedConnections(1))
        var failure: WebSocketError?
        for _ in 0..<100 where failure == nil {
            failure = webSocketErrorIfAny { () throws(WebSocketError) in try connection.send(text: "still there?") }
            usleep(2_000)
        }
        guard case .transport(let url, let detail) = failure else {
            Issue.record("expected a transport error, got \(String(describing: failure))")
            return
        }
        #expect(url == connection.url)
        #expect(detail.hasPrefix("send failed: "))
        #expect(!connection.isOpen)
    }

    @Test func returnsNilWhenNothingArrivesInTime() throws {
        let server = try LoopbackWebSocketServer { peer in
            try peer.waitForClientToHangUp()
        }
        defer { server.stop() }
        let connection = try connect(server)
        let start = ContinuousClock.now
        #expect(try connection.receive(timeoutSeconds: 0.1) == nil)
        let waited = ContinuousClock.now - start
        #expect(waited >= .milliseconds(100) && waited < .seconds(2))
        #expect(try connection.receive(timeoutSeconds: 0) == nil)
        #expect(connection.isOpen)
    }

    @Test func rejectsAnOversizedMessage() throws {
        let server = try LoopbackWebSocketServer { peer in
            try peer.sendBinary(Array(repeating: 1, count: 1024))
            try peer.sendBinary(Array(repeating: 2, count: 1025))
        }
        defer { server.stop() }
        var options = Self.options
        options.maxMessageBytes = 1024
        let connection = try connect(server, options: options)
        #expect(try connection.receive(timeoutSeconds: 2) == .binary(Array(repeating: 1, count: 1024)))
        let error = webSocketError { _ = try connection.receive(timeoutSeconds: 2) }
        #expect(error == .messageTooLarge(url: connection.url, limitBytes: 1024, declaredBytes: 1025))
        #expect(
            error?.description
                == "WebSocket \(connection.url): message of at least 1025 bytes exceeds the limit of 1024 bytes")
    }

    /// A header declaring 2^40 bytes fails at once: the payload never comes, so waiting for it would time out.
    @Test func rejectsAnOversizedDeclaredLengthWithoutWaitingForThePayload() throws {
        let server = try LoopbackWebSocketServer { peer in
            try peer.sendRawBytes([0x82, 0x7F, 0, 0, 0x01, 0, 0, 0, 0, 0])
            try peer.waitForClientToHangUp()
        }
        defer { server.stop() }
        let connection = try connect(server)
        let start = ContinuousClock.now
        let error = webSocketError { _ = try connection.receive(timeoutSeconds: 5) }
        #expect(error == .messageTooLarge(url: connection.url, limitBytes: 16 * 1024 * 1024, declaredBytes: 1 << 40))
        #expect(ContinuousClock.now - start < .seconds(3))
    }

    @Test func dropsTheConnectionOnAMaskedServerFrame() throws {
        let server = try LoopbackWebSocketServer { peer in
            try peer.sendRawBytes([0x81, 0x82, 1, 2, 3, 4, 0x69, 0x6B])
            try peer.waitForClientToHangUp()
        }
        let connection = try connect(server)
        #expect(
            webSocketError { _ = try connection.receive(timeoutSeconds: 2) }
                == .protocolViolation(url: connection.url, reason: "the server masked a frame (RFC 6455 §5.1)"))
        // The client hung up, so the script's wait ended without an error.
        #expect(server.waitForFinishedConnections(1))
        server.stop()
        #expect(server.scriptErrors == [])
    }

    @Test func closesWithACloseHandshake() throws {
        let server = try LoopbackWebSocketServer { peer in
            let close = try peer.receiveClose()
            guard close.code == 1000, close.reason == "bye" else {
                throw LoopbackWebSocketError("unexpected close \(close)")
            }
            try peer.sendClose(code: 1000)
            try peer.waitForClientToHangUp()
        }
        // A long close timeout, so returning well before it proves the server's answer ended the wait.
        var options = Self.options
        options.closeTimeoutSeconds = 5
        let connection = try connect(server, options: options)
        let start = ContinuousClock.now
        connection.close(code: 1000, reason: "bye")
        #expect(ContinuousClock.now - start < .seconds(3))
        #expect(!connection.isOpen)
        #expect(webSocketError { try connection.send(text: "late") } == .closed(code: 1000, reason: "bye"))
        #expect(server.waitForFinishedConnections(1))
        server.stop()
        #expect(server.scriptErrors == [])
    }

    /// A server that never answers the close frame costs at most `closeTimeoutSeconds`.
    @Test func boundsTheWaitForAnUnansweredClose() throws {
        let server = try LoopbackWebSocketServer { peer in
            try peer.waitForClientToHangUp()
        }
        defer { server.stop() }
        var options = Self.options
        options.closeTimeoutSeconds = 0.1
        let connection = try connect(server, options: options)
        let start = ContinuousClock.now
        connection.close()
        let waited = ContinuousClock.now - start
        #expect(waited >= .milliseconds(100) && waited < .seconds(2))
    }

    /// Each connection is a new TCP connection with its own key; the server counts them.
    @Test func countsEachConnection() throws {
        let server = try LoopbackWebSocketServer { peer in
            try peer.sendText("connection \(peer.connectionIndex)")
            _ = try peer.receiveClose()
            try peer.sendClose(code: 1000)
        }
        defer { server.stop() }
        for index in 0..<3 {
            let connection = try connect(server)
            #expect(try connection.receive(timeoutSeconds: 2) == .text(Array("connection \(index)".utf8)))
            connection.close()
        }
        #expect(server.acceptedConnectionCount == 3)
        let keys = Set(server.receivedRequests.compactMap { $0.header("Sec-WebSocket-Key") })
        #expect(keys.count == 3)
    }
}
