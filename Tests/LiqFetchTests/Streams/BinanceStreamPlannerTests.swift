import LiqCore
import LiqFetch
import Testing

/// Binance's plan: one combined-stream connection per market, the stream names in the URL, nothing to send.
@Suite struct BinanceStreamPlannerTests {
    static let usdm = StreamReference.reference([StreamReference.instrument(.binanceUSDM, "BTCUSDT")])
    static let coinm = StreamReference.reference([
        StreamReference.instrument(.binanceCOINM, "BTCUSD_PERP", quote: "USD", settle: "BTC", margining: .inverse),
        StreamReference.instrument(
            .binanceCOINM, "BTCUSD_251226", quote: "USD", settle: "BTC", kind: .datedFuture, margining: .inverse),
        StreamReference.instrument(
            .binanceCOINM, "ETHUSD_PERP", base: "ETH", quote: "USD", settle: "ETH", margining: .inverse),
    ])

    @Test func usdMarginedUsesTheMarketPathWithForceOrdersAndMarks() throws {
        let endpoints = try StreamReference.planner(.binanceUSDM).endpoints(
            reference: Self.usdm, feeds: [.liquidations], baseURL: nil)
        // Marks ride along even for a liquidations-only spec: they keep the connection from ever being silent.
        #expect(
            endpoints == [
                StreamEndpoint(
                    label: "binance-usdm/forceOrder+markPrice",
                    url: "wss://fstream.binance.com/market/stream?streams=!forceOrder@arr/!markPrice@arr@1s",
                    subscribeMessages: [], heartbeat: .serverPings, staleAfterSeconds: 30)
            ])
    }

    @Test func marksOnlyAndOverriddenBase() throws {
        let endpoints = try StreamReference.planner(.binanceUSDM).endpoints(
            reference: Self.usdm, feeds: [.funding, .openInterest], baseURL: "ws://127.0.0.1:9001/")
        #expect(endpoints.map(\.url) == ["ws://127.0.0.1:9001/stream?streams=!markPrice@arr@1s"])
        #expect(endpoints.map(\.label) == ["binance-usdm/markPrice"])
    }

    @Test func restOnlyFeedsPlanNothing() throws {
        #expect(
            try StreamReference.planner(.binanceUSDM).endpoints(
                reference: Self.usdm, feeds: [.openInterest, .priceBars], baseURL: nil
            ).isEmpty)
    }

    @Test func coinMarginedMarksArePerPair() throws {
        let endpoints = try StreamReference.planner(.binanceCOINM).endpoints(
            reference: Self.coinm, feeds: [.liquidations, .markPrice], baseURL: nil)
        #expect(
            endpoints == [
                StreamEndpoint(
                    label: "binance-coinm/forceOrder+markPrice",
                    url: "wss://dstream.binance.com/stream?streams=!forceOrder@arr/btcusd@markPrice@1s/"
                        + "ethusd@markPrice@1s",
                    subscribeMessages: [], heartbeat: .serverPings, staleAfterSeconds: 30)
            ])
    }

    @Test func coinMarginedWithoutInstrumentsKeepsLiquidationsOnALongThreshold() throws {
        let planner = try StreamReference.planner(.binanceCOINM)
        let endpoints = try planner.endpoints(reference: ReferenceData(), feeds: [.liquidations], baseURL: nil)
        #expect(endpoints.map(\.url) == ["wss://dstream.binance.com/stream?streams=!forceOrder@arr"])
        #expect(endpoints.map(\.staleAfterSeconds) == [900])
        let error = #expect(throws: UnplannableFeedError.self) {
            try planner.endpoints(reference: ReferenceData(), feeds: [.markPrice], baseURL: nil)
        }
        #expect(
            error?.description
                == "binance-coinm: cannot request markPrice: COIN-M mark streams are per pair, and the reference "
                + "data lists no instrument")
    }

    @Test func binanceNeverAsksForAReply() throws {
        #expect(try StreamReference.planner(.binanceUSDM).reply(to: Array(#"{"result":null,"id":1}"#.utf8)) == nil)
    }
}
