/// Hands one row's fields to a schema in column order: the inverse of `RecordFieldWriter`, so a schema states
/// its row once for writing and once for reading, side by side, and the store's files read back into the same
/// records.
public struct RecordFieldReader {
    /// `path:line` of the row, for errors.
    public let origin: String
    let columns: [String]
    let fields: [String]
    private var index = 0

    init(origin: String, columns: [String], fields: [String]) {
        self.origin = origin
        self.columns = columns
        self.fields = fields
    }

    public mutating func text() -> String {
        defer { index += 1 }
        return fields[index]
    }

    /// A decimal integer as `RecordFieldWriter.integer` writes it.
    public mutating func integer() throws(RecordReadError) -> Int64 {
        let field = text()
        guard let value = Int64(field) else { throw error(expected: "an integer", found: field) }
        return value
    }

    /// A finite number as `RecordFieldWriter.number` writes it (plain decimal text).
    public mutating func number() throws(RecordReadError) -> Double {
        let field = text()
        guard let value = Double(field), value.isFinite else { throw error(expected: "a number", found: field) }
        return value
    }

    /// A number, or nil for an empty field (`RecordFieldWriter.empty`).
    public mutating func optionalNumber() throws(RecordReadError) -> Double? {
        guard !fields[index].isEmpty else {
            index += 1
            return nil
        }
        return try number()
    }

    /// One of an enumeration's raw values (`Venue`, `PositionSide`, …).
    public mutating func value<Value: RawRepresentable & CaseIterable>(_: Value.Type) throws(RecordReadError) -> Value
    where Value.RawValue == String {
        let field = text()
        guard let value = Value(rawValue: field) else {
            throw error(expected: "one of " + Value.allCases.map(\.rawValue).joined(separator: ", "), found: field)
        }
        return value
    }

    /// An error about the field just read.
    public func error(expected: String, found: String) -> RecordReadError {
        RecordReadError(
            origin: origin, column: columns[max(0, index - 1)], expected: expected,
            found: found.isEmpty ? "nothing" : "\"\(found)\"")
    }
}
