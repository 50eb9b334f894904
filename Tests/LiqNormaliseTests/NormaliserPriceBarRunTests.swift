import LiqCore
import LiqNormalise
import Testing

/// `priceBar(_:reusing:)` looks an instrument up once per run of bars of the same venue and symbol: a bar of
/// another instrument in the run gets its own instrument's base asset and contract size, never the previous one's.
@Suite struct NormaliserPriceBarRunTests {
    static let btc = Instrument(
        venue: .binanceUSDM, symbol: "BTCUSDT", baseAsset: "BTC", quoteAsset: "USDT", settleAsset: "USDT",
        kind: .perpetual, margining: .linear, contractSize: ContractSize(value: 1, unit: .base))
    /// Same symbol on another venue, in contracts of 0.01 BTC.
    static let okxBTC = Instrument(
        venue: .okx, symbol: "BTCUSDT", baseAsset: "XBT", quoteAsset: "USDT", settleAsset: "USDT",
        kind: .perpetual, margining: .linear, contractSize: ContractSize(value: 0.01, unit: .base))
    static let eth = Instrument(
        venue: .binanceUSDM, symbol: "ETHUSDT", baseAsset: "ETH", quoteAsset: "USDT", settleAsset: "USDT",
        kind: .perpetual, margining: .linear, contractSize: ContractSize(value: 1, unit: .base))
    static let normaliser = Normaliser(registry: InstrumentRegistry([btc, okxBTC, eth]))

    static func bar(_ instrument: Instrument, unit: QuantityUnit = .base, minute: Int64) -> VenuePriceBar {
        VenuePriceBar(
            venue: instrument.venue, symbol: instrument.symbol, bucketStartMs: 1_760_126_400_000 + minute * 60_000,
            intervalMs: 60_000, open: 100, high: 110, low: 90, close: 100, volume: 500, volumeUnit: unit,
            takerBuyVolume: 200)
    }

    @Test func aRunOfSeveralInstrumentsNormalisesEachBarWithItsOwn() throws {
        let run = [
            Self.bar(Self.btc, minute: 0), Self.bar(Self.btc, minute: 1), Self.bar(Self.eth, minute: 1),
            Self.bar(Self.okxBTC, unit: .contracts, minute: 1), Self.bar(Self.btc, minute: 2),
        ]
        var instrument: Instrument?
        let bars = try run.map { try Self.normaliser.priceBar($0, reusing: &instrument) }
        #expect(bars.map(\.baseAsset) == ["BTC", "BTC", "ETH", "XBT", "BTC"])
        // The OKX bar: 500 contracts × 0.01 BTC = 5 BTC, taker buy 200 × 0.01 = 2 BTC (exact to 1e-12).
        #expect(abs(bars[3].volumeBase - 5) < 1e-12)
        #expect(abs((bars[3].takerBuyVolumeBase ?? 0) - 2) < 1e-12)
        #expect(bars[0].volumeBase == 500)
        // Each the same as a bar normalised on its own.
        #expect(bars == (try run.map { try Self.normaliser.priceBar($0) }))
        #expect(instrument == Self.btc)
    }

    @Test func anUnknownInstrumentInARunIsTheRegistrysError() throws {
        let unknown = Instrument(
            venue: .binanceUSDM, symbol: "DOGEUSDT", baseAsset: "DOGE", quoteAsset: "USDT", settleAsset: "USDT",
            kind: .perpetual, margining: .linear, contractSize: ContractSize(value: 1, unit: .base))
        var instrument: Instrument?
        _ = try Self.normaliser.priceBar(Self.bar(Self.btc, minute: 0), reusing: &instrument)
        let error = #expect(throws: NormaliseError.self) {
            try Self.normaliser.priceBar(Self.bar(unknown, minute: 1), reusing: &instrument)
        }
        #expect(
            error?.description
                == "binance-usdm DOGEUSDT: no instrument metadata (contract size, base asset); fetch the venue's "
                + "instruments first")
    }
}
