/// How numbers are written into CSV and JSON: plain decimal text, never exponents, identical in every run.
///
/// Values parsed from a venue (prices, quantities) print as the shortest text that round-trips, which is the
/// venue's own text without trailing zeros. Computed values (notionals, sums) are first rounded to a fixed
/// number of decimals so floating-point noise (`65.88456000000001`) never reaches a chart or a diff.
///
/// The text is built as bytes appended to the caller's buffer: a store writes millions of numbers, and going
/// through an intermediate `String` per number (and string surgery for exponents) cost more than parsing them.
public enum NumberFormat {
    /// Decimals kept for USD amounts and other computed values: 1e-8 is below any venue's tick.
    public static let computedFractionDigits = 8

    /// `value` as plain decimal text; rounded half away from zero to `fractionDigits` when given.
    public static func plain(_ value: Double, fractionDigits: Int? = nil) -> String {
        var bytes: [UInt8] = []
        append(value, fractionDigits: fractionDigits, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A computed value (notional, sum, ratio) at `computedFractionDigits`.
    public static func computed(_ value: Double) -> String { plain(value, fractionDigits: computedFractionDigits) }

    /// Appends `plain(value, fractionDigits:)` as UTF-8 to `bytes`.
    public static func append(_ value: Double, fractionDigits: Int? = nil, to bytes: inout [UInt8]) {
        precondition(value.isFinite, "non-finite values never reach an output")
        var number = value
        if let digits = fractionDigits {
            var scale = 1.0
            for _ in 0..<digits { scale *= 10 }
            let scaled = (number * scale).rounded(.toNearestOrAwayFromZero)
            // Beyond 2^53 the product has no fraction left to round, and dividing back would only add error.
            if abs(scaled) < 9_007_199_254_740_992 { number = scaled / scale }
        }
        if number == 0 {
            bytes.append(UInt8(ascii: "0"))
            return
        }
        // `description` gives the shortest digits that round-trip, as `-d.ddd`, `ddd.ddd` or `d.ddde±xx`.
        var text = number.description
        text.withUTF8 { appendExpanded($0, to: &bytes) }
    }

    /// Appends `value` in decimal, as `String(value)` writes it.
    public static func append(_ value: Int64, to bytes: inout [UInt8]) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        let start = bytes.count
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        bytes[start...].reverse()
    }

    /// Appends `text` (a `description`) with its exponent written out: `1.5e-05` as `0.000015`, `1e+16` as
    /// `10000000000000000`; without an exponent a trailing `.0` is dropped and other text is copied unchanged.
    static func appendExpanded(_ text: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        guard let eIndex = text.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) else {
            let count = text.count
            let endsWithPointZero =
                count >= 2 && text[count - 2] == UInt8(ascii: ".") && text[count - 1] == UInt8(ascii: "0")
            bytes.append(contentsOf: endsWithPointZero ? UnsafeBufferPointer(rebasing: text[..<(count - 2)]) : text)
            return
        }
        guard let exponent = Int(String(decoding: UnsafeBufferPointer(rebasing: text[(eIndex + 1)...]), as: UTF8.self))
        else {
            bytes.append(contentsOf: text)
            return
        }
        var start = 0
        let negative = eIndex > 0 && text[0] == UInt8(ascii: "-")
        if negative { start = 1 }
        let mantissa = UnsafeBufferPointer(rebasing: text[start..<eIndex])
        let point = mantissa.firstIndex(of: UInt8(ascii: ".")).map { $0 - mantissa.startIndex }
        let integerCount = point ?? mantissa.count
        // The mantissa's digits without its point, and where the point goes once the exponent is applied.
        var digits: [UInt8] = []
        digits.reserveCapacity(mantissa.count)
        for (offset, byte) in mantissa.enumerated() where offset != point { digits.append(byte) }
        let pointPosition = integerCount + exponent
        var result: [UInt8] = []
        var hasPoint: Bool
        if pointPosition <= 0 {
            result = [UInt8(ascii: "0"), UInt8(ascii: ".")]
            result += repeatElement(UInt8(ascii: "0"), count: -pointPosition)
            result += digits
            hasPoint = true
        } else if pointPosition >= digits.count {
            result = digits
            result += repeatElement(UInt8(ascii: "0"), count: pointPosition - digits.count)
            hasPoint = digits.contains(UInt8(ascii: "."))
        } else {
            result = Array(digits[..<pointPosition])
            result.append(UInt8(ascii: "."))
            result += digits[pointPosition...]
            hasPoint = true
        }
        if hasPoint {
            while result.last == UInt8(ascii: "0") { result.removeLast() }
            if result.last == UInt8(ascii: ".") { result.removeLast() }
        }
        var leading = 0
        while result.count - leading > 1 && result[leading] == UInt8(ascii: "0")
            && !(result[leading + 1] == UInt8(ascii: "."))
        {
            leading += 1
        }
        if negative { bytes.append(UInt8(ascii: "-")) }
        bytes += result[leading...]
    }
}
