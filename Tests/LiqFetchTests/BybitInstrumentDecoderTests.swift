import LiqCore
import LiqFetch
import Testing

/// `/v5/market/instruments-info` rows in Bybit's shape (a subset of the real field set), with our own values.
@Suite struct BybitInstrumentDecoderTests {
    static let origin = "https://api.bybit.com/v5/market/instruments-info?category=linear&limit=1000"

    static func row(
        _ symbol: String, type: String, base: String = "BTC", quote: String = "USDT", settle: String = "USDT",
        fundingInterval: String = "480"
    ) -> String {
        """
        {"symbol":"\(symbol)","contractType":"\(type)","status":"Trading","baseCoin":"\(base)",\
        "quoteCoin":"\(quote)","launchTime":"1585526400000","deliveryTime":"0","deliveryFeeRate":"",\
        "priceScale":"2","leverageFilter":{"minLeverage":"1","maxLeverage":"100.00","leverageStep":"0.01"},\
        "priceFilter":{"minPrice":"0.10","maxPrice":"1999999.80","tickSize":"0.10"},\
        "lotSizeFilter":{"maxOrderQty":"1190.000","minOrderQty":"0.001","qtyStep":"0.001"},\
        "unifiedMarginTrade":true,"fundingInterval":\(fundingInterval),"settleCoin":"\(settle)",\
        "copyTrading":"both","upperFundingRate":"0.00375","lowerFundingRate":"-0.00375","symbolType":""}
        """
    }

    static func envelope(_ rows: String...) -> String {
        #"{"retCode":0,"retMsg":"OK","result":{"category":"linear","list":["# + rows.joined(separator: ",")
            + #"],"nextPageCursor":""},"retExtInfo":{},"time":1760133595789}"#
    }

    static func node(_ text: String) throws -> JSONNode { try Payload.node(text, origin: origin) }

    @Test func contractTypeGivesKindMarginingAndTheFixedContractUnit() throws {
        let instruments = try BybitInstrumentDecoder.decode(
            try Self.node(
                Self.envelope(
                    Self.row("BTCUSDT", type: "LinearPerpetual"),
                    Self.row("BTC-26DEC25", type: "LinearFutures", quote: "USDC", settle: "USDC", fundingInterval: "0"),
                    Self.row("BTCUSD", type: "InversePerpetual", quote: "USD", settle: "BTC"),
                    Self.row("ethusdz25", type: "InverseFutures", base: "eth", quote: "USD", settle: "ETH"))))
        // Linear: one contract is one base coin; inverse: one USD.
        #expect(
            instruments == [
                Instrument(
                    venue: .bybit, symbol: "BTCUSDT", baseAsset: "BTC", quoteAsset: "USDT", settleAsset: "USDT",
                    kind: .perpetual, margining: .linear, contractSize: ContractSize(value: 1, unit: .base)),
                Instrument(
                    venue: .bybit, symbol: "BTC-26DEC25", baseAsset: "BTC", quoteAsset: "USDC", settleAsset: "USDC",
                    kind: .datedFuture, margining: .linear, contractSize: ContractSize(value: 1, unit: .base)),
                Instrument(
                    venue: .bybit, symbol: "BTCUSD", baseAsset: "BTC", quoteAsset: "USD", settleAsset: "BTC",
                    kind: .perpetual, margining: .inverse, contractSize: ContractSize(value: 1, unit: .usd)),
                Instrument(
                    venue: .bybit, symbol: "ethusdz25", baseAsset: "ETH", quoteAsset: "USD", settleAsset: "ETH",
                    kind: .datedFuture, margining: .inverse, contractSize: ContractSize(value: 1, unit: .usd)),
            ])
    }

    @Test func fundingIntervalMinutesBecomeHoursAndFuturesHaveNone() throws {
        // 480 min / 60 = 8 h; 240 → 4 h; 60 → 1 h; a dated future's 0 means no funding.
        let intervals = try BybitInstrumentDecoder.decodeFundingIntervals(
            try Self.node(
                Self.envelope(
                    Self.row("BTCUSDT", type: "LinearPerpetual", fundingInterval: "480"),
                    Self.row("SOLUSDT", type: "LinearPerpetual", fundingInterval: "240"),
                    Self.row("PEPEUSDT", type: "LinearPerpetual", fundingInterval: "\"60\""),
                    Self.row("BTC-26DEC25", type: "LinearFutures", fundingInterval: "0"))))
        #expect(intervals == ["BTCUSDT": 8, "SOLUSDT": 4, "PEPEUSDT": 1])
    }

    @Test func unknownContractTypeIsAnErrorNamingThePath() throws {
        let error = #expect(throws: JSONError.self) {
            try BybitInstrumentDecoder.decode(
                try Self.node(
                    Self.envelope(
                        Self.row("BTCUSDT", type: "LinearPerpetual"), Self.row("BTC-X", type: "QuantoPerpetual"))))
        }
        #expect(
            error?.description
                == Self.origin + ": result.list[1].contractType: expected LinearPerpetual, LinearFutures, "
                + #"InversePerpetual or InverseFutures, found string "QuantoPerpetual""#)
    }

    @Test func inverseContractNotQuotedInUSDIsAnError() throws {
        let error = #expect(throws: JSONError.self) {
            try BybitInstrumentDecoder.decode(
                try Self.node(Self.envelope(Self.row("BTCUSDT", type: "InversePerpetual", quote: "USDT"))))
        }
        #expect(
            error?.description
                == Self.origin
                + #": result.list[0].quoteCoin: expected USD for an inverse contract, found string "USDT""#
        )
    }

    @Test func negativeFundingIntervalIsAnError() throws {
        let error = #expect(throws: JSONError.self) {
            try BybitInstrumentDecoder.decodeFundingIntervals(
                try Self.node(Self.envelope(Self.row("BTCUSDT", type: "LinearPerpetual", fundingInterval: "-480"))))
        }
        #expect(
            error?.description
                == Self.origin
                + ": result.list[0].fundingInterval: expected a non-negative number of minutes, found number -480")
    }

    @Test func nonZeroRetCodeIsAVenueAPIError() throws {
        let document = try Self.node(
            #"{"retCode":10001,"retMsg":"params error: category invalid","result":{},"retExtInfo":{},"time":1}"#)
        let error = #expect(throws: VenueAPIError.self) { try BybitInstrumentDecoder.decode(document) }
        #expect(
            error
                == VenueAPIError(
                    venue: .bybit, origin: Self.origin, code: "10001", message: "params error: category invalid"))
        #expect(error?.description == Self.origin + ": bybit error 10001: params error: category invalid")
    }

    @Test func envelopeWithoutRetCodeIsAnError() throws {
        let error = #expect(throws: JSONError.self) {
            try BybitInstrumentDecoder.decode(try Self.node(#"{"result":{"list":[]}}"#))
        }
        #expect(error?.description == Self.origin + ": retCode: expected a value, found nothing")
    }
}
