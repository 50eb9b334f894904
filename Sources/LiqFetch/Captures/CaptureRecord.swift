import LiqCore

/// One raw message as the collector received it, with when and where: what a capture segment stores per line.
///
/// The message is kept byte for byte so a replay decodes exactly what the venue sent, with the same decoders.
public struct CaptureRecord: Sendable, Equatable {
    /// Receive time on the collector's clock, UTC epoch milliseconds; picks the segment's hour.
    public var receivedMs: Int64
    /// Venue id as specs spell it (`binance-usdm`).
    public var venue: String
    /// Which connection or stream the message came from (URL path or a label), to tell apart a venue's streams.
    public var connection: String
    /// The message exactly as received (a WebSocket text or binary payload).
    public var message: [UInt8]

    public init(receivedMs: Int64, venue: String, connection: String, message: [UInt8]) {
        self.receivedMs = receivedMs
        self.venue = venue
        self.connection = connection
        self.message = message
    }

    /// The record as one NDJSON line, `\n` included:
    /// `{"receivedMs":1760130000123,"venue":"binance-usdm","connection":"/ws","message":RAW}`.
    ///
    /// RAW is the message verbatim when it is a JSON object or array on one line (the venues' data messages), so
    /// a reader slices it out without re-serialising; any other text (OKX's bare `pong`, a pretty-printed
    /// document) becomes a JSON string, and bytes that are not UTF-8 go to `"messageBase64"` instead, so every
    /// message survives exactly. Keys are always in this order: `CaptureLine` relies on it.
    public func ndjsonLine() -> [UInt8] {
        var line: [UInt8] = []
        line.reserveCapacity(message.count + venue.utf8.count + connection.utf8.count + 64)
        line += Array(#"{"receivedMs":"#.utf8) + Array(String(receivedMs).utf8)
        line += Array(#","venue":"#.utf8)
        Self.appendString(venue.utf8, to: &line)
        line += Array(#","connection":"#.utf8)
        Self.appendString(connection.utf8, to: &line)
        if Self.isSingleLineJSONContainer(message) {
            line += Array(#","message":"#.utf8) + message
        } else if let text = String(validating: message, as: UTF8.self) {
            line += Array(#","message":"#.utf8)
            Self.appendString(text.utf8, to: &line)
        } else {
            line += Array(#","messageBase64":""#.utf8) + Base64.encode(message) + [UInt8(ascii: "\"")]
        }
        line += Array("}\n".utf8)
        return line
    }

    /// True when `bytes` can stand in the line verbatim: it starts (after spaces) with `{` or `[`, holds no line
    /// break (the line would split), and parses as JSON. A full parse rather than a bracket check, because an
    /// envelope around a broken document would break every JSON tool reading the capture; collector volume (a few
    /// MB/s at most) makes the parse cheap.
    static func isSingleLineJSONContainer(_ bytes: [UInt8]) -> Bool {
        guard let first = bytes.first(where: { $0 != 0x20 && $0 != 0x09 }),
            first == UInt8(ascii: "{") || first == UInt8(ascii: "["),
            !bytes.contains(0x0A), !bytes.contains(0x0D)
        else { return false }
        return (try? JSONParser.parse(bytes, origin: "")) != nil
    }

    /// Appends `text` as a JSON string literal: quotes, backslashes and control characters escaped, everything
    /// else (UTF-8 included) as is.
    static func appendString(_ text: String.UTF8View, to line: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        line.append(UInt8(ascii: "\""))
        for byte in text {
            switch byte {
            case UInt8(ascii: "\""): line += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): line += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x0A: line += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: line += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: line += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0..<0x20:
                line += Array(#"\u00"#.utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            default: line.append(byte)
            }
        }
        line.append(UInt8(ascii: "\""))
    }
}
