import LiqCore
import LiqFetch
import LiqNormalise
import Testing

/// Worked examples: every expected number is computed by hand in the comment next to it and asserted within the
/// stated tolerance (absolute unless said otherwise); inputs are exact decimals, so the tolerances only absorb
/// binary rounding.
@Suite struct NormaliserTests {
    static let binanceBTC = Instrument(
        venue: .binanceUSDM, symbol: "BTCUSDT", baseAsset: "BTC", quoteAsset: "USDT", settleAsset: "USDT",
        kind: .perpetual, margining: .linear, contractSize: ContractSize(value: 1, unit: .base))
    static let okxLinear = Instrument(
        venue: .okx, symbol: "BTC-USDT-SWAP", baseAsset: "BTC", quoteAsset: "USDT", settleAsset: "USDT",
        kind: .perpetual, margining: .linear, contractSize: ContractSize(value: 0.01, unit: .base))
    static let okxInverse = Instrument(
        venue: .okx, symbol: "BTC-USD-SWAP", baseAsset: "BTC", quoteAsset: "USD", settleAsset: "BTC",
        kind: .perpetual, margining: .inverse, contractSize: ContractSize(value: 100, unit: .usd))
    static let bitmexXBT = Instrument(
        venue: .bitmex, symbol: "XBTUSD", baseAsset: "BTC", quoteAsset: "USD", settleAsset: "BTC", kind: .perpetual,
        margining: .inverse, contractSize: ContractSize(value: 1, unit: .usd))

    static let registry = InstrumentRegistry([binanceBTC, okxLinear, okxInverse, bitmexXBT])

    static func liquidation(
        _ instrument: Instrument, quantity: Double, unit: QuantityUnit, price: Double, side: PositionSide = .long,
        priceKind: PriceKind = .bankruptcy, at ms: Int64 = 1_700_000_000_000
    ) -> VenueLiquidation {
        VenueLiquidation(
            venue: instrument.venue, symbol: instrument.symbol, timestampMs: ms, side: side, price: price,
            priceKind: priceKind, quantity: quantity, quantityUnit: unit,
            completeness: instrument.venue == .binanceUSDM ? .sampled : .complete)
    }

    // MARK: Liquidations

    @Test func binanceUSDMarginedFill() throws {
        // 0.014 BTC × 4,706.04 USDT = 65.88456 USD (tolerance 1e-9).
        let event = try Normaliser(registry: Self.registry).liquidation(
            Self.liquidation(
                Self.binanceBTC, quantity: 0.014, unit: .base, price: 4706.04, side: .short, priceKind: .fill))
        #expect(event.quantityBase == 0.014)
        #expect(abs(event.notionalUSD - 65.88456) < 1e-9)
        #expect(event.baseAsset == "BTC")
        #expect(event.side == .short)
        #expect(event.priceKind == .fill)
        #expect(event.price == 4706.04)
        #expect(event.completeness == .sampled)
        #expect(event.timestampMs == 1_700_000_000_000)
    }

    @Test func okxLinearContractsAtTheBankruptcyPrice() throws {
        // 39 contracts × 0.01 BTC = 0.39 BTC; 0.39 × 30,000 = 11,700 USD (tolerance 1e-9).
        let event = try Normaliser(registry: Self.registry).liquidation(
            Self.liquidation(Self.okxLinear, quantity: 39, unit: .contracts, price: 30_000))
        #expect(abs(event.quantityBase - 0.39) < 1e-9)
        #expect(abs(event.notionalUSD - 11_700) < 1e-9)
        #expect(event.priceKind == .bankruptcy)
        #expect(event.completeness == .complete)
    }

    @Test func okxInverseContractsAreUSD() throws {
        // 25 contracts × 100 USD = 2,500 USD; 2,500 / 60,000 = 0.041666… BTC (tolerance 1e-12).
        let event = try Normaliser(registry: Self.registry).liquidation(
            Self.liquidation(Self.okxInverse, quantity: 25, unit: .contracts, price: 60_000, side: .short))
        #expect(abs(event.notionalUSD - 2_500) < 1e-9)
        #expect(abs(event.quantityBase - 0.041_666_666_666_67) < 1e-12)
        #expect(event.side == .short)
    }

    @Test func usdQuantities() throws {
        // 12,000 USD at 48,000 USD/BTC = 0.25 BTC; the notional is the quantity itself (tolerance 1e-12).
        let event = try Normaliser(registry: Self.registry).liquidation(
            Self.liquidation(Self.bitmexXBT, quantity: 12_000, unit: .usd, price: 48_000, priceKind: .order))
        #expect(abs(event.quantityBase - 0.25) < 1e-12)
        #expect(event.notionalUSD == 12_000)
    }

    @Test(arguments: [0.0, -1.0, .infinity, .nan])
    func nonPositivePriceIsAnError(price: Double) throws {
        let error = #expect(throws: NormaliseError.self) {
            try Normaliser(registry: Self.registry).liquidation(
                Self.liquidation(Self.okxLinear, quantity: 1, unit: .contracts, price: price))
        }
        #expect(error?.instrument == InstrumentKey(venue: .okx, symbol: "BTC-USDT-SWAP"))
        #expect(error?.reason == "liquidation price \(price) is not positive")
    }

    // MARK: Unknown instruments

    static let unknownKey = InstrumentKey(venue: .okx, symbol: "DOGE-USDT-SWAP")
    static let unknownDescription =
        "okx DOGE-USDT-SWAP: no instrument metadata (contract size, base asset); fetch the venue's instruments first"

    @Test func unknownInstrumentLiquidation() throws {
        let error = #expect(throws: NormaliseError.self) {
            try Normaliser(registry: Self.registry).liquidation(
                VenueLiquidation(
                    venue: .okx, symbol: "DOGE-USDT-SWAP", timestampMs: 1, side: .long, price: 0.1,
                    priceKind: .bankruptcy, quantity: 1, quantityUnit: .contracts, completeness: .complete))
        }
        #expect(error?.instrument == Self.unknownKey)
        #expect(error?.description == Self.unknownDescription)
    }

    @Test func unknownInstrumentOpenInterestAndFunding() throws {
        let normaliser = Normaliser(
            registry: Self.registry, fundingIntervalHours: [Self.unknownKey: 8], markPrices: [Self.unknownKey: 0.1])
        let openInterest = #expect(throws: NormaliseError.self) {
            try normaliser.openInterest(
                VenueOpenInterest(
                    venue: .okx, symbol: "DOGE-USDT-SWAP", timestampMs: 1, quantity: 1, quantityUnit: .base,
                    valueUSD: 0.1))
        }
        #expect(openInterest?.description == Self.unknownDescription)
        let funding = #expect(throws: NormaliseError.self) {
            try normaliser.funding(
                VenueFunding(
                    venue: .okx, symbol: "DOGE-USDT-SWAP", timestampMs: 1, rate: 0.0001, intervalHours: 8,
                    kind: .settled))
        }
        #expect(funding?.description == Self.unknownDescription)
    }

    @Test func sameSymbolOnAnotherVenueIsUnknown() throws {
        // BTCUSDT is registered for Binance USDⓈ-M only.
        let error = #expect(throws: NormaliseError.self) {
            try Normaliser(registry: Self.registry).liquidation(
                VenueLiquidation(
                    venue: .bybit, symbol: "BTCUSDT", timestampMs: 1, side: .long, price: 60_000,
                    priceKind: .bankruptcy,
                    quantity: 1, quantityUnit: .base, completeness: .complete))
        }
        #expect(error?.instrument == InstrumentKey(venue: .bybit, symbol: "BTCUSDT"))
        #expect(error?.description.hasPrefix("bybit BTCUSDT: ") == true)
    }

    // MARK: Open interest

    static func openInterest(_ instrument: Instrument, _ quantity: Double, _ unit: QuantityUnit, valueUSD: Double?)
        -> VenueOpenInterest
    {
        VenueOpenInterest(
            venue: instrument.venue, symbol: instrument.symbol, timestampMs: 1_700_000_100_000, quantity: quantity,
            quantityUnit: unit, valueUSD: valueUSD)
    }

    static func key(_ instrument: Instrument) -> InstrumentKey {
        InstrumentKey(venue: instrument.venue, symbol: instrument.symbol)
    }

    @Test func baseWithTheVenuesUSDValue() throws {
        // Binance's own valuation wins over base × mark (20,403.637 × 7,000 = 142,825,459 would be ours).
        let normaliser = Normaliser(registry: Self.registry, markPrices: [Self.key(Self.binanceBTC): 7_000])
        let sample = try normaliser.openInterest(
            Self.openInterest(Self.binanceBTC, 20403.637, .base, valueUSD: 150_570_784.07809979))
        #expect(sample.openInterestBase == 20403.637)
        #expect(sample.openInterestUSD == 150_570_784.07809979)
        #expect(sample.baseAsset == "BTC")
        #expect(sample.timestampMs == 1_700_000_100_000)
    }

    @Test func baseWithoutAValueIsPricedAtTheMark() throws {
        // 1,234.5 BTC × 60,000 = 74,070,000 USD (tolerance 1e-6).
        let normaliser = Normaliser(registry: Self.registry, markPrices: [Self.key(Self.okxLinear): 60_000])
        let sample = try normaliser.openInterest(Self.openInterest(Self.okxLinear, 1234.5, .base, valueUSD: nil))
        #expect(sample.openInterestBase == 1234.5)
        #expect(abs(sample.openInterestUSD - 74_070_000) < 1e-6)
    }

    @Test func linearContractsWithAMark() throws {
        // 39 contracts × 0.01 BTC = 0.39 BTC; × mark 30,000 = 11,700 USD (tolerance 1e-9).
        let normaliser = Normaliser(registry: Self.registry, markPrices: [Self.key(Self.okxLinear): 30_000])
        let sample = try normaliser.openInterest(Self.openInterest(Self.okxLinear, 39, .contracts, valueUSD: nil))
        #expect(abs(sample.openInterestBase - 0.39) < 1e-12)
        #expect(abs(sample.openInterestUSD - 11_700) < 1e-9)
    }

    @Test func linearContractsWithTheVenuesValueNeedNoMark() throws {
        // 39 × 0.01 = 0.39 BTC; USD as reported (11,650.5), no mark price fetched.
        let sample = try Normaliser(registry: Self.registry).openInterest(
            Self.openInterest(Self.okxLinear, 39, .contracts, valueUSD: 11_650.5))
        #expect(abs(sample.openInterestBase - 0.39) < 1e-12)
        #expect(sample.openInterestUSD == 11_650.5)
    }

    @Test func inverseContractsWithAMark() throws {
        // 25 contracts × 100 USD = 2,500 USD; 2,500 / mark 60,000 = 0.041666… BTC (tolerance 1e-12).
        let normaliser = Normaliser(registry: Self.registry, markPrices: [Self.key(Self.okxInverse): 60_000])
        let sample = try normaliser.openInterest(Self.openInterest(Self.okxInverse, 25, .contracts, valueUSD: nil))
        #expect(abs(sample.openInterestBase - 0.041_666_666_666_67) < 1e-12)
        #expect(abs(sample.openInterestUSD - 2_500) < 1e-9)
    }

    @Test func usdQuantityWithAMark() throws {
        // 500,000,000 USD / mark 50,000 = 10,000 BTC; USD is the quantity (tolerance 1e-9).
        let normaliser = Normaliser(registry: Self.registry, markPrices: [Self.key(Self.bitmexXBT): 50_000])
        let sample = try normaliser.openInterest(Self.openInterest(Self.bitmexXBT, 500_000_000, .usd, valueUSD: nil))
        #expect(abs(sample.openInterestBase - 10_000) < 1e-9)
        #expect(sample.openInterestUSD == 500_000_000)
    }

    static let missingMarkCases: [(Instrument, QuantityUnit)] = [
        (okxInverse, .contracts),  // base needs the mark
        (okxLinear, .contracts),  // USD needs the mark
        (okxLinear, .base),
        (bitmexXBT, .usd),
    ]

    @Test(arguments: missingMarkCases)
    func missingMarkIsAnErrorNamingTheInstrument(instrument: Instrument, unit: QuantityUnit) throws {
        // Marks of other instruments do not help; a mark of zero counts as missing.
        for marks: [InstrumentKey: Double] in [[Self.key(Self.binanceBTC): 60_000], [Self.key(instrument): 0]] {
            let normaliser = Normaliser(registry: Self.registry, markPrices: marks)
            let error = #expect(throws: NormaliseError.self) {
                try normaliser.openInterest(Self.openInterest(instrument, 25, unit, valueUSD: nil))
            }
            #expect(
                error?.description
                    == "\(instrument.venue.rawValue) \(instrument.symbol): "
                    + "open interest without a USD value needs a mark price; none was fetched"
            )
        }
    }

    // MARK: Funding

    static func funding(_ instrument: Instrument, intervalHours: Double?) -> VenueFunding {
        VenueFunding(
            venue: instrument.venue, symbol: instrument.symbol, timestampMs: 1_700_006_400_000, rate: -0.00025,
            intervalHours: intervalHours, kind: .settled)
    }

    @Test func intervalFromTheRecordWins() throws {
        let normaliser = Normaliser(
            registry: Self.registry, fundingIntervalHours: [Self.key(Self.okxLinear): 8],
            defaultFundingIntervalHours: [.okx: 8])
        let sample = try normaliser.funding(Self.funding(Self.okxLinear, intervalHours: 4))
        #expect(
            sample
                == FundingSample(
                    venue: .okx, symbol: "BTC-USDT-SWAP", baseAsset: "BTC", timestampMs: 1_700_006_400_000,
                    rate: -0.00025, intervalHours: 4, kind: .settled))
    }

    @Test func intervalFromThePerInstrumentMap() throws {
        let normaliser = Normaliser(
            registry: Self.registry, fundingIntervalHours: [Self.key(Self.binanceBTC): 4],
            defaultFundingIntervalHours: [.binanceUSDM: 8])
        #expect(try normaliser.funding(Self.funding(Self.binanceBTC, intervalHours: nil)).intervalHours == 4)
    }

    @Test func intervalFromTheVenueDefault() throws {
        let normaliser = Normaliser(
            registry: Self.registry, fundingIntervalHours: [Self.key(Self.okxLinear): 1],
            defaultFundingIntervalHours: [.binanceUSDM: 8, .okx: 2])
        #expect(try normaliser.funding(Self.funding(Self.binanceBTC, intervalHours: nil)).intervalHours == 8)
    }

    @Test func unknownIntervalIsAnError() throws {
        let normaliser = Normaliser(
            registry: Self.registry, fundingIntervalHours: [Self.key(Self.okxLinear): 8],
            defaultFundingIntervalHours: [.binanceUSDM: 8])
        let error = #expect(throws: NormaliseError.self) {
            try normaliser.funding(Self.funding(Self.okxInverse, intervalHours: nil))
        }
        #expect(
            error?.description == "okx BTC-USD-SWAP: funding interval unknown; fetch the running funding rate first")
    }

    // MARK: Event identity

    static let forceOrder = """
        {"e":"forceOrder","E":1700000000130,"o":{"s":"BTCUSDT","S":"SELL","o":"LIMIT","f":"IOC","q":"0.5",\
        "p":"59000","ap":"59100.50","X":"FILLED","l":"0.5","z":"0.500","T":1700000000125}}
        """

    static func normalisedBinance(_ text: String) throws -> [LiquidationEvent] {
        let node = try JSONNode.parse(Array(text.utf8), origin: "capture.ndjson")
        return try BinanceLiquidationDecoder.decode(node, venue: .binanceUSDM).map {
            try Normaliser(registry: registry).liquidation($0)
        }
    }

    @Test func sameFactDecodedTwiceHasOneEventID() throws {
        // Once bare, once in the combined-stream wrapper with the decimals written differently ("59100.5", 0.5).
        let bare = try Self.normalisedBinance(Self.forceOrder)
        let wrapped = try Self.normalisedBinance(
            #"{"stream":"!forceOrder@arr","data":"#
                + Self.forceOrder.replacing(#""ap":"59100.50""#, with: #""ap":"59100.5""#)
                .replacing(#""z":"0.500""#, with: #""z":0.5"#) + "}")
        try #require(bare.count == 1 && wrapped.count == 1)
        #expect(bare[0].eventID == wrapped[0].eventID)
        #expect(bare == wrapped)
    }

    @Test func okxRESTRowAndWebSocketPushOfOneLiquidationShareTheEventID() throws {
        let detail =
            #"{"bkLoss":"0","bkPx":"30000.0","ccy":"","posSide":"long","side":"sell","sz":"39","ts":"1700000000100"}"#
        let row = #"{"details":["# + detail + #"],"instId":"BTC-USDT-SWAP","instType":"SWAP","uly":"BTC-USDT"}"#
        let rest = #"{"code":"0","msg":"","data":["# + row + "]}"
        let push = #"{"arg":{"channel":"liquidation-orders","instType":"SWAP"},"data":["# + row + "]}"
        let ids = try [rest, push].map { text in
            try OKXLiquidationDecoder.decode(try JSONNode.parse(Array(text.utf8), origin: text)).map {
                try Normaliser(registry: Self.registry).liquidation($0).eventID
            }
        }
        #expect(ids[0].count == 1)
        #expect(ids[0] == ids[1])
    }

    @Test(arguments: [
        (#""S":"SELL""#, #""S":"BUY""#),  // side
        (#""ap":"59100.50""#, #""ap":"59100.51""#),  // price
        (#""z":"0.500""#, #""z":"0.501""#),  // quantity
        (#""T":1700000000125"#, #""T":1700000000126"#),  // time
        (#""s":"BTCUSDT""#, #""s":"ETHUSDT""#),  // symbol
    ])
    func differentFactsHaveDifferentEventIDs(original: String, changed: String) throws {
        let registry = InstrumentRegistry([
            Self.binanceBTC,
            Instrument(
                venue: .binanceUSDM, symbol: "ETHUSDT", baseAsset: "ETH", quoteAsset: "USDT", settleAsset: "USDT",
                kind: .perpetual, margining: .linear, contractSize: ContractSize(value: 1, unit: .base)),
        ])
        func eventID(_ text: String) throws -> EventID {
            let node = try JSONNode.parse(Array(text.utf8), origin: "capture")
            let record = try #require(try BinanceLiquidationDecoder.decode(node, venue: .binanceUSDM).first)
            return try Normaliser(registry: registry).liquidation(record).eventID
        }
        let modified = Self.forceOrder.replacing(original, with: changed)
        try #require(modified != Self.forceOrder)
        #expect(try eventID(Self.forceOrder) != eventID(modified))
    }

    @Test func sameFactOnAnotherVenueHasAnotherEventID() throws {
        let registry = InstrumentRegistry([
            Self.okxLinear,
            Instrument(
                venue: .bybit, symbol: "BTC-USDT-SWAP", baseAsset: "BTC", quoteAsset: "USDT", settleAsset: "USDT",
                kind: .perpetual, margining: .linear, contractSize: ContractSize(value: 0.01, unit: .base)),
        ])
        var record = Self.liquidation(Self.okxLinear, quantity: 39, unit: .contracts, price: 30_000)
        let okx = try Normaliser(registry: registry).liquidation(record)
        record.venue = .bybit
        let bybit = try Normaliser(registry: registry).liquidation(record)
        #expect(okx.eventID != bybit.eventID)
    }
}
