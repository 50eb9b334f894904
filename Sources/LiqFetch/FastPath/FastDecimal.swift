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
    /// only add nothing to the mantissa, exactly as they add nothing to the decimal's value.
    private static func exactShortDecimal(_ text: UnsafeBufferPointer<UInt8>) -> Double? {
        let count = text.count
        func digit(at position: Int) -> UInt8? {
            guard position < count else { return nil }
            let value = text[position] &- UInt8(ascii: "0")
            return value < 10 ? value : nil
        }
        var position = 0
        let isNegative = count > 0 && text[0] == UInt8(ascii: "-")
        if isNegative { position = 1 }
        let integerStart = position
        while digit(at: position) != nil { position += 1 }
        let integerEnd = position
        guard integerEnd > integerStart else { return nil }
        var fractionEnd = position
        if position < count, text[position] == UInt8(ascii: ".") {
            position += 1
            let fractionStart = position
            while digit(at: position) != nil { position += 1 }
            guard position > fractionStart else { return nil }
            fractionEnd = position
            while fractionEnd > fractionStart, text[fractionEnd - 1] == UInt8(ascii: "0") { fractionEnd -= 1 }
        }
        guard position == count else { return nil }
        let scale = fractionEnd > integerEnd ? fractionEnd - integerEnd - 1 : 0
        guard scale < powersOfTen.count else { return nil }
        var mantissa: UInt64 = 0
        var significantDigits = 0
        for index in integerStart..<fractionEnd where index != integerEnd {
            guard let value = digit(at: index) else { return nil }
            if mantissa == 0 && value == 0 { continue }
            significantDigits += 1
            guard significantDigits <= 19 else { return nil }
            mantissa = mantissa * 10 + UInt64(value)
        }
        guard mantissa <= 1 << 53 else { return nil }
        let magnitude = Double(mantissa) / powersOfTen[scale]
        return isNegative ? -magnitude : magnitude
    }
}
