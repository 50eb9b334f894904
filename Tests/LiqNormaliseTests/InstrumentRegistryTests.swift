import LiqCore
import LiqNormalise
import Testing

@Suite struct InstrumentRegistryTests {
    static func instrument(_ venue: Venue, _ symbol: String, size: Double) -> Instrument {
        Instrument(
            venue: venue, symbol: symbol, baseAsset: "BTC", quoteAsset: "USDT", settleAsset: "USDT", kind: .perpetual,
            margining: .linear, contractSize: ContractSize(value: size, unit: .base))
    }

    @Test func looksUpByVenueAndSymbol() throws {
        let okx = Self.instrument(.okx, "BTC-USDT-SWAP", size: 0.01)
        let registry = InstrumentRegistry([Self.instrument(.binanceUSDM, "BTCUSDT", size: 1), okx])
        #expect(registry.count == 2)
        #expect(try registry.instrument(InstrumentKey(venue: .okx, symbol: "BTC-USDT-SWAP")) == okx)
    }

    @Test func addingTheSameKeyReplaces() throws {
        var registry = InstrumentRegistry([Self.instrument(.okx, "BTC-USDT-SWAP", size: 0.01)])
        registry.add(Self.instrument(.okx, "BTC-USDT-SWAP", size: 0.001))
        #expect(registry.count == 1)
        #expect(
            try registry.instrument(InstrumentKey(venue: .okx, symbol: "BTC-USDT-SWAP")).contractSize.value == 0.001)
    }

    @Test func missingInstrumentNamesVenueAndSymbol() throws {
        let registry = InstrumentRegistry([Self.instrument(.okx, "BTC-USDT-SWAP", size: 0.01)])
        let key = InstrumentKey(venue: .binanceUSDM, symbol: "BTC-USDT-SWAP")
        let error = #expect(throws: NormaliseError.self) { try registry.instrument(key) }
        #expect(error?.instrument == key)
        #expect(
            error?.description
                == "binance-usdm BTC-USDT-SWAP: no instrument metadata (contract size, base asset); "
                + "fetch the venue's instruments first"
        )
    }
}
