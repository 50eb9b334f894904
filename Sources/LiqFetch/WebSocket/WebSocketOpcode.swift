/// The frame opcodes of RFC 6455 §5.2; the other values are reserved and a frame using one is a protocol error.
enum WebSocketOpcode: UInt8, Sendable, Equatable {
    case continuation = 0x0
    case text = 0x1
    case binary = 0x2
    case close = 0x8
    case ping = 0x9
    case pong = 0xA

    /// Close, ping and pong: at most 125 payload bytes and never fragmented (§5.5).
    var isControl: Bool {
        rawValue & 0x8 != 0
    }
}
