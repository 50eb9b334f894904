import LiqEmit
import Testing

@Suite struct NumberFormatTests {
    @Test(arguments: [
        (0.00001, "0.00001"), (1e16, "10000000000000000"), (-1.5e-7, "-0.00000015"), (100.0, "100"),
        (4706.04, "4706.04"), (-0.0, "0"), (0.0, "0"), (1.25e21, "1250000000000000000000"),
        (123.456e-10, "0.0000000123456"),
    ])
    func writesPlainDecimalsWithoutExponents(value: Double, expected: String) {
        #expect(NumberFormat.plain(value) == expected)
    }

    @Test func computedValuesLoseFloatingPointNoise() {
        // 0.014 × 4706.04 = 65.88456 exactly in decimal; the double product prints as 65.88456000000001.
        #expect((0.014 * 4706.04).description == "65.88456000000001")
        #expect(NumberFormat.computed(0.014 * 4706.04) == "65.88456")
        #expect(NumberFormat.computed(0.1 + 0.2) == "0.3")
    }

    @Test func roundsHalfAwayFromZero() {
        // 0.125 is exact in binary: 12.5 → 13 and −12.5 → −13 hundredths.
        #expect(NumberFormat.plain(0.125, fractionDigits: 2) == "0.13")
        #expect(NumberFormat.plain(-0.125, fractionDigits: 2) == "-0.13")
        #expect(NumberFormat.plain(3598172.6615, fractionDigits: 2) == "3598172.66")
    }

    @Test func hugeValuesAreNotDistortedByRounding() {
        // Beyond 2^53 / 10^8 the scaled value has no fraction to round; the value is printed as is.
        #expect(NumberFormat.computed(1.0e15) == "1000000000000000")
        #expect(NumberFormat.computed(123_456_789_012.345) == "123456789012.345")
    }
}
