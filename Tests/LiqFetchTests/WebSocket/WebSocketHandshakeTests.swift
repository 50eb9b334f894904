import LiqCore
import Testing

@testable import LiqFetch

@Suite struct WebSocketHandshakeTests {
    static let url = "ws://127.0.0.1:9001/ws/v5/public?x=1"

    func makeHandshake(seed: UInt64 = 7, extraHeaders: HTTPHeaders = [:]) throws -> WebSocketHandshake {
        var generator = SplitMix64(seed: seed)
        return try WebSocketHandshake(url: WebSocketURL(Self.url), extraHeaders: extraHeaders, using: &generator)
    }

    func head(_ text: String) -> WebSocketResponseHead {
        WebSocketResponseHead(Array(text.utf8)[...])
    }

    func goodAnswer(_ handshake: WebSocketHandshake) -> String {
        "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Accept: \(handshake.expectedAccept)"
    }

    @Test func buildsTheUpgradeRequest() throws {
        let handshake = try makeHandshake(extraHeaders: ["Origin": "https://liqpipe.test"])
        let request = String(decoding: handshake.requestBytes, as: UTF8.self)
        #expect(
            request
                == "GET /ws/v5/public?x=1 HTTP/1.1\r\nHost: 127.0.0.1:9001\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: \(handshake.key)\r\nSec-WebSocket-Version: 13\r\n"
                + "Origin: https://liqpipe.test\r\n\r\n")
    }

    /// 16 random bytes in base64: 22 characters and `==`. The same seed gives the same key, another seed another.
    @Test func drawsTheKeyFromTheGenerator() throws {
        let key = try makeHandshake(seed: 1).key
        #expect(key.count == 24 && key.hasSuffix("==") && !key.dropLast(2).contains("="))
        #expect(try makeHandshake(seed: 1).key == key)
        #expect(try makeHandshake(seed: 2).key != key)
    }

    @Test(arguments: [
        ("Sec-WebSocket-Key", "abc", "header \"Sec-WebSocket-Key\" is set by the handshake itself"),
        ("host", "evil.example", "header \"host\" is set by the handshake itself"),
        ("X-Token", "a\r\nInjected: 1", "header \"X-Token\" is not a valid header line"),
        ("Bad Name", "1", "header \"Bad Name\" is not a valid header line"),
        ("", "1", "header \"\" is not a valid header line"),
    ])
    func rejectsHeadersThatWouldBreakTheRequest(name: String, value: String, reason: String) {
        #expect(throws: WebSocketError.invalidRequest(url: Self.url, reason: reason)) {
            try makeHandshake(extraHeaders: HTTPHeaders([HTTPHeaders.Field(name: name, value: value)]))
        }
    }

    @Test func acceptsACorrectAnswerWithTokensInAnyCase() throws {
        let handshake = try makeHandshake()
        try handshake.validate(head(goodAnswer(handshake)))
        try handshake.validate(
            head(
                "HTTP/1.1 101 OK\r\nupgrade:  WebSocket \r\nconnection: keep-alive, UPGRADE\r\n"
                    + "sec-websocket-accept: \(handshake.expectedAccept)"))
    }

    @Test func rejectsAWrongAcceptValue() throws {
        let handshake = try makeHandshake()
        let answer = head(
            "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")
        let reason =
            "Sec-WebSocket-Accept is \"s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\", expected \"\(handshake.expectedAccept)\""
        #expect(throws: WebSocketError.handshakeInvalid(url: Self.url, reason: reason)) {
            try handshake.validate(answer)
        }
    }

    @Test(arguments: [
        ("HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade", "Upgrade is missing"),
        ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: h2c\r\nConnection: Upgrade", "Upgrade is \"h2c\""),
        ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: close", "Connection is \"close\""),
        ("HTTP/1.1 200 OK\r\nUpgrade: websocket", "status line \"HTTP/1.1 200 OK\" is not 101"),
    ])
    func rejectsAnswersMissingTheUpgrade(answer: String, reason: String) throws {
        let handshake = try makeHandshake()
        #expect(throws: WebSocketError.handshakeInvalid(url: Self.url, reason: reason)) {
            try handshake.validate(head(answer))
        }
    }

    @Test func rejectsUnrequestedExtensions() throws {
        let handshake = try makeHandshake()
        let answer = head(goodAnswer(handshake) + "\r\nSec-WebSocket-Extensions: permessage-deflate")
        #expect(
            throws: WebSocketError.handshakeInvalid(
                url: Self.url, reason: "the server selected unrequested extensions \"permessage-deflate\"")
        ) { try handshake.validate(answer) }
    }

    @Test func measuresTheHeadWithinItsBound() {
        // A frame header (0x81 0x00) right behind the head is not part of it.
        let answer = Array("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n".utf8) + [0x81, 0x00]
        #expect(WebSocketResponseHead.length(in: answer) == answer.count - 2)
        #expect(WebSocketResponseHead.length(in: Array(answer.prefix(40))) == nil)
        // The blank line beyond the first 16 KiB does not count: that head is too long.
        let long = Array("HTTP/1.1 101 X\r\nX-Pad: ".utf8) + Array(repeating: UInt8(ascii: "a"), count: 16 * 1024)
        #expect(WebSocketResponseHead.length(in: long + Array("\r\n\r\n".utf8)) == nil)
    }

    @Test func parsesTheStatusLineAndHeaders() {
        let parsed = head("HTTP/1.1 403 Forbidden\r\nContent-Length: 17\r\nX-Note:  a b  ")
        #expect(parsed.statusLine == "HTTP/1.1 403 Forbidden")
        #expect(parsed.status == 403)
        #expect(parsed.headers["content-length"] == "17")
        #expect(parsed.headers["X-Note"] == "a b")
        #expect(head("SSH-2.0-OpenSSH_9.2").status == nil)
    }
}
