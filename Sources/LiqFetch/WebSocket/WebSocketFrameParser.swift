/// Turns the bytes received from a server into messages and control frames (RFC 6455 §5), however the bytes were
/// split across reads: a frame may arrive a byte at a time, or many frames in one read.
///
/// Memory is bounded by `maxMessageBytes`: a frame's declared length is checked against the limit as soon as its
/// header is complete, before any of its payload is kept, so a hostile or broken length field fails at once instead
/// of making the client buffer gigabytes. Fragmented messages are joined here; control frames may arrive between
/// fragments (§5.4) and are handed on immediately.
struct WebSocketFrameParser {
    /// Largest message (all fragments together), in payload bytes.
    let maxMessageBytes: Int
    /// Received bytes not yet parsed start at `readIndex`; the prefix before it is dropped on the next append.
    private var buffer: [UInt8] = []
    private var readIndex = 0
    /// The opcode (text or binary) of the fragmented message under way, nil between messages.
    private var fragmentedOpcode: WebSocketOpcode?
    /// The payload of the fragmented message so far.
    private var fragments: [UInt8] = []

    /// A parser that rejects messages longer than `maxMessageBytes`.
    init(maxMessageBytes: Int) {
        precondition(maxMessageBytes > 0, "maxMessageBytes must be positive")
        self.maxMessageBytes = maxMessageBytes
    }

    /// Bytes received but not yet handed on as complete frames (at most one partial frame after `next()` returned
    /// nil).
    var bufferedByteCount: Int {
        buffer.count - readIndex
    }

    /// Adds received bytes. Call `next()` until it returns nil before appending again, so that at most one partial
    /// frame is ever buffered.
    mutating func append(_ bytes: some Collection<UInt8>) {
        if readIndex > 0 {
            buffer.removeSubrange(..<readIndex)
            readIndex = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// The next complete message or control frame, or nil when more bytes are needed. Throws on the first framing
    /// error; the connection must then be dropped, so the parser is not meant to be used afterwards.
    mutating func next() throws(WebSocketFrameError) -> WebSocketInbound? {
        while let frame = try nextFrame() {
            if let inbound = try assemble(frame) {
                return inbound
            }
        }
        return nil
    }

    /// A complete frame's header fields and payload.
    private struct Frame {
        var isFinal: Bool
        var opcode: WebSocketOpcode
        var payload: ArraySlice<UInt8>
    }

    /// Parses one frame if all its bytes are here, validating the header as soon as it is complete.
    private mutating func nextFrame() throws(WebSocketFrameError) -> Frame? {
        let available = buffer.count - readIndex
        guard available >= 2 else {
            return nil
        }
        let first = buffer[readIndex]
        let second = buffer[readIndex + 1]
        guard first & 0x70 == 0 else {
            throw .protocolViolation("reserved bits set (0x\(String(first & 0x70, radix: 16))) without an extension")
        }
        guard let opcode = WebSocketOpcode(rawValue: first & 0x0F) else {
            throw .protocolViolation("reserved opcode 0x\(String(first & 0x0F, radix: 16))")
        }
        guard second & 0x80 == 0 else {
            throw .protocolViolation("the server masked a frame (RFC 6455 §5.1)")
        }
        let isFinal = first & 0x80 != 0
        let headerLength: Int
        let declaredLength: UInt64
        switch second & 0x7F {
        case 126:
            headerLength = 4
            guard available >= headerLength else {
                return nil
            }
            declaredLength = UInt64(buffer[readIndex + 2]) << 8 | UInt64(buffer[readIndex + 3])
        case 127:
            headerLength = 10
            guard available >= headerLength else {
                return nil
            }
            declaredLength = (2..<10).reduce(0) { $0 << 8 | UInt64(buffer[readIndex + $1]) }
            guard declaredLength >> 63 == 0 else {
                throw .protocolViolation("64-bit payload length with the most significant bit set")
            }
        case let short:
            headerLength = 2
            declaredLength = UInt64(short)
        }
        if opcode.isControl {
            guard isFinal else {
                throw .protocolViolation("fragmented control frame (opcode 0x\(String(opcode.rawValue, radix: 16)))")
            }
            guard declaredLength <= 125 else {
                throw .protocolViolation("control frame with \(declaredLength) payload bytes (at most 125)")
            }
        } else {
            let messageLength = UInt64(fragments.count) + declaredLength
            guard messageLength <= UInt64(maxMessageBytes) else {
                throw .messageTooLarge(limitBytes: maxMessageBytes, declaredBytes: messageLength)
            }
        }
        // Within the limit, so the length fits an Int.
        let payloadLength = Int(declaredLength)
        guard available - headerLength >= payloadLength else {
            return nil
        }
        let payloadStart = readIndex + headerLength
        readIndex = payloadStart + payloadLength
        return Frame(isFinal: isFinal, opcode: opcode, payload: buffer[payloadStart..<readIndex])
    }

    /// Hands control frames on, joins fragments, and returns a data message once its final frame arrived.
    private mutating func assemble(_ frame: Frame) throws(WebSocketFrameError) -> WebSocketInbound? {
        switch frame.opcode {
        case .ping:
            return .ping(Array(frame.payload))
        case .pong:
            return .pong(Array(frame.payload))
        case .close:
            return try Self.close(frame.payload)
        case .text, .binary:
            guard fragmentedOpcode == nil else {
                throw .protocolViolation("a new data frame arrived before the fragmented message was finished")
            }
            guard frame.isFinal else {
                fragmentedOpcode = frame.opcode
                fragments = Array(frame.payload)
                return nil
            }
            return .message(try Self.message(frame.opcode, Array(frame.payload)))
        case .continuation:
            guard let opcode = fragmentedOpcode else {
                throw .protocolViolation("a continuation frame arrived with no fragmented message under way")
            }
            fragments.append(contentsOf: frame.payload)
            guard frame.isFinal else {
                return nil
            }
            let payload = fragments
            fragmentedOpcode = nil
            fragments = []
            return .message(try Self.message(opcode, payload))
        }
    }

    /// A data message; text must be valid UTF-8 (§8.1).
    private static func message(_ opcode: WebSocketOpcode, _ payload: [UInt8]) throws(WebSocketFrameError)
        -> WebSocketMessage
    {
        guard opcode == .text else {
            return .binary(payload)
        }
        guard String(validating: payload, as: UTF8.self) != nil else {
            throw .protocolViolation("a text message is not valid UTF-8")
        }
        return .text(payload)
    }

    /// A close frame's code and reason (§5.5.1): empty, or two code bytes followed by a UTF-8 reason.
    private static func close(_ payload: ArraySlice<UInt8>) throws(WebSocketFrameError) -> WebSocketInbound {
        guard !payload.isEmpty else {
            return .close(code: 1005, reason: "")
        }
        guard payload.count >= 2 else {
            throw .protocolViolation("close frame with a 1-byte payload")
        }
        let code = UInt16(payload[payload.startIndex]) << 8 | UInt16(payload[payload.startIndex + 1])
        guard let reason = String(validating: payload.dropFirst(2), as: UTF8.self) else {
            throw .protocolViolation("close reason is not valid UTF-8")
        }
        return .close(code: code, reason: reason)
    }
}
