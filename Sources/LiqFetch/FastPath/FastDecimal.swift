import LiqCore

/// Decimal text to `Double`, bit-identical to `DecimalText.parse` but without building a `String` for the
/// common venue numbers.
///
/// Venue prices and sizes (`"121384.9"`, `"0.014"`, `"10755584212.50000000"`) have few significant digits. When
/// the digits, trailing fractional zeros removed, form an integer m ≤ 2⁵³ scaled by 10⁻ᵏ with k ≤ 22, both m and
/// 10ᵏ are exact doubles, so the single IEEE division m / 10ᵏ is the correctly rounded value of the decimal —
/// the same double the correctly rounded `Double(String)` inside `DecimalText.parse` returns (Clinger's fast
/// path). Everything else (exponents, more digits, `.5`, `5.`) goes to `DecimalText.parse` itself.
enum FastDecimal {
    static func parse(_ text: UnsafeBufferPointer<UInt8>) -> Double? {
        if let value = exactShortDecimal(text) { return value }
        return DecimalText.parse(String(decoding: text, as: UTF8.self))
    }

    /// 10⁰ … 10²², every one exactly representable as a double.
    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
        1e19, 1e20, 1e21, 1e22,
    ]

    /// `-?[0-9]+(.[0-9]+)?` with a mantissa and scale inside the exact range; nil for anything else. Leading zeros
    /// add nothing to the mantissa, exactly as they add nothing to the decimal's value; trailing fractional zeros
    /// are left out of both mantissa and scale.
    ///
    /// Raw bytes, no per-digit bounds checks, and no per-digit bookkeeping: significant digits are counted from
    /// positions (first non-zero digit, last non-zero fraction digit), since this runs for every number of every
    /// archive row.
    private static func exactShortDecimal(_ text: UnsafeBufferPointer<UInt8>) -> Double? {
        guard let bytes = text.baseAddress, text.count > 0 else { return nil }
        let count = text.count
        let isNegative = bytes[0] == UInt8(ascii: "-")
        var position = isNegative ? 1 : 0
        let integerStart = position
        while position < count && bytes[position] == UInt8(ascii: "0") { position += 1 }
        let significantStart = position
        var mantissa: UInt64 = 0
        while position < count {
            let digit = bytes[position] &- UInt8(ascii: "0")
            guard digit < 10 else { break }
            mantissa = mantissa &* 10 &+ UInt64(digit)
            position += 1
        }
        var significantDigits = position - significantStart
        guard position > integerStart, significantDigits <= 19 else { return nil }
        var scale = 0
        if position < count {
            guard bytes[position] == UInt8(ascii: ".") else { return nil }
            position += 1
            let fractionStart = position
            guard fractionStart < count else { return nil }
            // The fraction's first and last non-zero digits; every byte must be a digit.
            var firstNonZero = -1
            var lastNonZero = -1
            while position < count {
                let digit = bytes[position] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                if digit != 0 {
                    if firstNonZero < 0 { firstNonZero = position }
                    lastNonZero = position
                }
                position += 1
            }
            if lastNonZero >= 0 {
                scale = lastNonZero + 1 - fractionStart
                // With no significant integer digit, the fraction's leading zeros are not significant either.
                significantDigits += lastNonZero + 1 - (significantDigits == 0 ? firstNonZero : fractionStart)
                guard significantDigits <= 19 else { return nil }
                for index in fractionStart...lastNonZero {
                    mantissa = mantissa &* 10 &+ UInt64(bytes[index] &- UInt8(ascii: "0"))
                }
            }
        }
        guard scale < powersOfTen.count, mantissa <= 1 << 53 else { return nil }
        let magnitude = Double(mantissa) / powersOfTen[scale]
        return isNegative ? -magnitude : magnitude
    }
}
