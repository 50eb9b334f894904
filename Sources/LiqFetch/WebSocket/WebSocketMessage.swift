/// One complete data message (all fragments joined), as the raw payload bytes.
///
/// Text stays as its UTF-8 bytes (already validated) because the collector stores and decodes bytes; making a
/// `String` of every message would only cost time.
public enum WebSocketMessage: Sendable, Equatable {
    /// A text message's UTF-8 bytes.
    case text([UInt8])
    /// A binary message's bytes.
    case binary([UInt8])
}
