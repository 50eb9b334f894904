import LiqCore
import Testing

@testable import LiqEmit

/// `NumberFormat.appendShort` writes digits itself instead of calling `description`; its text must be the
/// `description`-based text (`RecordEncodingIdentityTests.Legacy`) for every value, and it must actually be taken
/// for the venue-shaped values it exists for.
@Suite struct NumberFormatShortPathTests {
    private static let legacy = RecordEncodingIdentityTests.Legacy.self

    /// m / 10ᵈ for m of 1 to 17 digits and d of 0 to 24, both signs, plain and rounded to 0–10 decimals: both sides
    /// of the 10¹⁵ mantissa limit and of the 10²² scale limit, integers past 2⁵³, tiny fractions.
    @Test func decimalsOfEveryLengthMatchTheDescriptionPath() {
        var random = SplitMix64(seed: 0x5348_4F52)
        for _ in 0..<200_000 {
            let digits = Int.random(in: 1...17, using: &random)
            var mantissa: UInt64 = 0
            for _ in 0..<digits { mantissa = mantissa * 10 + UInt64.random(in: 0...9, using: &random) }
            let scale = RecordEncodingIdentityTests.Values.pow10(Int.random(in: 0...24, using: &random))
            let sign: Double = Bool.random(using: &random) ? -1 : 1
            let value = sign * Double(mantissa) / scale
            let fractionDigits = Int.random(in: 0...10, using: &random)
            #expect(NumberFormat.plain(value) == Self.legacy.plain(value), "\(value.bitPattern)")
            #expect(NumberFormat.computed(value) == Self.legacy.computed(value), "\(value.bitPattern)")
            #expect(
                NumberFormat.plain(value, fractionDigits: fractionDigits)
                    == Self.legacy.plain(value, fractionDigits: fractionDigits),
                "\(value.bitPattern) \(fractionDigits)")
        }
    }

    /// Computed values: sums and products of venue-shaped decimals (noise like 0.30000000000000004), at
    /// `computedFractionDigits` and unrounded.
    @Test func computedValuesMatchTheDescriptionPath() {
        var random = SplitMix64(seed: 0x434F_4D50)
        func venueDecimal() -> Double {
            Double(Int.random(in: 1...9_999_999, using: &random))
                / RecordEncodingIdentityTests.Values.pow10(Int.random(in: 0...8, using: &random))
        }
        for _ in 0..<100_000 {
            let (a, b) = (venueDecimal(), venueDecimal())
            for value in [a + b, a * b, a / b, a - b] {
                #expect(NumberFormat.plain(value) == Self.legacy.plain(value), "\(value.bitPattern)")
                #expect(NumberFormat.computed(value) == Self.legacy.computed(value), "\(value.bitPattern)")
            }
        }
    }

    @Test func boundariesMatchTheDescriptionPath() {
        let values: [Double] = [
            0.1 + 0.2, 1e15, 1e15.nextDown, 1e15.nextUp, 999_999_999_999_999, 99_999_999_999_999.9, 1e-22, 1e-23,
            1e-22.nextUp, .leastNonzeroMagnitude, .leastNormalMagnitude, .greatestFiniteMagnitude,
            9_007_199_254_740_992.nextUp,
            0.5, 1, 9.999999999999999, 123_456_789_012.345, 4706.04, 60_000.1, 0.014,
        ]
        for value in values + values.map(-) {
            #expect(NumberFormat.plain(value) == Self.legacy.plain(value), "\(value)")
            #expect(NumberFormat.computed(value) == Self.legacy.computed(value), "\(value)")
        }
    }

    /// Venue prices and sizes and rounded computed values take the short path; noise and huge values do not.
    @Test(arguments: [
        (60_000.1, true), (0.014, true), (-0.00000015, true), (65.88456, true), (999_999_999_999_999, true),
        (0.1 + 0.2, false), (1e15, false), (1e-23, false),
    ])
    func takesTheShortPathForVenueShapedValues(value: Double, taken: Bool) {
        var bytes: [UInt8] = []
        #expect(NumberFormat.appendShort(value, to: &bytes) == taken)
        #expect(bytes.isEmpty != taken)
    }
}
