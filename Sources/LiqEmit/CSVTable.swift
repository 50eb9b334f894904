/// A CSV document built in memory with a fixed header: RFC 4180 quoting, `\n` line ends, UTF-8.
///
/// The header is fixed at creation and every row must match its width, so a schema change is a compile-visible
/// edit to one list, never a silent column shift in a user's charting tool. Rows are written field by field
/// straight into the document's bytes (`RecordFieldWriter`), never as an intermediate array of strings.
public struct CSVTable: Sendable, RecordFieldWriter {
    public let columns: [String]
    private(set) var bytes: [UInt8] = []
    /// Fields written so far in the row being built.
    private var fieldsInRow = 0

    public init(columns: [String]) {
        self.columns = columns
        for column in columns { text(column) }
        bytes.append(0x0A)
        fieldsInRow = 0
    }

    /// Appends a row; its width must equal the header's.
    public mutating func append(_ fields: [String]) {
        for field in fields { text(field) }
        endRow()
    }

    /// Reserves room for `rows` more rows as long as the last one, so a batch grows its bytes once instead of
    /// doubling (and copying) its way up.
    @usableFromInline
    mutating func reserveRows(_ rows: Int, likeBytesSince rowStart: Int) {
        bytes.reserveCapacity(bytes.count + rows * (bytes.count - rowStart))
    }

    /// Ends the row written with the `RecordFieldWriter` calls since the last one; its width must equal the
    /// header's.
    public mutating func endRow() {
        precondition(fieldsInRow == columns.count, "row has \(fieldsInRow) fields, header has \(columns.count)")
        bytes.append(0x0A)
        fieldsInRow = 0
    }

    public mutating func text(_ value: String) {
        startField()
        // The contiguous UTF-8 (no copy for a native string): scanning and copying a buffer is a loop and a
        // memcpy, where the `UTF8View` went through its generic iterator for every byte of every field.
        var value = value
        value.withUTF8 { utf8 in
            let needsQuotes = utf8.contains {
                $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D
            }
            if needsQuotes {
                bytes.append(UInt8(ascii: "\""))
                for byte in utf8 {
                    if byte == UInt8(ascii: "\"") { bytes.append(byte) }
                    bytes.append(byte)
                }
                bytes.append(UInt8(ascii: "\""))
            } else {
                bytes.append(contentsOf: utf8)
            }
        }
    }

    /// Digits and `-` only: never quoted.
    public mutating func integer(_ value: Int64) {
        startField()
        NumberFormat.append(value, to: &bytes)
    }

    /// Digits, `-` and `.` only: never quoted.
    public mutating func number(_ value: Double, fractionDigits: Int?) {
        startField()
        NumberFormat.append(value, fractionDigits: fractionDigits, to: &bytes)
    }

    public mutating func empty() { startField() }

    private mutating func startField() {
        if fieldsInRow > 0 { bytes.append(UInt8(ascii: ",")) }
        fieldsInRow += 1
    }

    /// Bytes written so far.
    @usableFromInline
    var byteCount: Int { bytes.count }

    /// The encoded document, header first.
    public var data: [UInt8] { bytes }
}
