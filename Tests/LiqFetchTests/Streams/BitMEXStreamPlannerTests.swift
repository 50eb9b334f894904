import LiqCore
import LiqFetch
import Testing

/// BitMEX's plan: the `liquidation` table plus the selected instrument rows (the clock liquidations are stamped
/// with), kept alive by ping frames.
@Suite struct BitMEXStreamPlannerTests {
    static let reference = StreamReference.reference([
        StreamReference.instrument(.bitmex, "XBTUSD", quote: "USD", settle: "XBT", margining: .inverse),
        StreamReference.instrument(.bitmex, "ETHUSD", base: "ETH", quote: "USD", settle: "XBT", margining: .quanto),
    ])

    @Test func liquidationsComeWithTheInstrumentClock() throws {
        let endpoints = try StreamReference.planner(.bitmex).endpoints(
            reference: Self.reference, feeds: [.liquidations], baseURL: nil)
        #expect(
            endpoints == [
                StreamEndpoint(
                    label: "bitmex/liquidation+instrument", url: "wss://ws.bitmex.com/realtime",
                    subscribeMessages: [
                        #"{"op":"subscribe","args":["liquidation","instrument:ETHUSD","instrument:XBTUSD"]}"#
                    ], heartbeat: .clientPingFrame(intervalSeconds: 5), staleAfterSeconds: 60)
            ])
    }

    @Test func marksOnlySubscribeTheInstrumentRows() throws {
        let endpoints = try StreamReference.planner(.bitmex).endpoints(
            reference: Self.reference, feeds: [.markPrice], baseURL: "ws://127.0.0.1:9004/realtime")
        #expect(endpoints.map(\.url) == ["ws://127.0.0.1:9004/realtime"])
        #expect(
            endpoints.flatMap(\.subscribeMessages)
                == [#"{"op":"subscribe","args":["instrument:ETHUSD","instrument:XBTUSD"]}"#])
        #expect(
            try StreamReference.planner(.bitmex).endpoints(
                reference: Self.reference, feeds: [.priceBars], baseURL: nil
            ).isEmpty)
    }
}
