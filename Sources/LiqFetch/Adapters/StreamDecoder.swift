public import LiqCore

/// Decodes a venue's stream messages (WebSocket pushes, capture lines) in order.
///
/// Stateful because some venues send deltas: Bybit tickers send a snapshot then only the changed fields, BitMEX
/// `instrument` sends `partial` then `update` rows; a delta is merged into the cached state of its instrument
/// before a record is emitted. One decoder serves one ordered stream (one capture file, one connection).
public protocol StreamDecoder {
    /// Records from one message; control messages (subscription acks, pongs) yield none.
    mutating func decode(_ message: JSONNode) throws -> [VenueRecord]
}
