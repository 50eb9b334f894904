/// Exact parsing of decimal text as venues send it (`"0.014"`, `"-0.03750000"`, `1.5e-5`).
///
/// `Double(String)` is correctly rounded but also accepts `nan`, `inf`, `0x1p3` and leading `+`; none of those
/// is a price, so the grammar is checked first.
public enum DecimalText {
    public static func parse(_ text: String) -> Double? {
        var utf8 = text.utf8[...]
        guard !utf8.isEmpty else { return nil }
        if utf8.first == UInt8(ascii: "-") { utf8 = utf8.dropFirst() }
        var sawDigit = false
        var sawDot = false
        while let byte = utf8.first {
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                sawDigit = true
            } else if byte == UInt8(ascii: ".") && !sawDot {
                sawDot = true
            } else {
                break
            }
            utf8 = utf8.dropFirst()
        }
        guard sawDigit else { return nil }
        if let byte = utf8.first, byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
            utf8 = utf8.dropFirst()
            if let sign = utf8.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { utf8 = utf8.dropFirst() }
            guard let digit = utf8.first, digit >= UInt8(ascii: "0") && digit <= UInt8(ascii: "9") else { return nil }
            while let digit = utf8.first, digit >= UInt8(ascii: "0") && digit <= UInt8(ascii: "9") {
                utf8 = utf8.dropFirst()
            }
        }
        guard utf8.isEmpty, let number = Double(text), number.isFinite else { return nil }
        return number
    }
}
