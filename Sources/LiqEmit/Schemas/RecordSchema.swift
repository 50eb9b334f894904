import LiqCore

/// A fixed output schema for one record type: its columns, which of them are numbers, how a record's fields are
/// written, and the canonical order. CSV and NDJSON are both derived from it, so the two formats never disagree.
public protocol RecordSchema {
    associatedtype Record

    static var columns: [String] { get }
    /// Columns written as JSON numbers in NDJSON (all others are strings, even when they look numeric).
    static var numericColumns: Set<String> { get }
    /// Writes the record's fields, one per column, in column order.
    static func write<Writer: RecordFieldWriter>(_ record: Record, to writer: inout Writer)
    /// Whether `lhs` comes strictly before `rhs` in the order every output lists records.
    static func precedes(_ lhs: Record, _ rhs: Record) -> Bool
}

extension RecordSchema {
    /// The record's fields as text, one per column.
    public static func row(_ record: Record) -> [String] {
        var texts = RecordFieldTexts()
        write(record, to: &texts)
        return texts.fields
    }

    /// Records in canonical order. A batch already in order (archive rows are) is returned as is after one pass:
    /// the same result as the stable sort, without its cost.
    @inlinable
    public static func ordered(_ records: [Record]) -> [Record] {
        let inOrder = !records.indices.dropFirst().contains { precedes(records[$0], records[$0 - 1]) }
        return inOrder ? records : records.sorted(by: precedes)
    }

    /// CSV with the schema's header, one row per record in canonical order.
    ///
    /// Inlinable, as are the schemas' `write`, so a caller in another module (the store) gets it specialised for
    /// its schema and `CSVTable`: unspecialised, every field went through witness tables and generic metadata.
    @inlinable
    public static func encode(_ records: [Record]) -> [UInt8] {
        var table = CSVTable(columns: columns)
        var reserved = false
        for record in ordered(records) {
            let rowStart = table.byteCount
            write(record, to: &table)
            table.endRow()
            if !reserved {
                table.reserveRows(records.count - 1, likeBytesSince: rowStart)
                reserved = true
            }
        }
        return table.data
    }

    /// One JSON object per line, keys = column names, in canonical order; empty fields are `null`.
    public static func encodeNDJSON(_ records: [Record]) -> [UInt8] {
        var output: [UInt8] = []
        for record in ordered(records) {
            let members = zip(columns, row(record)).map { column, field -> JSONMember in
                let value: JSONValue =
                    field.isEmpty ? .null : numericColumns.contains(column) ? .number(field) : .string(field)
                return JSONMember(key: column, value: value)
            }
            output += JSONWriter.encode(.object(members), pretty: false)
        }
        return output
    }
}
