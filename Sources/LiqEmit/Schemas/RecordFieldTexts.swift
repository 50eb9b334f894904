/// A record's fields as text, for formats that need each field on its own (NDJSON types them by column).
struct RecordFieldTexts: RecordFieldWriter {
    var fields: [String] = []

    mutating func text(_ value: String) { fields.append(value) }
    mutating func integer(_ value: Int64) { fields.append(String(value)) }
    mutating func number(_ value: Double, fractionDigits: Int?) {
        fields.append(NumberFormat.plain(value, fractionDigits: fractionDigits))
    }
    mutating func empty() { fields.append("") }
}
