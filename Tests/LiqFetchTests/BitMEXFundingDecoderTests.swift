import LiqCore
import LiqFetch
import Testing

/// Funding from instrument rows and `/api/v1/funding` in BitMEX's shape, with our own values.
@Suite struct BitMEXFundingDecoderTests {
    static let origin = BitMEXPayloads.activeOrigin

    static func row(_ symbol: String, _ overrides: [String: String?] = [:]) throws -> JSONNode {
        try BitMEXPayloads.node(symbol, overrides)
    }

    /// A timespan written as a date after 2000-01-01T00:00:00Z.
    @Test(arguments: [
        ("2000-01-01T08:00:00.000Z", 8.0), ("2000-01-01T01:00:00.000Z", 1.0), ("2000-01-01T04:00:00.000Z", 4.0),
        ("2000-01-02T00:00:00.000Z", 24.0),
    ])
    func fundingIntervalIsATimespanAfter2000(text: String, hours: Double) throws {
        let node = try Payload.node("\"\(text)\"", origin: "interval")
        #expect(try BitMEXFundingDecoder.intervalHours(node) == hours)
    }

    @Test func fundingIntervalAtOrBefore2000IsAnError() throws {
        let error = #expect(throws: JSONError.self) {
            try BitMEXFundingDecoder.intervalHours(try Payload.node(#""2000-01-01T00:00:00.000Z""#, origin: "interval"))
        }
        #expect(
            error?.description
                == #"interval: $: expected a timespan after 2000-01-01T00:00:00Z, found string "2000-01-01T00:00:00.000Z""#
        )
    }

    @Test func predictedFundingIsTheNextPaymentNotTheIndicativeOne() throws {
        // fundingRate 0.0001 is paid at fundingTimestamp; indicativeFundingRate −0.0003 is the payment after.
        #expect(
            try BitMEXFundingDecoder.decodePredicted(try Self.row("XBTUSD"))
                == VenueFunding(
                    venue: .bitmex, symbol: "XBTUSD", timestampMs: 1_760_133_599_000, rate: 0.0001, intervalHours: 8,
                    kind: .predicted))
    }

    @Test func datedFutureHasNoFunding() throws {
        #expect(try BitMEXFundingDecoder.decodePredicted(try Self.row("XBTZ25")) == nil)
    }

    @Test func settledHistoryCarriesEachRowsInterval() throws {
        let document = try Payload.node(
            """
            [{"timestamp":"2025-10-10T20:00:00.000Z","symbol":"XBTUSD","fundingInterval":"2000-01-01T08:00:00.000Z",\
            "fundingRate":0.0001,"fundingRateDaily":0.0003},\
            {"timestamp":"2025-10-10T12:00:00.000Z","symbol":"XBTUSD","fundingInterval":"2000-01-01T04:00:00.000Z",\
            "fundingRate":-0.000125,"fundingRateDaily":-0.00075}]
            """, origin: "https://www.bitmex.com/api/v1/funding?symbol=XBTUSD&reverse=true&count=500&start=0")
        #expect(
            try BitMEXFundingDecoder.decodeSettled(document) == [
                VenueFunding(
                    venue: .bitmex, symbol: "XBTUSD", timestampMs: 1_760_126_400_000, rate: 0.0001, intervalHours: 8,
                    kind: .settled),
                VenueFunding(
                    venue: .bitmex, symbol: "XBTUSD", timestampMs: 1_760_097_600_000, rate: -0.000125,
                    intervalHours: 4, kind: .settled),
            ])
    }
}
