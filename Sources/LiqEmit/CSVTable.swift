/// A CSV document built in memory with a fixed header: RFC 4180 quoting, `\n` line ends, UTF-8.
///
/// The header is fixed at creation and every row must match its width, so a schema change is a compile-visible
/// edit to one list, never a silent column shift in a user's charting tool.
public struct CSVTable: Sendable {
    public let columns: [String]
    private(set) var bytes: [UInt8] = []

    public init(columns: [String]) {
        self.columns = columns
        appendRow(columns)
    }

    /// Appends a row; its width must equal the header's.
    public mutating func append(_ fields: [String]) {
        precondition(fields.count == columns.count, "row has \(fields.count) fields, header has \(columns.count)")
        appendRow(fields)
    }

    private mutating func appendRow(_ fields: [String]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            let needsQuotes = field.utf8.contains {
                $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D
            }
            if needsQuotes {
                bytes.append(UInt8(ascii: "\""))
                for byte in field.utf8 {
                    if byte == UInt8(ascii: "\"") { bytes.append(byte) }
                    bytes.append(byte)
                }
                bytes.append(UInt8(ascii: "\""))
            } else {
                bytes.append(contentsOf: field.utf8)
            }
        }
        bytes.append(0x0A)
    }

    /// The encoded document, header first.
    public var data: [UInt8] { bytes }
}
