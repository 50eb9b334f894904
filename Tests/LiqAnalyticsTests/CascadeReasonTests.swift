import Testing

@testable import LiqAnalytics

@Suite struct CascadeReasonTests {
    @Test(arguments: [
        (0.123_456, "0.1235"), (-512.345_65, "-512.3457"), (4, "4"), (1e13, "10000000000000"),
        // A retrace ratio against a funding deviation of 1e-17 once reached ~1e16 and trapped the Int64
        // conversion; such values (and non-finite ones) print in Swift's shortest form instead.
        (1.4e16, "1.4e+16"), (-Double.infinity, "-inf"), (Double.nan, "nan"),
    ])
    func valuesPrintWithFourDecimalsOrShortestForm(value: Double, text: String) {
        #expect(CascadeReason(rule: "r", value: value, threshold: 1, held: false).text == "r=\(text) vs 1 failed")
    }
}
