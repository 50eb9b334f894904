import LiqCore

/// A fixed output schema for one record type: its columns, which of them are numbers, how a record becomes a
/// row, and the canonical order. CSV and NDJSON are both derived from it, so the two formats never disagree.
public protocol RecordSchema {
    associatedtype Record

    static var columns: [String] { get }
    /// Columns written as JSON numbers in NDJSON (all others are strings, even when they look numeric).
    static var numericColumns: Set<String> { get }
    static func row(_ record: Record) -> [String]
    /// Records in the order every output lists them.
    static func ordered(_ records: [Record]) -> [Record]
}

extension RecordSchema {
    /// CSV with the schema's header, one row per record in canonical order.
    public static func encode(_ records: [Record]) -> [UInt8] {
        var table = CSVTable(columns: columns)
        for record in ordered(records) { table.append(row(record)) }
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
