import LiqCore
import Testing

@Suite struct DecimalTextTests {
    @Test(arguments: [
        ("0.014", 0.014), ("-0.03750000", -0.0375), ("4793.91", 4793.91), ("1e-5", 0.00001), ("2E+3", 2000),
        ("13.428571428571429", 13.428571428571429), ("0", 0), ("100", 100),
    ])
    func parsesDecimalText(text: String, expected: Double) {
        #expect(DecimalText.parse(text) == expected)
    }

    @Test(arguments: [
        "", "-", ".", "nan", "NaN", "inf", "-infinity", "0x1p3", "+1", "1.2.3", "1e", "1e+", " 1", "1 ", "1,5",
    ])
    func rejectsWhatIsNotADecimal(text: String) {
        #expect(DecimalText.parse(text) == nil)
    }

    @Test func seventeenDigitNumbersRoundTripExactly() {
        // JSONSerialization on Linux turns this into 13.428571428571427 (reference/swift-systems.md §E.1).
        #expect(DecimalText.parse("13.428571428571429")?.description == "13.428571428571429")
    }
}
