/// One frame a client sent to the loopback WebSocket server, already unmasked.
public struct LoopbackWebSocketFrame: Sendable, Equatable {
    // RFC 6455 §5.2 opcodes, named for readable scripts. Plain numbers rather than an enum, so that scripts can
    // also send the reserved values a broken server would.
    /// Continues a fragmented message.
    public static let continuation: UInt8 = 0x0
    /// A text message (or its first fragment).
    public static let text: UInt8 = 0x1
    /// A binary message (or its first fragment).
    public static let binary: UInt8 = 0x2
    /// Starts or answers the closing handshake.
    public static let close: UInt8 = 0x8
    /// A heartbeat request; the other side answers with a pong.
    public static let ping: UInt8 = 0x9
    /// A heartbeat answer, or an unsolicited heartbeat.
    public static let pong: UInt8 = 0xA

    /// Whether the FIN bit was set.
    public var isFinal: Bool
    /// The opcode (the low four bits of the first byte).
    public var opcode: UInt8
    /// The payload after unmasking.
    public var payload: [UInt8]

    /// Creates a frame value, e.g. for comparing with what a script received.
    public init(isFinal: Bool = true, opcode: UInt8, payload: [UInt8]) {
        self.isFinal = isFinal
        self.opcode = opcode
        self.payload = payload
    }
}
