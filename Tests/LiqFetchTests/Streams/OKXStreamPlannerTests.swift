import LiqCore
import LiqFetch
import Testing

/// OKX's plan: one public connection, `liquidation-orders` by instrument type, per-instrument channels on demand.
@Suite struct OKXStreamPlannerTests {
    static let reference = StreamReference.reference([
        StreamReference.instrument(.okx, "BTC-USDT-SWAP"),
        StreamReference.instrument(
            .okx, "BTC-USD-251226", quote: "USD", settle: "BTC", kind: .datedFuture,
            margining: .inverse),
    ])

    @Test func liquidationsCoverBothInstrumentTypes() throws {
        let endpoints = try StreamReference.planner(.okx).endpoints(
            reference: Self.reference, feeds: [.liquidations], baseURL: nil)
        #expect(
            endpoints == [
                StreamEndpoint(
                    label: "okx/liquidation-orders", url: "wss://ws.okx.com:8443/ws/v5/public",
                    subscribeMessages: [
                        #"{"op":"subscribe","args":[{"channel":"liquidation-orders","instType":"SWAP"},"#
                            + #"{"channel":"liquidation-orders","instType":"FUTURES"}]}"#
                    ], heartbeat: .clientText("ping", intervalSeconds: 20), staleAfterSeconds: 60)
            ])
    }

    @Test func perInstrumentChannelsAndFundingOnlyForPerpetuals() throws {
        let endpoints = try StreamReference.planner(.okx).endpoints(
            reference: Self.reference, feeds: [.markPrice, .funding], baseURL: "ws://127.0.0.1:9003")
        #expect(endpoints.map(\.url) == ["ws://127.0.0.1:9003"])
        #expect(endpoints.map(\.label) == ["okx/mark-price+funding-rate"])
        #expect(
            endpoints.flatMap(\.subscribeMessages) == [
                #"{"op":"subscribe","args":[{"channel":"mark-price","instId":"BTC-USD-251226"},"#
                    + #"{"channel":"mark-price","instId":"BTC-USDT-SWAP"},"#
                    + #"{"channel":"funding-rate","instId":"BTC-USDT-SWAP"}]}"#
            ])
    }

    @Test func fundingWithoutAPerpetualIsAnError() throws {
        let futuresOnly = StreamReference.reference([
            StreamReference.instrument(.okx, "BTC-USD-251226", kind: .datedFuture)
        ])
        let error = #expect(throws: UnplannableFeedError.self) {
            try StreamReference.planner(.okx).endpoints(reference: futuresOnly, feeds: [.funding], baseURL: nil)
        }
        #expect(
            error?.description
                == "okx: cannot request funding: OKX funding-rate is per instrument, and the reference data lists "
                + "none it applies to")
    }
}
