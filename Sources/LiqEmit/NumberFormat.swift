/// How numbers are written into CSV and JSON: plain decimal text, never exponents, identical in every run.
///
/// Values parsed from a venue (prices, quantities) print as the shortest text that round-trips, which is the
/// venue's own text without trailing zeros. Computed values (notionals, sums) are first rounded to a fixed
/// number of decimals so floating-point noise (`65.88456000000001`) never reaches a chart or a diff.
public enum NumberFormat {
    /// Decimals kept for USD amounts and other computed values: 1e-8 is below any venue's tick.
    public static let computedFractionDigits = 8

    /// `value` as plain decimal text; rounded half away from zero to `fractionDigits` when given.
    public static func plain(_ value: Double, fractionDigits: Int? = nil) -> String {
        precondition(value.isFinite, "non-finite values never reach an output")
        var number = value
        if let digits = fractionDigits {
            var scale = 1.0
            for _ in 0..<digits { scale *= 10 }
            let scaled = (number * scale).rounded(.toNearestOrAwayFromZero)
            // Beyond 2^53 the product has no fraction left to round, and dividing back would only add error.
            if abs(scaled) < 9_007_199_254_740_992 { number = scaled / scale }
        }
        if number == 0 { return "0" }
        return expandExponent(number.description)
    }

    /// A computed value (notional, sum, ratio) at `computedFractionDigits`.
    public static func computed(_ value: Double) -> String { plain(value, fractionDigits: computedFractionDigits) }

    /// Rewrites `1.5e-05` as `0.000015` and `1e+16` as `10000000000000000`; other text is returned unchanged.
    static func expandExponent(_ text: String) -> String {
        guard let eIndex = text.firstIndex(where: { $0 == "e" || $0 == "E" }) else {
            return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
        }
        var mantissa = String(text[..<eIndex])
        guard let exponent = Int(text[text.index(after: eIndex)...]) else { return text }
        let negative = mantissa.hasPrefix("-")
        if negative { mantissa.removeFirst() }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let integerPart = String(parts[0])
        let fractionPart = parts.count > 1 ? String(parts[1]) : ""
        let digits = integerPart + fractionPart
        let pointPosition = integerPart.count + exponent
        var result: String
        if pointPosition <= 0 {
            result = "0." + String(repeating: "0", count: -pointPosition) + digits
        } else if pointPosition >= digits.count {
            result = digits + String(repeating: "0", count: pointPosition - digits.count)
        } else {
            let split = digits.index(digits.startIndex, offsetBy: pointPosition)
            result = String(digits[..<split]) + "." + String(digits[split...])
        }
        if result.contains(".") {
            while result.hasSuffix("0") { result.removeLast() }
            if result.hasSuffix(".") { result.removeLast() }
        }
        while result.hasPrefix("0") && result.count > 1 && !result.hasPrefix("0.") { result.removeFirst() }
        return negative ? "-" + result : result
    }
}
