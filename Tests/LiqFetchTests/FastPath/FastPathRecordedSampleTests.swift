import LiqCore
import LiqFetch
import Testing

/// The real recorded payloads in `../shared/feeds` (skipped where absent), each re-sent compact and with
/// whitespace between every token: the fast decode equals the tree decode exactly and does not fall back.
@Suite(.enabled(if: RecordedFeeds.directory != nil, "no recorded samples in ../shared/feeds"))
struct FastPathRecordedSampleTests {
    static func isPresent(_ name: String) -> Bool {
        RecordedFeeds.directory.map { FileBytes.isRegularFile($0 + "/" + name) } ?? false
    }

    /// `value` as a compact message and as one with every kind of JSON whitespace around every token.
    static func renderings(_ value: JSONValue) -> [[UInt8]] {
        ["", " \n\t\r "].map { Array(JSONText.render(value, spacing: $0).utf8) }
    }

    static func expectSame(_ oracle: FastPathOracle, _ value: JSONValue) {
        for message in renderings(value) {
            #expect(oracle.compare(message) == .same, "\(String(decoding: message, as: UTF8.self))")
        }
    }

    @Test func binanceUSDMForceOrderFromTardis() throws {
        for message in try RecordedFeeds.payloads("binance_um_forceOrder_ws_tardis.json").elements() {
            Self.expectSame(.binanceForceOrder(.binanceUSDM), message.value)
        }
    }

    @Test(.enabled(if: isPresent("binance_cm_forceOrder_ws_tardis.json")))
    func binanceCOINMForceOrderFromTardis() throws {
        for message in try RecordedFeeds.payloads("binance_cm_forceOrder_ws_tardis.json").elements() {
            Self.expectSame(.binanceForceOrder(.binanceCOINM), message.value)
        }
    }

    @Test(.enabled(if: isPresent("okx_liquidation_orders_ws_tardis.json")))
    func okxLiquidationOrdersFromTardis() throws {
        for message in try RecordedFeeds.payloads("okx_liquidation_orders_ws_tardis.json").elements() {
            Self.expectSame(.okxLiquidation, message.value)
        }
    }

    @Test(.enabled(if: isPresent("bybit_allLiquidation_ws_fixture_nautilus.json")))
    func bybitAllLiquidationFromNautilus() throws {
        Self.expectSame(
            .bybitLiquidation, try RecordedFeeds.payloads("bybit_allLiquidation_ws_fixture_nautilus.json").value)
    }

    @Test(.enabled(if: isPresent("bybit_v5_docexamples_openinterest_funding_allLiquidation.json")))
    func bybitAllLiquidationDocExample() throws {
        let payloads = try RecordedFeeds.payloads("bybit_v5_docexamples_openinterest_funding_allLiquidation.json")
        let matching = try payloads.elements().filter {
            try $0.member("doc_path").string().hasSuffix("all-liquidation.mdx")
        }
        #expect(matching.count == 1)
        for payload in matching { Self.expectSame(.bybitLiquidation, try payload.member("body").value) }
    }

    /// Nautilus' `trades.BTC-PERPETUAL.100ms` notification as recorded (no trade flagged: nothing), then with its
    /// trades flagged by us, one per flag, so the flagged path runs on the real member order and number forms.
    @Test(.enabled(if: isPresent("deribit_trades_ws_nautilus.json")))
    func deribitTradesFromNautilus() throws {
        let notification = try RecordedFeeds.payloads("deribit_trades_ws_nautilus.json")
        Self.expectSame(.deribitTrades, notification.value)
        #expect(FastDeribitLiquidation.decode(Array(JSONText.render(notification.value).utf8)) == [])
        for flag in ["T", "M", "MT"] {
            var trades: [JSONValue] = []
            for trade in try notification.member("params").member("data").elements() {
                guard case .object(let members) = trade.value else { continue }
                trades.append(.object(members + [JSONMember(key: "liquidation", value: .string(flag))]))
            }
            let flagged = JSONValue.object([
                JSONMember(key: "jsonrpc", value: .string("2.0")),
                JSONMember(key: "method", value: .string("subscription")),
                JSONMember(
                    key: "params",
                    value: .object([
                        JSONMember(key: "channel", value: .string("trades.BTC-PERPETUAL.100ms")),
                        JSONMember(key: "data", value: .array(trades)),
                    ])),
            ])
            Self.expectSame(.deribitTrades, flagged)
            let events = FastDeribitLiquidation.decode(Array(JSONText.render(flagged).utf8))
            #expect(events?.count == (flag == "MT" ? 4 : 2))
        }
    }

    @Test func binanceDocExamplesFromNautilus() throws {
        let oracles: [(suffix: String, oracle: FastPathOracle)] = [
            ("liquidation_stream.json", .binanceForceOrder(.binanceUSDM)),
            ("open_interest_historical.json", .binanceOpenInterestHistory(.binanceUSDM)),
            ("market_funding_rate.json", .binanceFundingHistory(.binanceUSDM)),
        ]
        let payloads = try RecordedFeeds.payloads("binance_um_rest_ws_docexamples_nautilus.json").elements()
        for (suffix, oracle) in oracles {
            let matching = try payloads.filter { try $0.member("source_path").string().hasSuffix(suffix) }
            #expect(matching.count == 1, "one payload from …\(suffix)")
            for payload in matching { Self.expectSame(oracle, try payload.member("body").value) }
        }
    }
}
