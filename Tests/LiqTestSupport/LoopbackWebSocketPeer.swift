import Glibc

/// The server's side of one accepted WebSocket connection, handed to the test's script after the upgrade.
///
/// Frames are written and read independently of LiqFetch's codec, so the client is checked against a second
/// implementation: server frames go out unmasked, client frames must be masked (RFC 6455 §5.1) and are unmasked
/// here. Every read waits at most its timeout, so a script never hangs a test. Used only by its connection's thread.
public final class LoopbackWebSocketPeer {
    /// The upgrade request the client sent: target (path and query), headers, connection index.
    public let request: ReceivedRequest
    private let stream: LoopbackStream
    /// Largest client frame read; clients send subscriptions and heartbeats, a few KiB at most.
    private static let maxClientFrameBytes = 1024 * 1024

    init(request: ReceivedRequest, stream: LoopbackStream) {
        self.request = request
        self.stream = stream
    }

    /// 0-based order in which the server accepted this connection, e.g. 1 for the first reconnect.
    public var connectionIndex: Int {
        request.connectionIndex
    }

    // MARK: Reading client frames

    /// The next frame from the client, unmasked. Fails if it is not masked, is larger than 1 MiB, or does not arrive
    /// within `timeoutSeconds`.
    public func receiveFrame(timeoutSeconds: Double = 5) throws(LoopbackWebSocketError) -> LoopbackWebSocketFrame {
        let deadline = ContinuousClock.now + .seconds(timeoutSeconds)
        let header = try stream.read(2, until: deadline, waitingFor: "a frame header")
        guard header[1] & 0x80 != 0 else {
            throw LoopbackWebSocketError("the client sent an unmasked frame (opcode \(header[0] & 0x0F))")
        }
        var length = UInt64(header[1] & 0x7F)
        if length >= 126 {
            let extended = try stream.read(length == 126 ? 2 : 8, until: deadline, waitingFor: "a frame length")
            length = extended.reduce(0) { $0 << 8 | UInt64($1) }
        }
        guard length <= UInt64(Self.maxClientFrameBytes) else {
            throw LoopbackWebSocketError("the client sent a frame of \(length) bytes")
        }
        let key = try stream.read(4, until: deadline, waitingFor: "a masking key")
        var payload = try stream.read(Int(length), until: deadline, waitingFor: "a frame payload")
        for index in payload.indices {
            payload[index] ^= key[index & 3]
        }
        return LoopbackWebSocketFrame(isFinal: header[0] & 0x80 != 0, opcode: header[0] & 0x0F, payload: payload)
    }

    /// The next frame, which must be a single-frame text message; returns its text.
    public func receiveText(timeoutSeconds: Double = 5) throws(LoopbackWebSocketError) -> String {
        let payload = try receive(LoopbackWebSocketFrame.text, named: "text", timeoutSeconds: timeoutSeconds)
        return String(decoding: payload, as: UTF8.self)
    }

    /// The next frame, which must be a pong; returns its payload.
    public func receivePong(timeoutSeconds: Double = 5) throws(LoopbackWebSocketError) -> [UInt8] {
        try receive(LoopbackWebSocketFrame.pong, named: "pong", timeoutSeconds: timeoutSeconds)
    }

    /// The next frame, which must be a ping; returns its payload.
    public func receivePing(timeoutSeconds: Double = 5) throws(LoopbackWebSocketError) -> [UInt8] {
        try receive(LoopbackWebSocketFrame.ping, named: "ping", timeoutSeconds: timeoutSeconds)
    }

    /// The next frame, which must be a close frame; returns its status code (nil when it has none) and reason.
    public func receiveClose(timeoutSeconds: Double = 5) throws(LoopbackWebSocketError) -> (
        code: UInt16?, reason: String
    ) {
        let payload = try receive(LoopbackWebSocketFrame.close, named: "close", timeoutSeconds: timeoutSeconds)
        guard payload.count >= 2 else {
            return (nil, "")
        }
        return (UInt16(payload[0]) << 8 | UInt16(payload[1]), String(decoding: payload.dropFirst(2), as: UTF8.self))
    }

    /// Waits until the client closes the TCP connection, discarding whatever it still sends.
    public func waitForClientToHangUp(timeoutSeconds: Double = 5) throws(LoopbackWebSocketError) {
        try stream.readUntilClosed(until: .now + .seconds(timeoutSeconds))
    }

    // MARK: Sending server frames

    /// Sends a text message in one frame.
    public func sendText(_ text: String) throws(LoopbackWebSocketError) {
        try sendFrame(opcode: LoopbackWebSocketFrame.text, payload: Array(text.utf8))
    }

    /// Sends a binary message in one frame.
    public func sendBinary(_ bytes: [UInt8]) throws(LoopbackWebSocketError) {
        try sendFrame(opcode: LoopbackWebSocketFrame.binary, payload: bytes)
    }

    /// Sends `text` as one message split into `pieces` frames of nearly equal byte counts (a text frame, then
    /// continuation frames, FIN on the last), each written separately.
    public func sendFragmented(text: String, pieces: Int) throws(LoopbackWebSocketError) {
        precondition(pieces >= 1, "a message has at least one piece")
        let bytes = Array(text.utf8)
        for piece in 0..<pieces {
            let range = bytes.count * piece / pieces..<bytes.count * (piece + 1) / pieces
            try sendFrame(
                opcode: piece == 0 ? LoopbackWebSocketFrame.text : LoopbackWebSocketFrame.continuation,
                payload: Array(bytes[range]),
                isFinal: piece == pieces - 1
            )
        }
    }

    /// Sends a ping; a conforming client answers with a pong carrying the same payload.
    public func sendPing(_ payload: [UInt8] = []) throws(LoopbackWebSocketError) {
        try sendFrame(opcode: LoopbackWebSocketFrame.ping, payload: payload)
    }

    /// Sends an unsolicited pong (a heartbeat some servers use).
    public func sendPong(_ payload: [UInt8] = []) throws(LoopbackWebSocketError) {
        try sendFrame(opcode: LoopbackWebSocketFrame.pong, payload: payload)
    }

    /// Sends a close frame with `code` and `reason`; nil sends an empty close frame.
    public func sendClose(code: UInt16?, reason: String = "") throws(LoopbackWebSocketError) {
        let payload = code.map { [UInt8($0 >> 8), UInt8($0 & 0xFF)] + Array(reason.utf8) } ?? []
        try sendFrame(opcode: LoopbackWebSocketFrame.close, payload: payload)
    }

    /// Sends one unmasked frame with any opcode, FIN bit and payload (the length form is chosen by size), so
    /// scripts can also send what a broken server would.
    public func sendFrame(opcode: UInt8, payload: [UInt8], isFinal: Bool = true) throws(LoopbackWebSocketError) {
        var frame: [UInt8] = [(isFinal ? 0x80 : 0) | opcode]
        switch payload.count {
        case 0...125:
            frame.append(UInt8(payload.count))
        case 126...0xFFFF:
            frame += [126, UInt8(payload.count >> 8), UInt8(payload.count & 0xFF)]
        default:
            frame.append(127)
            frame += (0..<8).reversed().map { UInt8(truncatingIfNeeded: UInt64(payload.count) >> UInt64($0 * 8)) }
        }
        try stream.write(frame + payload)
    }

    /// Writes `bytes` as they are: broken frames, a frame header alone, a declared length with no payload.
    public func sendRawBytes(_ bytes: [UInt8]) throws(LoopbackWebSocketError) {
        try stream.write(bytes)
    }

    /// Ends the connection abruptly, without a close frame: the client reads end-of-file. Later sends fail.
    public func drop() {
        shutdown(stream.descriptor, Int32(SHUT_RDWR))
    }

    private func receive(_ opcode: UInt8, named name: String, timeoutSeconds: Double) throws(LoopbackWebSocketError)
        -> [UInt8]
    {
        let frame = try receiveFrame(timeoutSeconds: timeoutSeconds)
        guard frame.opcode == opcode, frame.isFinal else {
            throw LoopbackWebSocketError(
                "expected a final \(name) frame, got opcode \(frame.opcode) (final: \(frame.isFinal)), "
                    + "payload \"\(String(decoding: frame.payload, as: UTF8.self))\"")
        }
        return frame.payload
    }
}
