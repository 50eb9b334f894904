import LiqCore
import Testing

@testable import LiqFetch

/// `FastDecimal.parse` is bit-identical to `DecimalText.parse` (the tree decoder's), on hand-picked edge cases
/// and on a large seeded sample of venue-like and hostile decimal texts.
@Suite struct FastDecimalTests {
    static func fastBits(_ text: String) -> UInt64? {
        Array(text.utf8).withUnsafeBufferPointer { FastDecimal.parse($0)?.bitPattern }
    }

    @Test(arguments: [
        "0", "-0", "0.0", "-0.0", "-0.00000000", "0.014", "121384.9", "10755584212.50000000", "-0.03750000",
        "9007199254740992", "9007199254740993", "900719925474099.3", "0.9007199254740993", "1", "1.5", "2.5e-3",
        "1E5", "1e+22", "1e23", "1e-400", "1e400", "4.9e-324", "2.2250738585072014e-308", "1.7976931348623157e308",
        "0.1", "0.30000000000000004", "123456789012345678901234567890", "0.0000000000000000000001",
        "0.00000000000000000000001", "1000000000000000000000", "10000000000000000000000", "007", "-007.5", ".5",
        "5.", "-.5", "-", ".", "", "1.2.3", "--1", "+1", "1e", "1e+", "0x1p3", "nan", "inf", "1,5", " 1", "1 ",
        "١٢", "12345678901234567890", "99999999999999999999.5", "0.000000000000000000000000000001",
    ])
    func matchesDecimalText(_ text: String) {
        #expect(Self.fastBits(text) == DecimalText.parse(text)?.bitPattern)
    }

    /// Random decimals shaped like venue numbers (1–20 integer digits, 0–25 decimals, trailing zeros, signs,
    /// leading zeros, exponents): 50,000 of them, every one bit-identical.
    @Test func seededSampleMatchesDecimalText() {
        var random = SplitMix64(seed: 0x5EED_DEC1)
        func digits(_ count: Int) -> String {
            String((0..<count).map { _ in Character(String(Int.random(in: 0...9, using: &random))) })
        }
        var mismatches: [String] = []
        for _ in 0..<50_000 {
            var text = Bool.random(using: &random) && Int.random(in: 0..<4, using: &random) == 0 ? "-" : ""
            let integerDigits = Int.random(in: 1...20, using: &random)
            text += Int.random(in: 0..<3, using: &random) == 0 ? "0" : digits(integerDigits)
            if Int.random(in: 0..<4, using: &random) != 0 {
                text += "." + digits(Int.random(in: 0...25, using: &random))
                text += String(repeating: "0", count: Int.random(in: 0...6, using: &random))
            }
            if Int.random(in: 0..<10, using: &random) == 0 {
                text +=
                    ["e", "E", "e-", "e+"].randomElement(using: &random)!
                    + String(Int.random(in: 0...330, using: &random))
            }
            if Self.fastBits(text) != DecimalText.parse(text)?.bitPattern { mismatches.append(text) }
        }
        #expect(mismatches.isEmpty)
    }
}
