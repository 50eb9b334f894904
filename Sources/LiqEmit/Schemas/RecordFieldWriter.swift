/// Receives one record's fields in column order. A schema states its row once against this protocol, and CSV
/// (bytes appended straight into the document) and NDJSON (field text, typed by column) are both derived from it.
public protocol RecordFieldWriter {
    mutating func text(_ value: String)
    /// An integer as `String(value)` writes it.
    mutating func integer(_ value: Int64)
    /// A number as `NumberFormat.plain(value, fractionDigits:)` writes it.
    mutating func number(_ value: Double, fractionDigits: Int?)
    /// A field with no value (an optional the venue does not report).
    mutating func empty()
}

extension RecordFieldWriter {
    /// A value parsed from a venue: the shortest text that round-trips.
    public mutating func plain(_ value: Double) { number(value, fractionDigits: nil) }

    /// A computed value at `NumberFormat.computedFractionDigits`.
    public mutating func computed(_ value: Double) {
        number(value, fractionDigits: NumberFormat.computedFractionDigits)
    }
}
