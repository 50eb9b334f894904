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

    /// 10⁰ … 10²², each exactly representable as a double.
    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
        1e19, 1e20, 1e21, 1e22,
    ]

    /// Most bytes one double's text takes: a sign and the 309 integer digits of the largest double, or a sign,
    /// "0.", 323 zeros and 17 digits for the smallest (expanded: never an exponent).
    public static let maxDoubleBytes = 352
    /// Most bytes one `Int64`'s text takes: a sign and 19 digits.
    public static let maxIntegerBytes = 20

    /// Appends `plain(value, fractionDigits:)` as UTF-8 to `bytes`.
    public static func append(_ value: Double, fractionDigits: Int? = nil, to bytes: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxDoubleBytes) { text in
            let count = write(value, fractionDigits: fractionDigits, to: text.baseAddress!)
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[..<count]))
        }
    }

    /// Writes `plain(value, fractionDigits:)` as UTF-8 at `out`, which has room for `maxDoubleBytes`; returns the
    /// bytes written. A pointer, not an array: a store writes millions of numbers into one reused buffer, and
    /// appending each to an array checked its uniqueness and capacity and went through the generic append.
    public static func write(_ value: Double, fractionDigits: Int?, to out: UnsafeMutablePointer<UInt8>) -> Int {
        precondition(value.isFinite, "non-finite values never reach an output")
        var number = value
        if let digits = fractionDigits {
            // 10^digits: from the table (each entry exact, as the repeated product is up to 10²²), not eight
            // dependent multiplications per computed value.
            var scale = 1.0
            if digits >= 0 && digits < powersOfTen.count {
                scale = powersOfTen[digits]
            } else {
                for _ in 0..<digits { scale *= 10 }
            }
            // Where `digits` decimals reach past a double's precision (value × 10^digits ≥ 10¹⁵: above 10⁷ for 8
            // decimals), rounding can move the last digit of a value that already has no more decimals, so a
            // stored file read back and written again would change. A value whose shortest text has at most
            // `digits` decimals is written as that text; below 10¹⁵ the rounding below gives the same text.
            if abs(value) * scale >= 1e15, let count = writeIfShortEnough(value, fractionDigits: digits, to: out) {
                return count
            }
            let scaled = (number * scale).rounded(.toNearestOrAwayFromZero)
            // Beyond 2^53 the product has no fraction left to round, and dividing back would only add error.
            if abs(scaled) < 9_007_199_254_740_992 { number = scaled / scale }
            // The rounded value is the decimal `scaled` / 10^digits, exactly the m / 10ᵈ `writeShort` looks for
            // (`number` is its correctly rounded double): its digits are known without a search.
            if abs(scaled) < 1e15 && digits <= 22 && scaled != 0 {
                var mantissa = UInt64(abs(scaled))
                var fractionDigits = digits
                while fractionDigits > 0 && mantissa % 10 == 0 {
                    mantissa /= 10
                    fractionDigits -= 1
                }
                return writeDigits(mantissa, fractionDigits: fractionDigits, negative: scaled < 0, to: out)
            }
        }
        if number == 0 {
            out[0] = UInt8(ascii: "0")
            return 1
        }
        if let count = writeShort(number, to: out) { return count }
        // `description` gives the shortest digits that round-trip, as `-d.ddd`, `ddd.ddd` or `d.ddde±xx`.
        var expanded: [UInt8] = []
        var text = number.description
        text.withUTF8 { appendExpanded($0, to: &expanded) }
        return copy(expanded, to: out)
    }

    /// Writes `value`'s shortest text (expanded) when it has at most `fractionDigits` decimals; nil, with nothing
    /// written, otherwise.
    private static func writeIfShortEnough(
        _ value: Double, fractionDigits: Int, to out: UnsafeMutablePointer<UInt8>
    ) -> Int? {
        var expanded: [UInt8] = []
        var text = value.description
        text.withUTF8 { appendExpanded($0, to: &expanded) }
        let decimals = expanded.firstIndex(of: UInt8(ascii: ".")).map { expanded.count - $0 - 1 } ?? 0
        guard decimals <= fractionDigits else { return nil }
        return copy(expanded, to: out)
    }

    private static func copy(_ bytes: [UInt8], to out: UnsafeMutablePointer<UInt8>) -> Int {
        precondition(bytes.count <= maxDoubleBytes, "a double's text is at most \(maxDoubleBytes) bytes")
        bytes.withUnsafeBufferPointer { out.update(from: $0.baseAddress!, count: $0.count) }
        return bytes.count
    }

    /// Appends `value`'s text as `writeShort` writes it; false, with nothing written, where it writes nothing.
    static func appendShort(_ value: Double, to bytes: inout [UInt8]) -> Bool {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxDoubleBytes) { text in
            guard let count = writeShort(value, to: text.baseAddress!) else { return false }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[..<count]))
            return true
        }
    }

    /// Writes a non-zero `value` as `description` would after expansion, without calling it, when the value is
    /// m / 10ᵈ for an integer m < 10¹⁵ (venue prices and sizes, values rounded to 8 decimals); nil, with
    /// nothing written, for anything else.
    ///
    /// Why the text is the same: any two decimals of at most 15 significant digits are further apart than a
    /// double's rounding interval (10¹⁵ < 2⁵³, the reason `DBL_DIG` is 15), so at most one of them reads back as
    /// `value`, and `description` — the shortest text that round-trips, the nearest one on a tie — is that one.
    /// Each candidate is checked exactly (m and 10ᵈ ≤ 10²² are exact doubles, so `Double(m) / 10ᵈ` is the
    /// correctly rounded value of the decimal), so a cheaply rounded m can only be missed, never wrong. Trying
    /// d = 0, 1, 2, … finds the candidate without trailing zeros; one with a zero means a smaller d was missed,
    /// and is left to `description` rather than written with the zero.
    static func writeShort(_ value: Double, to out: UnsafeMutablePointer<UInt8>) -> Int? {
        let magnitude = abs(value)
        var fractionDigits = 0
        var scale = 1.0
        while true {
            let scaled = magnitude * scale
            guard scaled < 1e15 else { return nil }
            // Truncating after adding ½ rounds without a libm call; a tie rounded the wrong way fails the check.
            let mantissa = UInt64(scaled + 0.5)
            if mantissa > 0 && Double(mantissa) / scale == magnitude {
                guard fractionDigits == 0 || mantissa % 10 != 0 else { return nil }
                return writeDigits(mantissa, fractionDigits: fractionDigits, negative: value < 0, to: out)
            }
            fractionDigits += 1
            guard fractionDigits <= 22 else { return nil }
            scale *= 10
        }
    }

    /// Appends `value` in decimal, as `String(value)` writes it.
    public static func append(_ value: Int64, to bytes: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxIntegerBytes) { text in
            let count = write(value, to: text.baseAddress!)
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[..<count]))
        }
    }

    /// Writes `value` in decimal, as `String(value)` writes it, at `out` (room for `maxIntegerBytes`); returns the
    /// bytes written.
    public static func write(_ value: Int64, to out: UnsafeMutablePointer<UInt8>) -> Int {
        writeDigits(value.magnitude, fractionDigits: 0, negative: value < 0, to: out)
    }

    /// Writes `-`, when negative, and `magnitude` / 10^`fractionDigits` in plain decimal (`0.000ddd` when the
    /// fraction is longer than the digits) at `out`, right to left once its length is known; returns the bytes
    /// written (at most a sign, 20 digits, "0." and 22 leading fraction zeros).
    private static func writeDigits(
        _ magnitude: UInt64, fractionDigits: Int, negative: Bool, to out: UnsafeMutablePointer<UInt8>
    ) -> Int {
        var digitCount = 1
        var rest = magnitude / 10
        while rest > 0 {
            digitCount += 1
            rest /= 10
        }
        let sign = negative ? 1 : 0
        // "0" before the point when every digit is a fraction digit.
        let integerDigits = max(digitCount - fractionDigits, 1)
        let total = sign + integerDigits + (fractionDigits > 0 ? 1 + fractionDigits : 0)
        var end = total
        var remaining = magnitude
        if fractionDigits > 0 {
            for _ in 0..<fractionDigits {
                end -= 1
                out[end] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: remaining % 10)
                remaining /= 10
            }
            end -= 1
            out[end] = UInt8(ascii: ".")
        }
        repeat {
            end -= 1
            out[end] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: remaining % 10)
            remaining /= 10
        } while end > sign
        if negative { out[0] = UInt8(ascii: "-") }
        return total
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
