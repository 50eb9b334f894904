import LiqCore
import LiqFetch
import Testing

/// `exchangeInfo` in Binance's shape (only the fields we read plus a few neighbours), with our own symbols.
@Suite struct BinanceInstrumentDecoderTests {
    static let usdmOrigin = "https://fapi.binance.com/fapi/v1/exchangeInfo"
    static let coinmOrigin = "https://dapi.binance.com/dapi/v1/exchangeInfo"

    static func exchangeInfo(_ symbols: String...) -> String {
        #"{"timezone":"UTC","serverTime":1700000000000,"rateLimits":[],"assets":[],"symbols":["#
            + symbols.joined(separator: ",") + "]}"
    }

    static func usdmSymbol(_ symbol: String, base: String, contractType: String) -> String {
        """
        {"symbol":"\(symbol)","pair":"\(symbol)","contractType":"\(contractType)","deliveryDate":4133404800000,\
        "status":"TRADING","baseAsset":"\(base)","quoteAsset":"USDT","marginAsset":"USDT","pricePrecision":2,\
        "quantityPrecision":3,"filters":[]}
        """
    }

    @Test func usdMarginedSymbolsAreLinearWithUnitContracts() throws {
        let document = try Payload.node(
            Self.exchangeInfo(
                Self.usdmSymbol("BTCUSDT", base: "BTC", contractType: "PERPETUAL"),
                Self.usdmSymbol("ETHUSDT_240628", base: "ETH", contractType: "CURRENT_QUARTER"),
                Self.usdmSymbol("SOLUSDT", base: "SOL", contractType: "TRADIFI_PERPETUAL")),
            origin: Self.usdmOrigin)
        let instruments = try BinanceInstrumentDecoder.decode(document, venue: .binanceUSDM)
        #expect(
            instruments == [
                Instrument(
                    venue: .binanceUSDM, symbol: "BTCUSDT", baseAsset: "BTC", quoteAsset: "USDT", settleAsset: "USDT",
                    kind: .perpetual, margining: .linear, contractSize: ContractSize(value: 1, unit: .base)),
                Instrument(
                    venue: .binanceUSDM, symbol: "ETHUSDT_240628", baseAsset: "ETH", quoteAsset: "USDT",
                    settleAsset: "USDT", kind: .datedFuture, margining: .linear,
                    contractSize: ContractSize(value: 1, unit: .base)),
                Instrument(
                    venue: .binanceUSDM, symbol: "SOLUSDT", baseAsset: "SOL", quoteAsset: "USDT", settleAsset: "USDT",
                    kind: .perpetual, margining: .linear, contractSize: ContractSize(value: 1, unit: .base)),
            ])
    }

    @Test(arguments: ["", "CURRENT_QUARTER DELIVERING", "PERPETUAL DELIVERING"])
    func delistedAndDeliveringSymbolsAreSkipped(contractType: String) throws {
        let document = try Payload.node(
            Self.exchangeInfo(
                Self.usdmSymbol("OLDUSDT", base: "OLD", contractType: contractType),
                Self.usdmSymbol("BTCUSDT", base: "BTC", contractType: "PERPETUAL")),
            origin: Self.usdmOrigin)
        #expect(try BinanceInstrumentDecoder.decode(document, venue: .binanceUSDM).map(\.symbol) == ["BTCUSDT"])
    }

    @Test func coinMarginedSymbolsAreInverseWithUSDContractSizes() throws {
        let document = try Payload.node(
            Self.exchangeInfo(
                #"{"symbol":"BTCUSD_PERP","pair":"BTCUSD","contractType":"PERPETUAL","baseAsset":"BTC","#
                    + #""quoteAsset":"USD","marginAsset":"BTC","contractSize":100}"#,
                #"{"symbol":"ETHUSD_240927","pair":"ETHUSD","contractType":"NEXT_QUARTER","baseAsset":"ETH","#
                    + #""quoteAsset":"USD","marginAsset":"ETH","contractSize":10}"#
            ), origin: Self.coinmOrigin)
        let instruments = try BinanceInstrumentDecoder.decode(document, venue: .binanceCOINM)
        #expect(
            instruments == [
                Instrument(
                    venue: .binanceCOINM, symbol: "BTCUSD_PERP", baseAsset: "BTC", quoteAsset: "USD",
                    settleAsset: "BTC",
                    kind: .perpetual, margining: .inverse, contractSize: ContractSize(value: 100, unit: .usd)),
                Instrument(
                    venue: .binanceCOINM, symbol: "ETHUSD_240927", baseAsset: "ETH", quoteAsset: "USD",
                    settleAsset: "ETH", kind: .datedFuture, margining: .inverse,
                    contractSize: ContractSize(value: 10, unit: .usd)),
            ])
    }

    @Test func coinMarginedContractSizeIsNeverGuessed() throws {
        let document = try Payload.node(
            Self.exchangeInfo(
                #"{"symbol":"BTCUSD_PERP","pair":"BTCUSD","contractType":"PERPETUAL","baseAsset":"BTC","#
                    + #""quoteAsset":"USD","marginAsset":"BTC"}"#
            ), origin: Self.coinmOrigin)
        let error = #expect(throws: JSONError.self) {
            try BinanceInstrumentDecoder.decode(document, venue: .binanceCOINM)
        }
        #expect(error?.description == Self.coinmOrigin + ": symbols[0].contractSize: expected a value, found nothing")
    }

    @Test func unknownContractTypeIsAnError() throws {
        let document = try Payload.node(
            Self.exchangeInfo(
                Self.usdmSymbol("BTCUSDT", base: "BTC", contractType: "PERPETUAL"),
                Self.usdmSymbol("BTCUSDT_W", base: "BTC", contractType: "WEEKLY")),
            origin: Self.usdmOrigin)
        let error = #expect(throws: JSONError.self) {
            try BinanceInstrumentDecoder.decode(document, venue: .binanceUSDM)
        }
        #expect(
            error?.description
                == Self.usdmOrigin
                + #": symbols[1].contractType: expected a Binance contract type (PERPETUAL, CURRENT_QUARTER, …),"#
                + #" found string "WEEKLY""#
        )
    }
}
