public import LiqCore

/// Decodes a venue's stream messages (WebSocket pushes, capture lines) in order.
///
/// Stateful because some venues send deltas: Bybit tickers send a snapshot then only the changed fields, BitMEX
/// `instrument` sends `partial` then `update` rows; a delta is merged into the cached state of its instrument
/// before a record is emitted. One decoder serves one ordered stream (one capture file, one connection).
public protocol StreamDecoder {
    /// Records from one parsed message; control messages (subscription acks, pongs) yield none.
    mutating func decode(_ message: JSONNode) throws -> [VenueRecord]

    /// Records from one raw message. The default parses it and calls `decode(_:)`; a decoder with a byte-level
    /// fast path for its high-volume messages overrides this and falls back to the default for anything else.
    mutating func decode(line: [UInt8], origin: String) throws -> [VenueRecord]
}

extension StreamDecoder {
    public mutating func decode(line: [UInt8], origin: String) throws -> [VenueRecord] {
        try decode(try JSONNode.parse(line, origin: origin))
    }
}
