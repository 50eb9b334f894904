import LiqCore
import LiqFetch
import Testing

/// Bybit's plan: linear and inverse on their own endpoints, topics packed under the 21,000-character limit.
@Suite struct BybitStreamPlannerTests {
    static let reference = StreamReference.reference([
        StreamReference.instrument(.bybit, "ETHUSDT", base: "ETH"),
        StreamReference.instrument(.bybit, "BTCUSDT"),
        StreamReference.instrument(.bybit, "BTCUSD", quote: "USD", settle: "BTC", margining: .inverse),
    ])

    @Test func smallSelectionIsOneConnectionPerCategory() throws {
        let endpoints = try StreamReference.planner(.bybit).endpoints(
            reference: Self.reference, feeds: [.liquidations], baseURL: nil)
        let heartbeat = StreamHeartbeat.clientText(#"{"op":"ping"}"#, intervalSeconds: 20)
        #expect(
            endpoints == [
                StreamEndpoint(
                    label: "bybit/linear/allLiquidation#1", url: "wss://stream.bybit.com/v5/public/linear",
                    subscribeMessages: [
                        #"{"op":"subscribe","args":["allLiquidation.BTCUSDT","allLiquidation.ETHUSDT"]}"#
                    ], heartbeat: heartbeat, staleAfterSeconds: 60),
                StreamEndpoint(
                    label: "bybit/inverse/allLiquidation#1", url: "wss://stream.bybit.com/v5/public/inverse",
                    subscribeMessages: [#"{"op":"subscribe","args":["allLiquidation.BTCUSD"]}"#],
                    heartbeat: heartbeat, staleAfterSeconds: 60),
            ])
    }

    @Test func tickersJoinWhenMarksAreAskedFor() throws {
        let endpoints = try StreamReference.planner(.bybit).endpoints(
            reference: Self.reference, feeds: [.liquidations, .openInterest], baseURL: "ws://127.0.0.1:9002")
        #expect(endpoints.map(\.url) == ["ws://127.0.0.1:9002/linear", "ws://127.0.0.1:9002/inverse"])
        #expect(endpoints.first?.label == "bybit/linear/allLiquidation+tickers#1")
        #expect(
            endpoints.last?.subscribeMessages
                == [#"{"op":"subscribe","args":["allLiquidation.BTCUSD","tickers.BTCUSD"]}"#])
    }

    /// 1,500 linear and 300 inverse symbols of realistic length: several connections per category, none over the
    /// limit, every topic exactly once, never a linear symbol on the inverse endpoint.
    @Test func largeSelectionsAreSplitUnderTheArgsLimit() throws {
        let linear = (0..<1_500).map { StreamReference.instrument(.bybit, "COIN\($0)USDT", base: "COIN\($0)") }
        let inverse = (0..<300).map {
            StreamReference.instrument(
                .bybit, "COIN\($0)USD", base: "COIN\($0)", quote: "USD", settle: "COIN\($0)", margining: .inverse)
        }
        let endpoints = try StreamReference.planner(.bybit).endpoints(
            reference: StreamReference.reference(linear + inverse), feeds: [.liquidations], baseURL: nil)
        var seen: [String: Int] = [:]
        for endpoint in endpoints {
            #expect(endpoint.subscribeMessages.count == 1)
            let message = try #require(endpoint.subscribeMessages.first)
            #expect(message.count <= 21_000)
            let args = try Payload.node(message, origin: endpoint.label).member("args").elements()
                .map { try $0.string() }
            let inverseEndpoint = endpoint.url.hasSuffix("/inverse")
            for topic in args {
                seen[topic, default: 0] += 1
                // A linear symbol ends in USDT; an inverse one in USD.
                #expect(topic.hasSuffix("USDT") != inverseEndpoint, "\(topic) on \(endpoint.url)")
            }
        }
        #expect(seen.count == 1_800)
        #expect(seen.values.allSatisfy { $0 == 1 })
        // "allLiquidation.COIN{n}USDT" quoted, with its comma, is 26 + digits(n) characters: 1,500 × 26 + 4,890
        // digits = 43,890 characters, more than 2 × 21,000, so 3 linear connections; 300 inverse topics (about
        // 7,700 characters) fit in 1.
        #expect(
            endpoints.map(\.label) == [
                "bybit/linear/allLiquidation#1", "bybit/linear/allLiquidation#2", "bybit/linear/allLiquidation#3",
                "bybit/inverse/allLiquidation#1",
            ])
    }

    @Test func noInstrumentsIsAnError() throws {
        let error = #expect(throws: UnplannableFeedError.self) {
            try StreamReference.planner(.bybit).endpoints(
                reference: ReferenceData(), feeds: [.liquidations], baseURL: nil)
        }
        #expect(
            error?.description
                == "bybit: cannot request liquidations: Bybit topics are per symbol, and the reference data lists no "
                + "instrument")
    }
}
