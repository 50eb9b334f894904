/// Builds client frames (RFC 6455 §5.2). Every client frame is masked (§5.3): the key must be unpredictable, so the
/// connection draws it from the system generator, while tests pass a seeded one and get fixed bytes.
enum WebSocketFrameEncoder {
    /// One frame carrying `payload` masked with `maskKey` (its four bytes, big-endian).
    static func encode(
        _ opcode: WebSocketOpcode,
        payload: some Collection<UInt8>,
        isFinal: Bool = true,
        maskKey: UInt32
    ) -> [UInt8] {
        let length = payload.count
        var frame = [UInt8]()
        frame.reserveCapacity(14 + length)
        frame.append((isFinal ? 0x80 : 0) | opcode.rawValue)
        // The mask bit (0x80) is set in every client frame; then the shortest length form (§5.2).
        switch length {
        case 0...125:
            frame.append(0x80 | UInt8(length))
        case 126...0xFFFF:
            frame.append(0x80 | 126)
            frame.append(UInt8(truncatingIfNeeded: length >> 8))
            frame.append(UInt8(truncatingIfNeeded: length))
        default:
            frame.append(0x80 | 127)
            for shift in stride(from: 56, through: 0, by: -8) {
                frame.append(UInt8(truncatingIfNeeded: UInt64(length) >> UInt64(shift)))
            }
        }
        let key = [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: maskKey >> UInt32($0)) }
        frame.append(contentsOf: key)
        for (index, byte) in payload.enumerated() {
            frame.append(byte ^ key[index & 3])
        }
        return frame
    }

    /// One frame masked with a key drawn from `generator`.
    static func encode(
        _ opcode: WebSocketOpcode,
        payload: some Collection<UInt8>,
        isFinal: Bool = true,
        using generator: inout some RandomNumberGenerator
    ) -> [UInt8] {
        encode(opcode, payload: payload, isFinal: isFinal, maskKey: UInt32.random(in: .min ... .max, using: &generator))
    }

    /// The payload of a close frame (§5.5.1): the status code big-endian, then the UTF-8 reason, cut so the whole
    /// payload stays within a control frame's 125 bytes (at a character boundary, so it stays valid UTF-8).
    static func closePayload(code: UInt16, reason: String) -> [UInt8] {
        var reasonBytes = [UInt8]()
        for character in reason {
            let encoded = Array(character.utf8)
            guard reasonBytes.count + encoded.count <= 123 else {
                break
            }
            reasonBytes.append(contentsOf: encoded)
        }
        return [UInt8(truncatingIfNeeded: code >> 8), UInt8(truncatingIfNeeded: code)] + reasonBytes
    }
}
