import Testing

@testable import LiqFetch

@Suite struct WebSocketFrameParserTests {
    /// An unmasked server frame: FIN set unless `isFinal` is false, shortest length form.
    static func frame(_ opcode: UInt8, _ payload: [UInt8], isFinal: Bool = true) -> [UInt8] {
        var bytes: [UInt8] = [(isFinal ? 0x80 : 0) | opcode]
        switch payload.count {
        case 0...125: bytes.append(UInt8(payload.count))
        case 126...0xFFFF: bytes += [126, UInt8(payload.count >> 8), UInt8(payload.count & 0xFF)]
        default: bytes += [127] + (0..<8).reversed().map { UInt8(truncatingIfNeeded: payload.count >> ($0 * 8)) }
        }
        return bytes + payload
    }

    static func text(_ string: String) -> [UInt8] {
        Array(string.utf8)
    }

    /// Feeds `chunks` one by one, draining after each, and returns everything parsed.
    static func parse(_ chunks: [[UInt8]], maxMessageBytes: Int = 1 << 20) throws(WebSocketFrameError)
        -> [WebSocketInbound]
    {
        var parser = WebSocketFrameParser(maxMessageBytes: maxMessageBytes)
        var parsed: [WebSocketInbound] = []
        for chunk in chunks {
            parser.append(chunk)
            while let inbound = try parser.next() {
                parsed.append(inbound)
            }
        }
        return parsed
    }

    /// A stream exercising every length form, fragmentation with a ping between fragments, and a close.
    static let stream: [UInt8] =
        frame(0x1, text("Hello"))
        + frame(0x1, text("Hel"), isFinal: false)
        + frame(0x9, text("hb"))
        + frame(0x0, text("lo, "), isFinal: false)
        + frame(0x0, text("world"))
        + frame(0x2, (0..<300).map { UInt8($0 & 0xFF) })
        + frame(0x2, Array(repeating: 7, count: 70_000))
        + frame(0xA, [])
        + frame(0x8, [0x03, 0xE9] + text("going away"))

    static let expected: [WebSocketInbound] = [
        .message(.text(text("Hello"))),
        .ping(text("hb")),
        .message(.text(text("Hello, world"))),
        .message(.binary((0..<300).map { UInt8($0 & 0xFF) })),
        .message(.binary(Array(repeating: 7, count: 70_000))),
        .pong([]),
        .close(code: 1001, reason: "going away"),
    ]

    /// RFC 6455 §5.7's unmasked examples, byte for byte.
    @Test func parsesTheRFCExamples() throws {
        #expect(try Self.parse([[0x81, 0x05, 0x48, 0x65, 0x6C, 0x6C, 0x6F]]) == [.message(.text(Self.text("Hello")))])
        #expect(
            try Self.parse([[0x01, 0x03, 0x48, 0x65, 0x6C], [0x80, 0x02, 0x6C, 0x6F]])
                == [.message(.text(Self.text("Hello")))])
        #expect(try Self.parse([[0x89, 0x05, 0x48, 0x65, 0x6C, 0x6C, 0x6F]]) == [.ping(Self.text("Hello"))])
        // 256 bytes with a 16-bit length, 65536 bytes with a 64-bit length.
        let header256: [UInt8] = [0x82, 0x7E, 0x01, 0x00]
        #expect(
            try Self.parse([header256 + Array(repeating: 1, count: 256)]) == [
                .message(.binary(Array(repeating: 1, count: 256)))
            ])
        let header64K: [UInt8] = [0x82, 0x7F, 0, 0, 0, 0, 0, 0x01, 0x00, 0x00]
        #expect(
            try Self.parse([header64K + Array(repeating: 2, count: 65_536)])
                == [.message(.binary(Array(repeating: 2, count: 65_536)))])
    }

    @Test func parsesManyFramesFromOneRead() throws {
        #expect(try Self.parse([Self.stream]) == Self.expected)
    }

    /// Every way of splitting the stream in two reads gives the same result as one read.
    @Test func parsesTheStreamSplitAtEveryOffset() throws {
        // The 70,000-byte frame makes every offset costly; split the short frames everywhere, the long ones at
        // their header boundaries and a few payload points.
        let shortEnd = Self.stream.count - 70_000 - 10 - 2 - 14
        let offsets = Array(0...shortEnd + 12) + [shortEnd + 40_000, Self.stream.count - 14, Self.stream.count - 1]
        for offset in offsets {
            let parsed = try Self.parse([Array(Self.stream[..<offset]), Array(Self.stream[offset...])])
            #expect(parsed == Self.expected, "split at \(offset)")
        }
    }

    @Test func parsesTheStreamOneByteAtATime() throws {
        let short =
            Self.frame(0x1, Self.text("Hel"), isFinal: false) + Self.frame(0x9, Self.text("hb"))
            + Self.frame(0x0, Self.text("lo")) + Self.frame(0x2, Array(repeating: 9, count: 200))
        let parsed = try Self.parse(short.map { [$0] })
        #expect(
            parsed == [
                .ping(Self.text("hb")), .message(.text(Self.text("Hello"))),
                .message(.binary(Array(repeating: 9, count: 200))),
            ])
    }

    /// A 2^40-byte length is refused as soon as its 10-byte header is complete: nothing else was sent.
    @Test func rejectsAnOversizedDeclaredLengthFromTheHeaderAlone() throws {
        let header: [UInt8] = [0x82, 0x7F, 0, 0, 0x01, 0, 0, 0, 0, 0]
        var parser = WebSocketFrameParser(maxMessageBytes: 1024)
        parser.append(header.prefix(9))
        #expect(try parser.next() == nil)
        parser.append(header.suffix(1))
        #expect(throws: WebSocketFrameError.messageTooLarge(limitBytes: 1024, declaredBytes: 1 << 40)) {
            try parser.next()
        }
    }

    /// The limit is on the whole message: 600 bytes so far plus a fragment declaring 500 exceed 1,024.
    @Test func rejectsAFragmentedMessageGrowingPastTheLimit() {
        let first = Self.frame(0x1, Array(repeating: 0x61, count: 600), isFinal: false)
        let header: [UInt8] = [0x80, 0x7E, 0x01, 0xF4]
        #expect(throws: WebSocketFrameError.messageTooLarge(limitBytes: 1024, declaredBytes: 1100)) {
            try Self.parse([first, header], maxMessageBytes: 1024)
        }
    }

    @Test func acceptsAMessageOfExactlyTheLimit() throws {
        #expect(try Self.parse([Self.frame(0x2, Array(repeating: 1, count: 1024))], maxMessageBytes: 1024).count == 1)
    }

    @Test(
        arguments: [
            ([0x81, 0x85, 1, 2, 3, 4, 0, 0, 0, 0, 0], "the server masked a frame (RFC 6455 §5.1)"),
            ([0x83, 0x00], "reserved opcode 0x3"),
            ([0x8B, 0x00], "reserved opcode 0xb"),
            ([0xC1, 0x00], "reserved bits set (0x40) without an extension"),
            ([0xA1, 0x00], "reserved bits set (0x20) without an extension"),
            ([0x89, 0x7E, 0x00, 0x7E], "control frame with 126 payload bytes (at most 125)"),
            ([0x09, 0x00], "fragmented control frame (opcode 0x9)"),
            ([0x80, 0x01, 0x61], "a continuation frame arrived with no fragmented message under way"),
            (
                [0x01, 0x01, 0x61, 0x81, 0x01, 0x62],
                "a new data frame arrived before the fragmented message was finished"
            ),
            ([0x81, 0x02, 0xC3, 0x28], "a text message is not valid UTF-8"),
            ([0x88, 0x01, 0x03], "close frame with a 1-byte payload"),
            ([0x88, 0x03, 0x03, 0xE8, 0xFF], "close reason is not valid UTF-8"),
            ([0x82, 0x7F, 0x80, 0, 0, 0, 0, 0, 0, 0], "64-bit payload length with the most significant bit set"),
        ] as [([UInt8], String)])
    func rejectsProtocolViolations(bytes: [UInt8], reason: String) {
        #expect(throws: WebSocketFrameError.protocolViolation(reason)) { try Self.parse([bytes]) }
    }

    @Test func reportsAnEmptyCloseAsCode1005() throws {
        #expect(try Self.parse([[0x88, 0x00]]) == [.close(code: 1005, reason: "")])
    }

    /// A binary message need not be UTF-8.
    @Test func passesBinaryBytesThrough() throws {
        #expect(try Self.parse([[0x82, 0x02, 0xC3, 0x28]]) == [.message(.binary([0xC3, 0x28]))])
    }

    /// What stays buffered after the complete frames were taken is at most the one partial frame.
    @Test func keepsOnlyThePartialFrameBuffered() throws {
        var parser = WebSocketFrameParser(maxMessageBytes: 1024)
        parser.append(Self.frame(0x1, Self.text("a")) + Self.frame(0x1, Self.text("bcd")).prefix(3))
        #expect(try parser.next() == .message(.text(Self.text("a"))))
        #expect(try parser.next() == nil)
        #expect(parser.bufferedByteCount == 3)
    }
}
