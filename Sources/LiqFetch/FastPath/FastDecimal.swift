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
    /// are held back and only counted once a non-zero digit follows them.
    ///
    /// One pass through the raw bytes, no per-digit bounds checks: it runs for every number of every archive row.
    private static func exactShortDecimal(_ text: UnsafeBufferPointer<UInt8>) -> Double? {
        guard let bytes = text.baseAddress, text.count > 0 else { return nil }
        let count = text.count
        let isNegative = bytes[0] == UInt8(ascii: "-")
        var position = isNegative ? 1 : 0
        var mantissa: UInt64 = 0
        var significantDigits = 0
        let integerStart = position
        while position < count {
            let digit = bytes[position] &- UInt8(ascii: "0")
            guard digit < 10 else { break }
            if mantissa != 0 || digit != 0 { significantDigits += 1 }
            mantissa = mantissa &* 10 &+ UInt64(digit)
            position += 1
        }
        guard position > integerStart, significantDigits <= 19 else { return nil }
        var scale = 0
        if position < count {
            guard bytes[position] == UInt8(ascii: ".") else { return nil }
            position += 1
            let fractionStart = position
            var heldZeros = 0
            while position < count {
                let digit = bytes[position] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                position += 1
                if digit == 0 {
                    heldZeros += 1
                    continue
                }
                for _ in 0..<heldZeros {
                    if mantissa != 0 { significantDigits += 1 }
                    mantissa = mantissa &* 10
                }
                significantDigits += 1
                guard significantDigits <= 19 else { return nil }
                mantissa = mantissa &* 10 &+ UInt64(digit)
                scale += heldZeros + 1
                heldZeros = 0
            }
            guard position > fractionStart else { return nil }
        }
        guard scale < powersOfTen.count, mantissa <= 1 << 53 else { return nil }
        let magnitude = Double(mantissa) / powersOfTen[scale]
        return isNegative ? -magnitude : magnitude
    }
}
