import LiqCore
import Testing

@Suite struct TimestampTests {
    // Expected values computed with Python's datetime (UTC).
    @Test(arguments: [
        ("1584059031421", Int64(1_584_059_031_421)),  // milliseconds
        ("1584059031", 1_584_059_031_000),  // seconds
        ("1584059031421000", 1_584_059_031_421),  // microseconds
        ("1584059031.421", 1_584_059_031_421),  // fractional seconds
        ("2020-03-13T00:23:51.421Z", 1_584_059_031_421),
        ("2020-03-13 00:23:51.421", 1_584_059_031_421),
        ("1999-12-31T23:59:59Z", 946_684_799_000),
        ("2024-02-29T00:00:00+00:00", 1_709_164_800_000),
    ])
    func parsesEveryVenueForm(text: String, expected: Int64) {
        #expect(Timestamp.parseMilliseconds(text) == expected)
    }

    @Test(arguments: ["", "abc", "-5", "2020-13-01T00:00:00Z", "2020-03-13T00:23:51+02:00", "2020-03-13T00:23"])
    func rejectsBadTimestamps(text: String) {
        #expect(Timestamp.parseMilliseconds(text) == nil)
    }

    @Test func utcDateRoundTripsAcrossLeapDays() {
        #expect(UTCDate(timestampMs: 1_709_164_800_000) == UTCDate(year: 2024, month: 2, day: 29))
        #expect(UTCDate(year: 2024, month: 2, day: 29).startMs == 1_709_164_800_000)
        #expect(UTCDate(timestampMs: 1_584_059_031_421).description == "2020-03-13")
        #expect(UTCDate(timestampMs: -1).description == "1969-12-31")
        var days = Set<Int64>()
        for day in stride(from: Int64(0), to: 40_000, by: 1) {
            let date = UTCDate(timestampMs: day * 86_400_000 + 43_200_000)
            #expect(date.startMs == day * 86_400_000)
            days.insert(date.startMs)
        }
        #expect(days.count == 40_000)
    }
}
