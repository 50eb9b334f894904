import LiqCore
import LiqFetch
import Testing

/// Deribit's plan: heartbeat set-up, then currency-wide trade channels (and tickers on demand); test requests are
/// answered with `public/test`.
@Suite struct DeribitStreamPlannerTests {
    static let reference = StreamReference.reference([
        StreamReference.instrument(.deribit, "BTC-PERPETUAL", quote: "USD", settle: "BTC", margining: .inverse),
        StreamReference.instrument(
            .deribit, "BTC-26DEC25", quote: "USD", settle: "BTC", kind: .datedFuture, margining: .inverse),
        StreamReference.instrument(
            .deribit, "ETH-PERPETUAL", base: "ETH", quote: "USD", settle: "ETH", margining: .inverse),
    ])
    static let setHeartbeat = #"{"jsonrpc":"2.0","id":1,"method":"public/set_heartbeat","params":{"interval":30}}"#

    @Test func liquidationsAreTheTradesOfEachCurrency() throws {
        let endpoints = try StreamReference.planner(.deribit).endpoints(
            reference: Self.reference, feeds: [.liquidations], baseURL: nil)
        #expect(
            endpoints == [
                StreamEndpoint(
                    label: "deribit/trades", url: "wss://www.deribit.com/ws/api/v2",
                    subscribeMessages: [
                        Self.setHeartbeat,
                        #"{"jsonrpc":"2.0","id":2,"method":"public/subscribe","params":{"channels":"#
                            + #"["trades.future.BTC.100ms","trades.future.ETH.100ms"]}}"#,
                    ], heartbeat: .serverPings, staleAfterSeconds: 90)
            ])
    }

    @Test func tickersPerInstrumentWhenMarksAreAskedFor() throws {
        let endpoints = try StreamReference.planner(.deribit).endpoints(
            reference: Self.reference, feeds: [.liquidations, .openInterest], baseURL: "ws://127.0.0.1:9005")
        #expect(endpoints.map(\.url) == ["ws://127.0.0.1:9005"])
        #expect(endpoints.map(\.label) == ["deribit/trades+ticker"])
        #expect(
            endpoints.first?.subscribeMessages.last
                == #"{"jsonrpc":"2.0","id":2,"method":"public/subscribe","params":{"channels":["#
                + #""trades.future.BTC.100ms","trades.future.ETH.100ms","ticker.BTC-26DEC25.100ms","#
                + #""ticker.BTC-PERPETUAL.100ms","ticker.ETH-PERPETUAL.100ms"]}}"#)
    }

    @Test func testRequestIsAnsweredWithPublicTest() throws {
        let planner = try StreamReference.planner(.deribit)
        #expect(
            planner.reply(
                to: Array(#"{"jsonrpc":"2.0","method":"heartbeat","params":{"type":"test_request"}}"#.utf8))
                == #"{"jsonrpc":"2.0","id":3,"method":"public/test","params":{}}"#)
        // A plain heartbeat, an RPC answer, a trade notification and non-JSON need no answer.
        for message in [
            #"{"jsonrpc":"2.0","method":"heartbeat","params":{"type":"heartbeat"}}"#,
            #"{"jsonrpc":"2.0","id":1,"result":"ok","usIn":1,"usOut":2,"usDiff":1,"testnet":false}"#,
            #"{"jsonrpc":"2.0","method":"subscription","params":{"channel":"trades.future.BTC.100ms","data":[]}}"#,
            "test_request",
        ] {
            #expect(planner.reply(to: Array(message.utf8)) == nil, "\(message)")
        }
    }
}
