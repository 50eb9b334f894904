public import LiqCore

/// One line of a capture file: an envelope written by `CaptureSegmentWriter` (receive time, venue, connection and
/// the raw message), or a bare venue message as older captures (and `Fixtures/*/captures/*`) hold them.
///
/// Parsing does not re-serialise anything: a verbatim message is a slice of the line, so the venue's byte-level
/// fast decoders run on exactly the bytes the venue sent.
public struct CaptureLine: Sendable, Equatable {
    /// Where and when an enveloped message was received; nil for a bare line.
    public struct Provenance: Sendable, Equatable {
        /// Receive time, UTC epoch milliseconds.
        public var receivedMs: Int64
        public var venue: String
        public var connection: String
    }

    public var provenance: Provenance?
    /// The raw venue message: a slice of the line, or the decoded bytes of a string or base64 message.
    public var message: ArraySlice<UInt8>

    /// The record this line was written from; nil for a bare line.
    public var record: CaptureRecord? {
        provenance.map {
            CaptureRecord(
                receivedMs: $0.receivedMs, venue: $0.venue, connection: $0.connection, message: Array(message))
        }
    }

    /// Every envelope starts with these bytes (the writer's fixed key order); no venue message does, so the prefix
    /// alone tells an envelope from a bare message without parsing the whole line.
    static let envelopePrefix = Array(#"{"receivedMs":"#.utf8)

    /// Parses one line (without its `\n`); `path` and `lineNumber` locate errors, which are `JSONError`s naming
    /// the file, line and column. A verbatim message is not validated here: the venue decoder parses it anyway.
    public static func parse(_ line: [UInt8], path: String, lineNumber: Int) throws(JSONError) -> CaptureLine {
        guard line.starts(with: envelopePrefix) else { return CaptureLine(provenance: nil, message: line[...]) }
        var scanner = Scanner(line: line, path: path, lineNumber: lineNumber, index: envelopePrefix.count)
        let receivedMs = try scanner.integer()
        try scanner.expect(#","venue":"#)
        let venue = try scanner.string()
        try scanner.expect(#","connection":"#)
        let connection = try scanner.string()
        var end = line.count
        while end > scanner.index, line[end - 1] == 0x20 || line[end - 1] == 0x09 { end -= 1 }
        guard end > scanner.index, line[end - 1] == UInt8(ascii: "}") else {
            throw scanner.error(at: max(end - 1, scanner.index), expected: "'}' closing the capture envelope")
        }
        let provenance = Provenance(receivedMs: receivedMs, venue: venue, connection: connection)
        if scanner.skip(#","messageBase64":"#) {
            let start = scanner.index
            let text = try scanner.string()
            guard scanner.index == end - 1, let bytes = Base64.decode(Array(text.utf8)[...]) else {
                throw scanner.error(at: start, expected: "a base64 string as the last member")
            }
            return CaptureLine(provenance: provenance, message: bytes[...])
        }
        try scanner.expect(#","message":"#)
        if scanner.index < end - 1, line[scanner.index] == UInt8(ascii: "\"") {
            let start = scanner.index
            let text = try scanner.string()
            guard scanner.index == end - 1 else { throw scanner.error(at: start, expected: "one string message") }
            return CaptureLine(provenance: provenance, message: Array(text.utf8)[...])
        }
        guard scanner.index < end - 1 else { throw scanner.error(at: scanner.index, expected: "a message") }
        return CaptureLine(provenance: provenance, message: line[scanner.index..<(end - 1)])
    }

    /// Reads the envelope's fixed members in order; columns in errors are 1-based byte offsets in the line.
    private struct Scanner {
        let line: [UInt8]
        let path: String
        let lineNumber: Int
        var index: Int

        func error(at position: Int, expected: String) -> JSONError {
            let found: String
            if position >= line.count {
                found = "end of line"
            } else {
                let byte = line[position]
                found =
                    (0x21..<0x7F).contains(byte)
                    ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16))"
            }
            return JSONError(
                origin: path, location: .text(line: lineNumber, column: position + 1), expected: expected,
                found: found)
        }

        mutating func skip(_ literal: String) -> Bool {
            let bytes = Array(literal.utf8)
            guard line[index...].starts(with: bytes) else { return false }
            index += bytes.count
            return true
        }

        mutating func expect(_ literal: String) throws(JSONError) {
            guard skip(literal) else { throw error(at: index, expected: "'\(literal)'") }
        }

        /// A decimal integer that fits in Int64 (receive times).
        mutating func integer() throws(JSONError) -> Int64 {
            let start = index
            if index < line.count, line[index] == UInt8(ascii: "-") { index += 1 }
            while index < line.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(line[index]) { index += 1 }
            guard let value = Int64(String(decoding: line[start..<index], as: UTF8.self)) else {
                throw error(at: start, expected: "an integer receive time in milliseconds")
            }
            return value
        }

        /// A JSON string literal, unescaped by the project's strict parser.
        mutating func string() throws(JSONError) -> String {
            let start = index
            guard index < line.count, line[index] == UInt8(ascii: "\"") else {
                throw error(at: index, expected: "a string")
            }
            index += 1
            while index < line.count, line[index] != UInt8(ascii: "\"") {
                index += line[index] == UInt8(ascii: "\\") ? 2 : 1
            }
            guard index < line.count else { throw error(at: start, expected: "a closed string") }
            index += 1
            do throws(JSONError) {
                guard case .string(let text) = try JSONParser.parse(Array(line[start..<index]), origin: path) else {
                    throw error(at: start, expected: "a string")
                }
                return text
            } catch {
                // The parser counted columns from the string's start; report them in the whole line.
                guard case .text(_, let column) = error.location else { throw error }
                throw self.error(at: start + column - 1, expected: error.expected)
            }
        }
    }
}
