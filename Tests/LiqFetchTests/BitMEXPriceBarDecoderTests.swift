import LiqCore
import LiqFetch
import Testing

/// `/api/v1/trade/bucketed` rows in BitMEX's shape, with our own values.
@Suite struct BitMEXPriceBarDecoderTests {
    static let origin =
        "https://www.bitmex.com/api/v1/trade/bucketed?binSize=1m&symbol=XBTUSD&reverse=true&count=500&start=0"

    static func bucket(_ closeTime: String, open: String = "60000", volume: String = "1250300") -> String {
        """
        {"timestamp":"\(closeTime)","symbol":"XBTUSD","open":\(open),"high":60110.5,"low":59890,"close":60050,\
        "trades":412,"volume":\(volume),"vwap":60012.3,"lastSize":100,"turnover":2083412211,\
        "homeNotional":20.83412211,"foreignNotional":1250300}
        """
    }

    static func decode(_ rows: [String], intervalMs: Int64 = 60_000) throws -> [VenuePriceBar] {
        try BitMEXPriceBarDecoder.decode(
            try Payload.node("[" + rows.joined(separator: ",") + "]", origin: origin), intervalMs: intervalMs)
    }

    @Test func bucketStampedWithItsCloseTimeStartsOneIntervalEarlier() throws {
        // Closes at 20:01:00.000Z = 1,760,126,460,000 → starts at 20:00:00.000Z = 1,760,126,400,000.
        #expect(
            try Self.decode([Self.bucket("2025-10-10T20:01:00.000Z")]) == [
                VenuePriceBar(
                    venue: .bitmex, symbol: "XBTUSD", bucketStartMs: 1_760_126_400_000, intervalMs: 60_000,
                    open: 60000, high: 60110.5, low: 59890, close: 60050, volume: 1_250_300, volumeUnit: .contracts,
                    takerBuyVolume: nil)
            ])
    }

    @Test func hourBucketStartsAnHourEarlier() throws {
        let bars = try Self.decode([Self.bucket("2025-10-10T21:00:00.000Z")], intervalMs: 3_600_000)
        #expect(bars.map(\.bucketStartMs) == [1_760_126_400_000])
    }

    @Test func bucketWithoutAPriceYieldsNothing() throws {
        let bars = try Self.decode([
            Self.bucket("2025-10-10T20:02:00.000Z", open: "null", volume: "0"), Self.bucket("2025-10-10T20:01:00.000Z"),
        ])
        #expect(bars.map(\.bucketStartMs) == [1_760_126_400_000])
    }

    @Test func closeTimeOffTheBinBoundaryIsAnError() throws {
        let error = #expect(throws: JSONError.self) { try Self.decode([Self.bucket("2025-10-10T20:01:30.000Z")]) }
        #expect(
            error?.description
                == Self.origin
                + #": [0].timestamp: expected a bucket close time on a 60000 ms boundary, found string "2025-10-10T20:01:30.000Z""#
        )
    }
}
