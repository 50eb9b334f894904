import LiqCore
import LiqFetch
import Testing

/// OKX public WebSocket pushes (`{"arg":…,"data":[…]}`) of several channels on one connection, our own values.
@Suite struct OKXStreamDecoderTests {
    static let origin = "captures/okx-public.ndjson:3"

    static func decode(_ text: String, feeds: Set<Feed> = Set(Feed.allCases)) throws -> [VenueRecord] {
        var decoder = OKXStreamDecoder(symbols: ["BTC-USDT-SWAP"], feeds: feeds)
        return try decoder.decode(try Payload.node(text, origin: origin))
    }

    static func markPush(_ instID: String = "BTC-USDT-SWAP") -> String {
        """
        {"arg":{"channel":"mark-price","instId":"\(instID)"},"data":[{"instId":"\(instID)",\
        "instType":"SWAP","markPx":"110321.5","ts":"1760133599500"}]}
        """
    }

    @Test func channelsDecodeIntoTheirFeeds() throws {
        #expect(
            try Self.decode(Self.markPush()) == [
                .markPrice(
                    VenueMarkPrice(
                        venue: .okx, symbol: "BTC-USDT-SWAP", timestampMs: 1_760_133_599_500, markPrice: 110_321.5,
                        indexPrice: nil))
            ])
        let funding = try Self.decode(
            #"{"arg":{"channel":"funding-rate","instId":"BTC-USDT-SWAP"},"data":[{"fundingRate":"0.0001","#
                + #""fundingTime":"1760140800000","instId":"BTC-USDT-SWAP","instType":"SWAP","#
                + #""nextFundingTime":"1760169600000","ts":"1760133599000"}]}"#)
        // 1,760,169,600,000 − 1,760,140,800,000 = 28,800,000 ms = 8 h.
        #expect(
            funding == [
                .funding(
                    VenueFunding(
                        venue: .okx, symbol: "BTC-USDT-SWAP", timestampMs: 1_760_133_599_000, rate: 0.0001,
                        intervalHours: 8, kind: .predicted))
            ])
        let openInterest = try Self.decode(
            #"{"arg":{"channel":"open-interest","instId":"BTC-USDT-SWAP"},"data":[{"instId":"BTC-USDT-SWAP","#
                + #""instType":"SWAP","oi":"2745102.35","oiCcy":"27451.0235","ts":"1760133598800"}]}"#)
        #expect(openInterest.map(\.feed) == [.openInterest])
    }

    @Test func unselectedFeedsAndInstrumentsAreDropped() throws {
        #expect(try Self.decode(Self.markPush(), feeds: [.liquidations]).isEmpty)
        #expect(try Self.decode(Self.markPush("ETH-USDT-SWAP")).isEmpty)
    }

    @Test func channelWeDoNotDecodeIsAnError() throws {
        let error = #expect(throws: JSONError.self) {
            try Self.decode(
                #"{"arg":{"channel":"index-tickers","instId":"BTC-USDT"},"data":[{"instId":"BTC-USDT","idxPx":"1"}]}"#)
        }
        #expect(
            error?.description
                == Self.origin
                + #": arg.channel: expected "liquidation-orders", "mark-price", "funding-rate" or "open-interest", "#
                + #"found string "index-tickers""#)
    }
}
