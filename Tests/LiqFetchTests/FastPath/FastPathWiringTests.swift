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
            case .binanceForceOrder, .deribitTrades:
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
