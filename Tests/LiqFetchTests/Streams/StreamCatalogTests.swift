import LiqCore
import LiqFetch
import Testing

/// Which venues the collector can stream, and from where by default.
@Suite struct StreamCatalogTests {
    @Test func hyperliquidHasNoLiquidationStream() {
        #expect(VenueCatalog.streamPlanner(for: .hyperliquid) == nil)
        #expect(
            VenueCatalog.supported.filter { VenueCatalog.streamPlanner(for: $0) != nil } == [
                .binanceUSDM, .binanceCOINM, .bybit, .okx, .bitmex, .deribit,
            ])
    }

    @Test func defaultStreamURLs() {
        #expect(
            VenueCatalog.supported.map(VenueCatalog.defaultStreamURL(for:)) == [
                "wss://fstream.binance.com/market", "wss://dstream.binance.com", "wss://stream.bybit.com/v5/public",
                "wss://ws.okx.com:8443/ws/v5/public", "wss://ws.bitmex.com/realtime",
                "wss://www.deribit.com/ws/api/v2", "wss://api.hyperliquid.xyz/ws",
            ])
    }
}
