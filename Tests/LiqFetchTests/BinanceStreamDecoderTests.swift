import LiqCore
import LiqFetch
import Testing

/// Messages as Binance's futures streams push them: `!markPrice@arr@1s` (an array of `markPriceUpdate` every
/// second, wrapped on `/stream`, bare on `/ws`), `!forceOrder@arr`, COIN-M `indexPriceUpdate`; our own values.
@Suite struct BinanceStreamDecoderTests {
    static let origin = "captures/fstream-market.ndjson:7"
    static let allFeeds = Set(Feed.allCases)

    static func decoder(_ symbols: Set<String>, feeds: Set<Feed> = allFeeds, venue: Venue = .binanceUSDM)
        -> BinanceStreamDecoder
    {
        BinanceStreamDecoder(venue: venue, symbols: symbols, feeds: feeds)
    }

    /// One second of `!markPrice@arr@1s`: a perpetual, an unselected perpetual and a quarterly.
    static let markArray = """
        [{"e":"markPriceUpdate","E":1760130000000,"s":"BTCUSDT","p":"110321.50000000","P":"110350.1",\
        "i":"110355.12340000","r":"-0.00012431","T":1760140800000},\
        {"e":"markPriceUpdate","E":1760130000000,"s":"SOLUSDT","p":"201.10","P":"201","i":"201.2","r":"0.0001",\
        "T":1760140800000},\
        {"e":"markPriceUpdate","E":1760130000000,"s":"BTCUSDT_251226","p":"111000.10000000","P":"110350.1",\
        "i":"110355.12340000","r":"","T":0}]
        """

    static let expectedMarks: [VenueRecord] = [
        .markPrice(
            VenueMarkPrice(
                venue: .binanceUSDM, symbol: "BTCUSDT", timestampMs: 1_760_130_000_000, markPrice: 110_321.5,
                indexPrice: 110_355.1234)),
        .funding(
            VenueFunding(
                venue: .binanceUSDM, symbol: "BTCUSDT", timestampMs: 1_760_130_000_000, rate: -0.00012431,
                intervalHours: nil, kind: .predicted)),
        .markPrice(
            VenueMarkPrice(
                venue: .binanceUSDM, symbol: "BTCUSDT_251226", timestampMs: 1_760_130_000_000, markPrice: 111_000.1,
                indexPrice: 110_355.1234)),
    ]

    @Test(arguments: [false, true])
    func markPriceArrayBareOrWrapped(wrapped: Bool) throws {
        var decoder = Self.decoder(["BTCUSDT", "BTCUSDT_251226"])
        let text = wrapped ? #"{"stream":"!markPrice@arr@1s","data":"# + Self.markArray + "}" : Self.markArray
        // The quarterly gives a mark but no rate; SOLUSDT is not selected.
        #expect(try decoder.decode(try Payload.node(text, origin: Self.origin)) == Self.expectedMarks)
    }

    @Test func recordsOfUnselectedFeedsAreDropped() throws {
        var marksOnly = Self.decoder(["BTCUSDT", "BTCUSDT_251226"], feeds: [.markPrice])
        #expect(
            try marksOnly.decode(try Payload.node(Self.markArray, origin: Self.origin))
                == Self.expectedMarks.filter { $0.feed == .markPrice })
        var liquidationsOnly = Self.decoder(["BTCUSDT", "BTCUSDT_251226"], feeds: [.liquidations])
        #expect(try liquidationsOnly.decode(try Payload.node(Self.markArray, origin: Self.origin)).isEmpty)
    }

    @Test func coinMarginedForceOrderAndIndexPriceInOneConnection() throws {
        var decoder = Self.decoder(["BTCUSD_PERP"], venue: .binanceCOINM)
        let index =
            #"{"stream":"btcusd@indexPrice@1s","data":{"e":"indexPriceUpdate","E":1760130000001,"#
            + #""i":"BTCUSD","p":"110355.1"}}"#
        #expect(try decoder.decode(try Payload.node(index, origin: Self.origin)).isEmpty)
        let order =
            #"{"stream":"!forceOrder@arr","data":{"e":"forceOrder","E":1760130000040,"o":{"s":"BTCUSD_PERP","#
            + #""ps":"BTCUSD","S":"BUY","o":"LIMIT","f":"IOC","q":"12","p":"110520.1","ap":"110401.3","X":"FILLED","#
            + #""l":"12","z":"12","T":1760130000031}}}"#
        #expect(
            try decoder.decode(try Payload.node(order, origin: Self.origin)) == [
                .liquidation(
                    VenueLiquidation(
                        venue: .binanceCOINM, symbol: "BTCUSD_PERP", timestampMs: 1_760_130_000_031, side: .short,
                        price: 110_401.3, priceKind: .fill, quantity: 12, quantityUnit: .contracts,
                        completeness: .sampled))
            ])
    }

    @Test func subscriptionAnswerYieldsNothing() throws {
        var decoder = Self.decoder(["BTCUSDT"])
        #expect(try decoder.decode(try Payload.node(#"{"result":null,"id":1}"#, origin: Self.origin)).isEmpty)
    }

    @Test func unknownEventTypeIsAnError() throws {
        var decoder = Self.decoder(["BTCUSDT"])
        let error = #expect(throws: JSONError.self) {
            try decoder.decode(
                try Payload.node(#"{"stream":"btcusdt@aggTrade","data":{"e":"aggTrade","E":1}}"#, origin: Self.origin))
        }
        #expect(
            error?.description
                == Self.origin
                + #": data.e: expected "forceOrder", "markPriceUpdate" or "indexPriceUpdate", found string "aggTrade""#)
    }

    @Test func objectThatIsNeitherEventNorAnswerIsAnError() throws {
        var decoder = Self.decoder(["BTCUSDT"])
        let error = #expect(throws: JSONError.self) {
            try decoder.decode(try Payload.node(#"{"stream":"x"}"#, origin: Self.origin))
        }
        #expect(
            error?.description
                == Self.origin + #": $: expected a Binance stream event (an "e" member) or a subscription answer, "#
                + "found object")
    }
}
