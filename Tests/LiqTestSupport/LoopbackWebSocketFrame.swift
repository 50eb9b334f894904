/// One frame a client sent to the loopback WebSocket server, already unmasked.
public struct LoopbackWebSocketFrame: Sendable, Equatable {
    /// RFC 6455 opcodes, named for readable scripts.
    public static let continuation: UInt8 = 0x0
    public static let text: UInt8 = 0x1
    public static let binary: UInt8 = 0x2
    public static let close: UInt8 = 0x8
    public static let ping: UInt8 = 0x9
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
