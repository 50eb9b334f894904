import Testing

@testable import LiqFetch

@Suite struct RetryAfterTests {
    /// 1994-11-06 08:49:37 UTC, the RFC's example instant: 9075 days × 86400 + 31777 s.
    static let rfcExample = 784_111_777.0

    @Test(arguments: [("0", 0.0), ("7", 7), ("120", 120), ("0.25", 0.25)])
    func deltaSeconds(value: String, seconds: Double) {
        #expect(RetryAfter.seconds(value, now: 0) == seconds)
    }

    @Test(arguments: [
        "Sun, 06 Nov 1994 08:49:37 GMT",  // IMF-fixdate
        "Sunday, 06-Nov-94 08:49:37 GMT",  // RFC 850
        "Sun Nov  6 08:49:37 1994",  // asctime
    ])
    func httpDateInEveryFormTheRFCRequires(value: String) {
        #expect(RetryAfter.httpDate(value) == Self.rfcExample)
        #expect(RetryAfter.seconds(value, now: Self.rfcExample - 30) == 30)
    }

    @Test func dateInThePastMeansNoWait() {
        #expect(RetryAfter.seconds("Sun, 06 Nov 1994 08:49:37 GMT", now: Self.rfcExample + 10) == 0)
    }

    @Test func twoDigitYearsBelow70AreThisCentury() {
        #expect(RetryAfter.httpDate("Friday, 10-Oct-25 05:20:40 GMT") == 1_760_073_640)
    }

    @Test(arguments: [
        "", "-5", "1.2.3", "soon", "Sun, 06 Nov 1994 08:49:37 CET", "Sun, 06 Foo 1994 08:49:37 GMT",
        "Sun, 06 Nov 1994 8:49:37 GMT", "Sun, 06 Nov 1994 24:00:00 GMT", "Sun, 32 Nov 1994 08:49:37 GMT",
    ])
    func anythingElseIsUnreadable(value: String) {
        #expect(RetryAfter.seconds(value, now: 0) == nil)
    }
}
