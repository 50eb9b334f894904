/// The rows of a CSV document as `CSVTable` writes it (RFC 4180: quoted fields may hold commas, doubled quotes
/// and line breaks; `\n` or `\r\n` line ends), for reading the store's own files back. Every row is returned
/// with the line it starts on, so errors can name it.
struct CSVRows: Sequence, IteratorProtocol {
    private let bytes: [UInt8]
    private var position = 0
    private var line = 1

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// A malformed quote: the line it starts on.
    struct QuoteError: Error {
        var line: Int
    }

    /// The next row and the line it starts on; nil at the end. A stray quote ends the sequence with `QuoteError`
    /// through `nextRow()`; `next()` is for callers that already validated.
    mutating func next() -> (line: Int, fields: [String])? { try? nextRow() }

    mutating func nextRow() throws(QuoteError) -> (line: Int, fields: [String])? {
        guard position < bytes.count else { return nil }
        let startLine = line
        var fields: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var fieldStarted = false
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if position < bytes.count && bytes[position] == UInt8(ascii: "\"") {
                        field.append(byte)
                        position += 1
                    } else {
                        quoted = false
                    }
                } else {
                    if byte == 0x0A { line += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                guard !fieldStarted && field.isEmpty else { throw QuoteError(line: line) }
                quoted = true
                fieldStarted = true
            case UInt8(ascii: ","):
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
                fieldStarted = false
            case 0x0D where position < bytes.count && bytes[position] == 0x0A:
                continue
            case 0x0A:
                line += 1
                fields.append(String(decoding: field, as: UTF8.self))
                return (startLine, fields)
            default:
                field.append(byte)
                fieldStarted = true
            }
        }
        guard !quoted else { throw QuoteError(line: startLine) }
        fields.append(String(decoding: field, as: UTF8.self))
        return (startLine, fields)
    }
}
