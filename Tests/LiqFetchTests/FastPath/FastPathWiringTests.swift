import LiqCore
import LiqFetch
import Testing

/// The fast path as wired into the stream decoders (`decode(line:origin:)`) and the adapters (`fastDecodeFeed`),
/// proven to give what the tree path gives: the same records, or the same error description.
@Suite struct FastPathWiringTests {
    /// Records, or the error's description, so outcomes compare whole.
    static func outcome(_ decode: () throws -> [VenueRecord]) -> String {
        do {
            return "\(try decode())"
        } catch {
            return "error: \(error)"
        }
    }

    /// Capture lines, control messages and seeded mutants of both.
    static func lines(_ real: [[UInt8]], control: [String], seed: UInt64) -> [[UInt8]] {
        let base = real + control.map { Array($0.utf8) }
        var random = SplitMix64(seed: seed)
        return base
            + (0..<3000).map { _ in FastPathMutationTests.mutate(base.randomElement(using: &random)!, using: &random) }
    }

    @Test func binanceStreamOverrideMatchesTheDefault() throws {
        let lines = Self.lines(
            try FastPathCorpus.binanceCaptureLines(),
            control: [#"{"result":null,"id":1}"#, #"{"id":1,"data":null}"#, #"{"error":{"code":2,"msg":"x"},"id":3}"#],
            seed: 11)
        for (venue, feeds) in [
            (Venue.binanceUSDM, Set<Feed>([.liquidations, .markPrice])), (.binanceCOINM, [.liquidations]),
            (.binanceUSDM, [.markPrice]),
        ] {
            var wired = BinanceStreamDecoder(venue: venue, symbols: ["BTCUSDT"], feeds: feeds)
            var tree = wired
            for (number, line) in lines.enumerated() {
                let origin = "capture.ndjson:\(number + 1)"
                #expect(
                    Self.outcome { try wired.decode(line: line, origin: origin) }
                        == Self.outcome { try tree.decode(JSONNode.parse(line, origin: origin)) })
            }
        }
    }

    @Test func okxStreamOverrideMatchesTheDefault() throws {
        let lines = Self.lines(
            try FastPathCorpus.okxPayloads().filter { $0.count < 1024 },
            control: [
                #"{"event":"subscribe","arg":{"channel":"liquidation-orders","instType":"SWAP"},"connId":"a4d3ae55"}"#,
                #"{"event":"error","code":"60018","msg":"channel:liquidations doesn't exist","connId":"a4d3ae55"}"#,
            ],
            seed: 12)
        var wired = OKXStreamDecoder(symbols: ["BTC-USDT-SWAP", "ETH-USDT-SWAP"], feeds: [.liquidations])
        var tree = wired
        for (number, line) in lines.enumerated() {
            let origin = "okx.ndjson:\(number + 1)"
            #expect(
                Self.outcome { try wired.decode(line: line, origin: origin) }
                    == Self.outcome { try tree.decode(JSONNode.parse(line, origin: origin)) })
        }
    }

    /// Whole capture files in order (operation answers, ticker snapshots and deltas, liquidations), then mutants:
    /// the ticker state the tree path builds must be the same whichever path the liquidation lines took.
    @Test func bybitStreamOverrideMatchesTheDefault() throws {
        var captures: [[UInt8]] = []
        for entry in FastPathCorpus.entries where entry.oracle.description.hasPrefix("Bybit") {
            let bytes = try FileBytes.read(FastPathCorpus.fixtures + "/" + entry.relativePath, maxBytes: 16 << 20)
            captures += bytes.split(separator: 0x0A).map(Array.init)
        }
        let lines = Self.lines(
            captures,
            control: [
                #"{"success":false,"ret_msg":"error:handler not found","conn_id":"c1","req_id":"1","op":"subscribe"}"#,
                #"{"op":"pong","args":["1760126400000"],"conn_id":"c1"}"#,
                #"{"topic":"allLiquidation.BTCUSDT","op":null,"data":[{"T":1,"s":"BTCUSDT","S":"Buy","v":"1","p":"2"}]}"#,
            ],
            seed: 13)
        for symbols: Set<String> in [["BTCUSDT", "ETHUSDT", "BTCUSD"], ["ETHUSDT"]] {
            var wired = BybitStreamDecoder(symbols: symbols, tickerFeeds: [.markPrice, .funding, .openInterest])
            var tree = wired
            for (number, line) in lines.enumerated() {
                let origin = "bybit.ndjson:\(number + 1)"
                #expect(
                    Self.outcome { try wired.decode(line: line, origin: origin) }
                        == Self.outcome { try tree.decode(JSONNode.parse(line, origin: origin)) })
            }
        }
    }

    /// The whole capture in order (welcome, acknowledgements, the `partial`, instrument rows that move the clock,
    /// every insert, update and delete), then mutants, for several selections: the resting orders and the clock
    /// must evolve alike whichever path each line took.
    @Test func bitmexStreamOverrideMatchesTheDefault() throws {
        var capture: [[UInt8]] = []
        for entry in FastPathCorpus.entries where entry.oracle.description.hasPrefix("BitMEX") {
            let bytes = try FileBytes.read(FastPathCorpus.fixtures + "/" + entry.relativePath, maxBytes: 16 << 20)
            capture += bytes.split(separator: 0x0A).map(Array.init)
        }
        let lines = Self.lines(
            capture,
            control: [
                #"{"status":429,"error":"Rate limit exceeded","meta":{}}"#,
                #"{"table":"liquidation","action":"insert","data":[{"orderID":"a","symbol":"XBTUSD","side":"Buy","#
                    + #""price":1,"leavesQty":2},{"orderID":"a","symbol":"XBTUSD","side":"Buy","price":3,"leavesQty":4}]}"#,
            ],
            seed: 14)
        for (symbols, feeds) in [
            (Set(["XBTUSD", "ETHUSDT"]), Set<Feed>([.liquidations, .markPrice, .openInterest, .funding])),
            (["XBTUSD"], [.liquidations]), (["ETHUSDT"], [.markPrice]),
        ] {
            var wired = BitMEXStreamDecoder(symbols: symbols, feeds: feeds)
            var tree = wired
            for (number, line) in lines.enumerated() {
                let origin = "bitmex.ndjson:\(number + 1)"
                #expect(
                    Self.outcome { try wired.decode(line: line, origin: origin) }
                        == Self.outcome { try tree.decode(JSONNode.parse(line, origin: origin)) })
            }
            #expect(wired.clockMs == tree.clockMs)
        }
    }

    /// An insert before any venue time: the tree's error, on both paths; an unselected symbol is no error.
    @Test func bitmexInsertBeforeAnyClockTakesTheTreePath() {
        let insert =
            #"{"table":"liquidation","action":"insert","data":[{"orderID":"o1","symbol":"XBTUSD","side":"Sell","#
            + #""price":122111.0,"leavesQty":7300}]}"#
        for symbols: Set<String> in [["XBTUSD"], ["ETHUSDT"]] {
            var wired = BitMEXStreamDecoder(symbols: symbols, feeds: [.liquidations])
            var tree = wired
            let viaLine = Self.outcome { try wired.decode(line: Array(insert.utf8), origin: "bitmex.ndjson:1") }
            #expect(
                viaLine
                    == Self.outcome { try tree.decode(JSONNode.parse(Array(insert.utf8), origin: "bitmex.ndjson:1")) })
            #expect(viaLine.hasPrefix("error: ") == symbols.contains("XBTUSD"), "\(viaLine)")
        }
    }

    @Test func deribitStreamOverrideMatchesTheDefault() throws {
        let lines = Self.lines(
            try FastPathCorpus.deribitNotifications().filter { $0.count < 1024 },
            control: [
                #"{"jsonrpc":"2.0","id":2,"result":["trades.future.BTC.100ms"],"usIn":1,"usOut":2,"usDiff":1}"#,
                #"{"jsonrpc":"2.0","method":"heartbeat","params":{"type":"test_request"}}"#,
                #"{"jsonrpc":"2.0","id":1,"error":{"code":10028,"message":"too_many_requests","data":null}}"#,
                DeribitPayloads.notification("ticker.BTC-PERPETUAL.100ms", DeribitPayloads.ticker()),
            ],
            seed: 13)
        for feeds in [Set<Feed>([.liquidations, .markPrice]), [.liquidations], [.openInterest]] {
            var wired = DeribitStreamDecoder(symbols: ["BTC-PERPETUAL", "ETH-PERPETUAL"], feeds: feeds)
            var tree = wired
            for (number, line) in lines.enumerated() {
                let origin = "deribit.ndjson:\(number + 1)"
                #expect(
                    Self.outcome { try wired.decode(line: line, origin: origin) }
                        == Self.outcome { try tree.decode(JSONNode.parse(line, origin: origin)) })
            }
        }
    }

    @Test func restHooksMatchDecodeFeedOnTheFixtures() throws {
        let binance = BinanceFuturesAdapter(
            venue: .binanceUSDM, selection: VenueSelection(symbols: ["BTCUSDT"], feeds: [.openInterest, .funding]))
        let okx = OKXAdapter(selection: VenueSelection(symbols: ["BTC-USDT-SWAP"], feeds: [.liquidations]))
        var compared = 0
        for entry in FastPathCorpus.entries where !entry.isCapture {
            let request: VenueRequest
            let fast: ([UInt8]) -> [VenueRecord]?
            let tree: (JSONNode) throws -> [VenueRecord]
            switch entry.oracle {
            case .binanceOpenInterestHistory:
                request = BinanceEndpoints.openInterestHistory(
                    .binanceUSDM, symbol: "BTCUSDT", period: "5m", limit: 500)
                fast = { binance.fastDecodeFeed($0, for: request) }
                tree = { try binance.decodeFeed($0, for: request) }
            case .binanceFundingHistory:
                request = BinanceEndpoints.fundingRateHistory(.binanceUSDM, symbol: "BTCUSDT", limit: 1000)
                fast = { binance.fastDecodeFeed($0, for: request) }
                tree = { try binance.decodeFeed($0, for: request) }
            case .okxLiquidation:
                request = OKXEndpoints.liquidationOrders(instType: "SWAP", underlying: "BTC-USDT", limit: 100)
                fast = { okx.fastDecodeFeed($0, for: request) }
                tree = { try okx.decodeFeed($0, for: request) }
            case .binanceForceOrder, .deribitTrades, .bybitLiquidation, .bitmexLiquidation:
                continue
            }
            for body in try FastPathCorpus.payloads(entry) {
                let records = try #require(fast(body))
                #expect(records == (try tree(JSONNode.parse(body, origin: entry.relativePath))))
                compared += 1
            }
        }
        #expect(compared >= 5)
    }
}
