import LiqCore
import LiqFetch
import Testing

/// Bybit public WebSocket messages (`allLiquidation`, `tickers`, operation answers) in the venue's shape, with our
/// own values.
@Suite struct BybitStreamDecoderTests {
    static let origin = "captures/stream-linear.ndjson:7"

    static func node(_ text: String) throws -> JSONNode { try Payload.node(text, origin: origin) }

    static func decoder(
        _ symbols: Set<String> = ["BTCUSDT", "BTCUSD"], feeds: Set<Feed> = [.markPrice, .funding, .openInterest]
    ) -> BybitStreamDecoder {
        BybitStreamDecoder(symbols: symbols, tickerFeeds: feeds)
    }

    // MARK: Liquidations

    @Test func positionSideBankruptcyPriceAndContracts() throws {
        let events = try BybitLiquidationDecoder.decode(
            try Self.node(
                """
                {"topic":"allLiquidation.BTCUSDT","type":"snapshot","ts":1760130000500,"data":[\
                {"T":1760130000101,"s":"BTCUSDT","S":"Buy","v":"0.250","p":"110500.5"},\
                {"T":1760130000377,"s":"BTCUSDT","S":"Sell","v":"1.5","p":"111020"}]}
                """))
        // S is the liquidated POSITION: Buy = a long was liquidated (Binance would say SELL for the same event).
        #expect(
            events == [
                VenueLiquidation(
                    venue: .bybit, symbol: "BTCUSDT", timestampMs: 1_760_130_000_101, side: .long, price: 110_500.5,
                    priceKind: .bankruptcy, quantity: 0.25, quantityUnit: .contracts, completeness: .complete),
                VenueLiquidation(
                    venue: .bybit, symbol: "BTCUSDT", timestampMs: 1_760_130_000_377, side: .short, price: 111_020,
                    priceKind: .bankruptcy, quantity: 1.5, quantityUnit: .contracts, completeness: .complete),
            ])
    }

    @Test func singleObjectDataIsAccepted() throws {
        let events = try BybitLiquidationDecoder.decode(
            try Self.node(
                #"{"topic":"allLiquidation.BTCUSD","type":"snapshot","ts":1760130000500,"#
                    + #""data":{"T":1760130000101,"s":"BTCUSD","S":"Buy","v":"12000","p":"60000"}}"#))
        #expect(events.map(\.quantity) == [12_000])
        #expect(events.map(\.side) == [.long])
    }

    @Test func unknownSideIsAnErrorNamingThePath() throws {
        let error = #expect(throws: JSONError.self) {
            try BybitLiquidationDecoder.decode(
                try Self.node(
                    #"{"topic":"allLiquidation.BTCUSDT","type":"snapshot","ts":1,"data":[{"T":1,"s":"BTCUSDT","#
                        + #""S":"Buy","v":"1","p":"2"},{"T":1,"s":"BTCUSDT","S":"None","v":"1","p":"2"}]}"#))
        }
        #expect(error?.description == Self.origin + #": data[1].S: expected "Buy" or "Sell", found string "None""#)
    }

    @Test func liquidationsAreFilteredToTheSelection() throws {
        var decoder = Self.decoder(["BTCUSDT"])
        let records = try decoder.decode(
            try Self.node(
                """
                {"topic":"allLiquidation.ETHUSDT","type":"snapshot","ts":1760130000500,"data":[\
                {"T":1760130000101,"s":"ETHUSDT","S":"Buy","v":"3","p":"3900"}]}
                """))
        #expect(records.isEmpty)
    }

    // MARK: Tickers

    static let snapshot = """
        {"topic":"tickers.BTCUSDT","type":"snapshot","data":{"symbol":"BTCUSDT","tickDirection":"PlusTick",\
        "lastPrice":"110010.0","markPrice":"110000.50","indexPrice":"110020.00","openInterest":"104000.000",\
        "openInterestValue":"11440052000.00","singleOpenInterest":"52000.000","fundingRate":"0.0001",\
        "nextFundingTime":"1760140800000","fundingIntervalHour":"8","bid1Price":"110009.9","bid1Size":"2.1"},\
        "cs":24987956059,"ts":1760130000100}
        """

    @Test func snapshotEmitsMarkFundingAndOneSidedOpenInterest() throws {
        var decoder = Self.decoder()
        #expect(
            try decoder.decode(try Self.node(Self.snapshot)) == [
                .markPrice(
                    VenueMarkPrice(
                        venue: .bybit, symbol: "BTCUSDT", timestampMs: 1_760_130_000_100, markPrice: 110_000.5,
                        indexPrice: 110_020)),
                .funding(
                    VenueFunding(
                        venue: .bybit, symbol: "BTCUSDT", timestampMs: 1_760_130_000_100, rate: 0.0001,
                        intervalHours: 8, kind: .predicted)),
                .openInterest(
                    VenueOpenInterest(
                        venue: .bybit, symbol: "BTCUSDT", timestampMs: 1_760_130_000_100, quantity: 52_000,
                        quantityUnit: .contracts, valueUSD: nil)),
            ])
    }

    @Test func deltasMergeIntoTheCachedStateAndEmitOnlyWhatChanged() throws {
        var decoder = Self.decoder()
        _ = try decoder.decode(try Self.node(Self.snapshot))
        // Only the mark moved: a mark record carrying the cached index price, nothing else.
        let markOnly = try decoder.decode(
            try Self.node(
                #"{"topic":"tickers.BTCUSDT","type":"delta","data":{"symbol":"BTCUSDT","markPrice":"109950.10"},"#
                    + #""cs":24987956060,"ts":1760130000200}"#))
        #expect(
            markOnly == [
                .markPrice(
                    VenueMarkPrice(
                        venue: .bybit, symbol: "BTCUSDT", timestampMs: 1_760_130_000_200, markPrice: 109_950.1,
                        indexPrice: 110_020))
            ])
        // Only the best bid moved: nothing to emit.
        let bidOnly = try decoder.decode(
            try Self.node(
                #"{"topic":"tickers.BTCUSDT","type":"delta","data":{"symbol":"BTCUSDT","bid1Price":"109949.0"},"#
                    + #""cs":24987956061,"ts":1760130000300}"#))
        #expect(bidOnly.isEmpty)
        // Open interest and the funding rate moved: the rate keeps the cached 8 h interval.
        let moved = try decoder.decode(
            try Self.node(
                """
                {"topic":"tickers.BTCUSDT","type":"delta","data":{"symbol":"BTCUSDT","openInterest":"103000.000",\
                "singleOpenInterest":"51500.000","fundingRate":"-0.00005"},"cs":24987956062,"ts":1760130000400}
                """))
        #expect(
            moved == [
                .funding(
                    VenueFunding(
                        venue: .bybit, symbol: "BTCUSDT", timestampMs: 1_760_130_000_400, rate: -0.00005,
                        intervalHours: 8, kind: .predicted)),
                .openInterest(
                    VenueOpenInterest(
                        venue: .bybit, symbol: "BTCUSDT", timestampMs: 1_760_130_000_400, quantity: 51_500,
                        quantityUnit: .contracts, valueUSD: nil)),
            ])
        // An index-only move re-emits the mark from the cache with the new index.
        let indexOnly = try decoder.decode(
            try Self.node(
                #"{"topic":"tickers.BTCUSDT","type":"delta","data":{"indexPrice":"109990.00"},"#
                    + #""cs":24987956063,"ts":1760130000500}"#))
        #expect(
            indexOnly == [
                .markPrice(
                    VenueMarkPrice(
                        venue: .bybit, symbol: "BTCUSDT", timestampMs: 1_760_130_000_500, markPrice: 109_950.1,
                        indexPrice: 109_990))
            ])
    }

    @Test func aNewSnapshotReplacesTheCachedState() throws {
        var decoder = Self.decoder()
        _ = try decoder.decode(try Self.node(Self.snapshot))
        let records = try decoder.decode(
            try Self.node(
                #"{"topic":"tickers.BTCUSDT","type":"snapshot","data":{"symbol":"BTCUSDT","markPrice":"1"},"#
                    + #""cs":1,"ts":1760130001000}"#))
        // The old index price is gone with the old state.
        #expect(
            records == [
                .markPrice(
                    VenueMarkPrice(
                        venue: .bybit, symbol: "BTCUSDT", timestampMs: 1_760_130_001_000, markPrice: 1,
                        indexPrice: nil))
            ])
    }

    @Test func deltaBeforeAnySnapshotEmitsOnlyWhatItCarries() throws {
        var decoder = Self.decoder()
        let records = try decoder.decode(
            try Self.node(
                #"{"topic":"tickers.BTCUSD","type":"delta","data":{"symbol":"BTCUSD","openInterest":"500000000"},"#
                    + #""cs":1,"ts":1760130000000}"#))
        // Inverse: 500,000,000 USD on both sides → 250,000,000 USD one side.
        #expect(
            records == [
                .openInterest(
                    VenueOpenInterest(
                        venue: .bybit, symbol: "BTCUSD", timestampMs: 1_760_130_000_000, quantity: 250_000_000,
                        quantityUnit: .contracts, valueUSD: nil))
            ])
    }

    @Test func emptyFundingRateClearsTheCachedRate() throws {
        var decoder = Self.decoder()
        _ = try decoder.decode(try Self.node(Self.snapshot))
        let records = try decoder.decode(
            try Self.node(
                #"{"topic":"tickers.BTCUSDT","type":"delta","data":{"fundingRate":""},"cs":1,"ts":1760130000600}"#))
        #expect(records.isEmpty)
    }

    @Test func tickerRecordsAreLimitedToTheSelectedFeeds() throws {
        var decoder = Self.decoder(feeds: [.funding])
        #expect(try decoder.decode(try Self.node(Self.snapshot)).map(\.feed) == [.funding])
        var nothing = Self.decoder(feeds: [])
        #expect(try nothing.decode(try Self.node(Self.snapshot)).isEmpty)
    }

    @Test func tickersOfOtherSymbolsAreIgnored() throws {
        var decoder = Self.decoder(["ETHUSDT"])
        #expect(try decoder.decode(try Self.node(Self.snapshot)).isEmpty)
    }

    @Test func badTickerFieldIsAnErrorNamingThePath() throws {
        var decoder = Self.decoder()
        let error = #expect(throws: JSONError.self) {
            try decoder.decode(
                try Self.node(
                    #"{"topic":"tickers.BTCUSDT","type":"delta","data":{"markPrice":"n/a"},"cs":1,"ts":1}"#))
        }
        #expect(
            error?.description
                == Self.origin + #": data.markPrice: expected a decimal number or decimal string, found string "n/a""#)
    }

    @Test func unknownTickerTypeIsAnError() throws {
        var decoder = Self.decoder()
        let error = #expect(throws: JSONError.self) {
            try decoder.decode(
                try Self.node(#"{"topic":"tickers.BTCUSDT","type":"partial","data":{},"cs":1,"ts":1}"#))
        }
        #expect(error?.description == Self.origin + #": type: expected "snapshot" or "delta", found string "partial""#)
    }

    // MARK: Control messages

    @Test(arguments: [
        #"{"success":true,"ret_msg":"","conn_id":"c1","req_id":"liqpipe-1","op":"subscribe"}"#,
        #"{"success":true,"ret_msg":"pong","conn_id":"c1","req_id":"","op":"ping"}"#,
        #"{"op":"pong","args":["1760130000000"],"conn_id":"c1"}"#,
    ])
    func operationAnswersYieldNothing(message: String) throws {
        var decoder = Self.decoder()
        #expect(try decoder.decode(try Self.node(message)).isEmpty)
    }

    @Test func refusedSubscriptionIsAVenueAPIError() throws {
        var decoder = Self.decoder()
        let error = #expect(throws: VenueAPIError.self) {
            try decoder.decode(
                try Self.node(
                    #"{"success":false,"ret_msg":"error:handler not found,topic:allLiquidation.X","conn_id":"c1","#
                        + #""op":"subscribe"}"#))
        }
        #expect(
            error
                == VenueAPIError(
                    venue: .bybit, origin: Self.origin, code: "subscribe",
                    message: "error:handler not found,topic:allLiquidation.X"))
    }

    @Test func unknownTopicIsAnError() throws {
        var decoder = Self.decoder()
        let error = #expect(throws: JSONError.self) {
            try decoder.decode(try Self.node(#"{"topic":"orderbook.50.BTCUSDT","type":"snapshot","ts":1,"data":{}}"#))
        }
        #expect(
            error?.description
                == Self.origin + ": topic: expected an allLiquidation.{symbol} or tickers.{symbol} topic, "
                + #"found string "orderbook.50.BTCUSDT""#)
    }
}
