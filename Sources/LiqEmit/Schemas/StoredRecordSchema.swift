/// A schema whose files the store keeps and reads back (`run` merges new records into them and recomputes its
/// window from them): it states how a row reads back, field by field, beside how it is written.
public protocol StoredRecordSchema: RecordSchema {
    /// Reads back what `write` wrote, in the same order. Computed columns are read and dropped.
    static func read(_ reader: inout RecordFieldReader) throws(RecordReadError) -> Record
}

extension StoredRecordSchema {
    /// The records of a CSV document `encode` wrote, in file order. The header must be exactly the schema's
    /// columns: a file of another schema (or an older layout) is an error, never a silent column shift.
    public static func decode(_ bytes: [UInt8], origin: String) throws(RecordReadError) -> [Record] {
        var rows = CSVRows(bytes)
        var records: [Record] = []
        var sawHeader = false
        while true {
            let row: (line: Int, fields: [String])?
            do {
                row = try rows.nextRow()
            } catch {
                throw RecordReadError(
                    origin: "\(origin):\(error.line)", column: nil, expected: "a closed quoted field",
                    found: "a stray or unclosed quote")
            }
            guard let (line, fields) = row else { break }
            if fields == [""] { continue }
            guard sawHeader else {
                guard fields == columns else {
                    throw RecordReadError(
                        origin: "\(origin):\(line)", column: nil,
                        expected: "the header " + columns.joined(separator: ","),
                        found: fields.joined(separator: ","))
                }
                sawHeader = true
                continue
            }
            guard fields.count == columns.count else {
                throw RecordReadError(
                    origin: "\(origin):\(line)", column: nil, expected: "\(columns.count) fields",
                    found: "\(fields.count)")
            }
            var reader = RecordFieldReader(origin: "\(origin):\(line)", columns: columns, fields: fields)
            records.append(try read(&reader))
        }
        guard sawHeader else {
            throw RecordReadError(
                origin: origin, column: nil, expected: "the header " + columns.joined(separator: ","),
                found: "an empty file")
        }
        return records
    }
}
