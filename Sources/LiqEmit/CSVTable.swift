/// A CSV document built in memory with a fixed header: RFC 4180 quoting, `\n` line ends, UTF-8.
///
/// The header is fixed at creation and every row must match its width, so a schema change is a compile-visible
/// edit to one list, never a silent column shift in a user's charting tool. Rows are written field by field
/// straight into the document's bytes (`RecordFieldWriter`), never as an intermediate array of strings.
public struct CSVTable: Sendable, RecordFieldWriter {
    public let columns: [String]
    /// The document's bytes. Each field (with its comma) is written through a pointer into the array's spare
    /// capacity (one uniqueness and capacity check per field): appending each field, comma and newline went
    /// through the generic append and checked both for every one.
    private var bytes: [UInt8] = []
    /// Fields written so far in the row being built.
    private var fieldsInRow = 0

    public init(columns: [String]) {
        self.columns = columns
        for column in columns { text(column) }
        endRow()
    }

    /// Appends a row; its width must equal the header's.
    public mutating func append(_ fields: [String]) {
        for field in fields { text(field) }
        endRow()
    }

    /// Reserves room for `rows` more rows as long as the last one, so a batch grows its bytes once instead of
    /// doubling (and copying) its way up. An eighth more, and the room one number field asks for: otherwise the
    /// last rows (a little longer, or a field asking for room it will not use) doubled a full buffer. Room never
    /// written costs no memory.
    @usableFromInline
    mutating func reserveRows(_ rows: Int, likeBytesSince rowStart: Int) {
        let expected = rows * (bytes.count - rowStart)
        bytes.reserveCapacity(bytes.count + expected + expected / 8 + 1 + NumberFormat.maxDoubleBytes)
    }

    /// Ends the row written with the `RecordFieldWriter` calls since the last one; its width must equal the
    /// header's.
    public mutating func endRow() {
        precondition(fieldsInRow == columns.count, "row has \(fieldsInRow) fields, header has \(columns.count)")
        fieldsInRow = 0
        write(atMost: 1) { out in
            out[0] = 0x0A
            return 1
        }
    }

    public mutating func text(_ value: String) {
        let comma = startField()
        // The contiguous UTF-8 (no copy for a native string): scanning and copying a buffer is a loop and a
        // memcpy, where the `UTF8View` went through its generic iterator for every byte of every field.
        var value = value
        value.withUTF8 { utf8 in
            let needsQuotes = utf8.contains {
                $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D
            }
            // Quoted: two quotes around, and each quote doubled.
            write(atMost: 1 + (needsQuotes ? 2 * utf8.count + 2 : utf8.count)) { out in
                var position = Self.comma(comma, out)
                if needsQuotes {
                    out[position] = UInt8(ascii: "\"")
                    position += 1
                    for byte in utf8 {
                        if byte == UInt8(ascii: "\"") {
                            out[position] = byte
                            position += 1
                        }
                        out[position] = byte
                        position += 1
                    }
                    out[position] = UInt8(ascii: "\"")
                    return position + 1
                }
                if let base = utf8.baseAddress { (out + position).update(from: base, count: utf8.count) }
                return position + utf8.count
            }
        }
    }

    /// Digits and `-` only: never quoted.
    public mutating func integer(_ value: Int64) {
        let comma = startField()
        write(atMost: 1 + NumberFormat.maxIntegerBytes) { out in
            let position = Self.comma(comma, out)
            return position + NumberFormat.write(value, to: out + position)
        }
    }

    /// Digits, `-` and `.` only: never quoted.
    public mutating func number(_ value: Double, fractionDigits: Int?) {
        let comma = startField()
        write(atMost: 1 + NumberFormat.maxDoubleBytes) { out in
            let position = Self.comma(comma, out)
            return position + NumberFormat.write(value, fractionDigits: fractionDigits, to: out + position)
        }
    }

    public mutating func empty() {
        let comma = startField()
        write(atMost: 1) { Self.comma(comma, $0) }
    }

    /// Counts the field; true when a comma must precede it.
    private mutating func startField() -> Bool {
        fieldsInRow += 1
        return fieldsInRow > 1
    }

    /// Writes the separating comma when there is one; returns where the field starts.
    private static func comma(_ comma: Bool, _ out: UnsafeMutablePointer<UInt8>) -> Int {
        guard comma else { return 0 }
        out[0] = UInt8(ascii: ",")
        return 1
    }

    /// Runs `body` on room for `maxBytes` at the end of the document; it returns the bytes it wrote. The array
    /// grows geometrically, as by `append`, so room asked for but not used costs nothing.
    private mutating func write(atMost maxBytes: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        bytes.append(addingCapacity: maxBytes) { span in
            span.withUnsafeMutableBufferPointer { room, initialized in
                initialized += body(room.baseAddress! + initialized)
            }
        }
    }

    /// Bytes written so far.
    @usableFromInline
    var byteCount: Int { bytes.count }

    /// The encoded document, header first.
    public var data: [UInt8] { bytes }
}
