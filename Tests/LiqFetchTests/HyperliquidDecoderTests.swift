import LiqCore
import LiqFetch
import Testing

/// `metaAndAssetCtxs`, `fundingHistory` and `candleSnapshot` answers in Hyperliquid's shape, with our own values.
@Suite struct HyperliquidDecoderTests {
    static let origin = "https://api.hyperliquid.xyz/info?type=metaAndAssetCtxs"

    static func node(_ text: String) throws -> JSONNode { try Payload.node(text, origin: origin) }

    /// One asset context; every value is a decimal string, as Hyperliquid sends them.
    static func context(funding: String, openInterest: String, oracle: String, mark: String) -> String {
        """
        {"funding":"\(funding)","openInterest":"\(openInterest)","prevDayPx":"1.0","dayNtlVlm":"1.0",\
        "premium":"0.0001","oraclePx":"\(oracle)","markPx":"\(mark)","midPx":"\(mark)",\
        "impactPxs":["\(mark)","\(mark)"],"dayBaseVlm":"1.0"}
        """
    }

    /// Three assets in universe order BTC, ETH, ATOM and their contexts in the same order.
    static let metaAndContexts = """
        [{"universe":[{"szDecimals":5,"name":"BTC","maxLeverage":40},\
        {"szDecimals":4,"name":"ETH","maxLeverage":25},\
        {"szDecimals":2,"name":"ATOM","maxLeverage":5,"isDelisted":true}]},[\
        \(context(funding: "0.0000125", openInterest: "27353.17682", oracle: "77605.0", mark: "77562.0")),\
        \(context(funding: "-0.00003", openInterest: "605822.2558", oracle: "2124.6", mark: "2123.7")),\
        {"funding":"0.0","openInterest":"0.0","prevDayPx":"4.18","dayNtlVlm":"0.0","premium":null,\
        "oraclePx":"4.1822","markPx":"4.1803","midPx":null,"impactPxs":null,"dayBaseVlm":"0.0"}]]
        """

    // MARK: metaAndAssetCtxs

    @Test func universeGivesLinearUSDCPerpetualsOfOneCoin() throws {
        let instruments = try HyperliquidAssetContextDecoder.instruments(try Self.node(Self.metaAndContexts))
        #expect(instruments.map(\.symbol) == ["BTC", "ETH", "ATOM"])
        #expect(
            instruments.first
                == Instrument(
                    venue: .hyperliquid, symbol: "BTC", baseAsset: "BTC", quoteAsset: "USDC", settleAsset: "USDC",
                    kind: .perpetual, margining: .linear, contractSize: ContractSize(value: 1, unit: .base)))
    }

    @Test func contextsAreMatchedToTheUniverseByIndex() throws {
        let contexts = try HyperliquidAssetContextDecoder.contexts(try Self.node(Self.metaAndContexts))
        // universe[1] is ETH, so assetCtxs[1] (mark 2,123.7, OI 605,822.2558 coins) is ETH's.
        #expect(
            contexts == [
                HyperliquidAssetContext(
                    coin: "BTC", markPrice: 77_562, oraclePrice: 77_605, fundingRate: 0.0000125,
                    openInterest: 27_353.17682),
                HyperliquidAssetContext(
                    coin: "ETH", markPrice: 2_123.7, oraclePrice: 2_124.6, fundingRate: -0.00003,
                    openInterest: 605_822.2558),
                HyperliquidAssetContext(
                    coin: "ATOM", markPrice: 4.1803, oraclePrice: 4.1822, fundingRate: 0, openInterest: 0),
            ])
    }

    @Test func contextRecordsAreStampedWithTheGivenTime() {
        let context = HyperliquidAssetContext(
            coin: "ETH", markPrice: 2_123.7, oraclePrice: 2_124.6, fundingRate: -0.00003, openInterest: 605_822.2558)
        #expect(
            context.records(timestampMs: 1_760_133_600_000, feeds: [.markPrice, .funding, .openInterest]) == [
                .markPrice(
                    VenueMarkPrice(
                        venue: .hyperliquid, symbol: "ETH", timestampMs: 1_760_133_600_000, markPrice: 2_123.7,
                        indexPrice: 2_124.6)),
                // The current rate is hourly and paid at the next hour: predicted, 1 h.
                .funding(
                    VenueFunding(
                        venue: .hyperliquid, symbol: "ETH", timestampMs: 1_760_133_600_000, rate: -0.00003,
                        intervalHours: 1, kind: .predicted)),
                // Coin units, as reported (not halved).
                .openInterest(
                    VenueOpenInterest(
                        venue: .hyperliquid, symbol: "ETH", timestampMs: 1_760_133_600_000, quantity: 605_822.2558,
                        quantityUnit: .base, valueUSD: nil)),
            ])
        #expect(context.records(timestampMs: 1, feeds: [.openInterest]).map(\.feed) == [.openInterest])
        let empty = HyperliquidAssetContext(
            coin: "ETH", markPrice: nil, oraclePrice: nil, fundingRate: nil, openInterest: nil)
        #expect(empty.records(timestampMs: 1, feeds: [.markPrice, .funding, .openInterest]).isEmpty)
    }

    @Test func missingContextFieldsAreNilNotZero() throws {
        let contexts = try HyperliquidAssetContextDecoder.contexts(
            try Self.node(#"[{"universe":[{"name":"NEW","szDecimals":0}]},[{"markPx":"0.5","premium":null}]]"#))
        #expect(
            contexts == [
                HyperliquidAssetContext(
                    coin: "NEW", markPrice: 0.5, oraclePrice: nil, fundingRate: nil, openInterest: nil)
            ])
    }

    @Test func moreNamesThanContextsIsAnError() throws {
        let error = #expect(throws: JSONError.self) {
            try HyperliquidAssetContextDecoder.contexts(
                try Self.node(#"[{"universe":[{"name":"BTC"},{"name":"ETH"}]},[{"markPx":"1"}]]"#))
        }
        #expect(
            error?.description
                == Self.origin + ": [1]: expected 2 asset contexts, one per meta.universe entry, found array of 1")
    }

    @Test func badContextValueIsAnErrorNamingThePath() throws {
        let error = #expect(throws: JSONError.self) {
            try HyperliquidAssetContextDecoder.contexts(
                try Self.node(#"[{"universe":[{"name":"BTC"},{"name":"ETH"}]},[{"markPx":"1"},{"funding":true}]]"#))
        }
        #expect(
            error?.description
                == Self.origin + ": [1][1].funding: expected a decimal number or decimal string, found boolean true")
    }

    // MARK: fundingHistory

    @Test func hourlySettlementsWithAndWithoutPremium() throws {
        let samples = try HyperliquidFundingDecoder.decodeSettled(
            try Self.node(
                """
                [{"coin":"BTC","fundingRate":"0.0000125","premium":"0.00029005","time":1769908800000},\
                {"coin":"BTC","fundingRate":"-0.0000081","premium":"-0.00012500","time":1769912400031},\
                {"coin":"BTC","fundingRate":"0.0000033","time":1769916000112}]
                """))
        // Gaps of 3,600,031 and 3,600,081 ms round to 1 h; the first row takes the gap after it.
        #expect(
            samples == [
                VenueFunding(
                    venue: .hyperliquid, symbol: "BTC", timestampMs: 1_769_908_800_000, rate: 0.0000125,
                    intervalHours: 1, kind: .settled),
                VenueFunding(
                    venue: .hyperliquid, symbol: "BTC", timestampMs: 1_769_912_400_031, rate: -0.0000081,
                    intervalHours: 1, kind: .settled),
                VenueFunding(
                    venue: .hyperliquid, symbol: "BTC", timestampMs: 1_769_916_000_112, rate: 0.0000033,
                    intervalHours: 1, kind: .settled),
            ])
    }

    @Test func nullHistoryIsEmpty() throws {
        #expect(try HyperliquidFundingDecoder.decodeSettled(try Self.node("null")).isEmpty)
        #expect(try HyperliquidFundingDecoder.decodeSettled(try Self.node("[]")).isEmpty)
    }

    @Test func fundingRowWithoutTimeIsAnError() throws {
        let error = #expect(throws: JSONError.self) {
            try HyperliquidFundingDecoder.decodeSettled(try Self.node(#"[{"coin":"BTC","fundingRate":"0.0000125"}]"#))
        }
        #expect(error?.description == Self.origin + ": [0].time: expected a value, found nothing")
    }

    // MARK: candleSnapshot

    @Test func candlesAreBarsWithCoinVolume() throws {
        let bars = try HyperliquidCandleDecoder.decode(
            try Self.node(
                """
                [{"t":1760130000000,"T":1760130059999,"s":"BTC","i":"1m","o":"113100","c":"112950",\
                "h":"113120","l":"112800","v":"41.83219","n":1630}]
                """))
        #expect(
            bars == [
                VenuePriceBar(
                    venue: .hyperliquid, symbol: "BTC", bucketStartMs: 1_760_130_000_000, intervalMs: 60_000,
                    open: 113_100, high: 113_120, low: 112_800, close: 112_950, volume: 41.83219, volumeUnit: .base,
                    takerBuyVolume: nil)
            ])
        #expect(try HyperliquidCandleDecoder.decode(try Self.node("null")).isEmpty)
    }

    @Test func unknownCandleIntervalIsAnError() throws {
        let error = #expect(throws: JSONError.self) {
            try HyperliquidCandleDecoder.decode(
                try Self.node(
                    #"[{"t":1,"T":2,"s":"BTC","i":"1w","o":"1","c":"1","h":"1","l":"1","v":"1","n":1}]"#))
        }
        #expect(
            error?.description
                == Self.origin + ": [0].i: expected a candle interval (1m, 3m, 5m, 15m, 30m, 1h, 2h, 4h, 8h, 12h, 1d), "
                + #"found string "1w""#)
    }
}
