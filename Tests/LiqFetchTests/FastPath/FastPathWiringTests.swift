import LiqCore
import LiqFetch
import Testing

/// The wiring proposed for the stream decoders and the adapters' REST decoding (fast path first, the existing
/// tree path otherwise), written here as it would be applied, and proven to give what the existing code gives:
/// the same records, or the same error description.
@Suite struct FastPathWiringTests {
    /// `BinanceStreamDecoder.decode(line:origin:)` as proposed.
    static func binanceLine(_ decoder: inout BinanceStreamDecoder, _ line: [UInt8], origin: String) throws
        -> [VenueRecord]
    {
        guard let events = FastBinanceForceOrder.decode(line, venue: decoder.venue) else {
            return try decoder.decode(JSONNode.parse(line, origin: origin))
        }
        return events.filter { decoder.symbols.contains($0.symbol) }.map(VenueRecord.liquidation)
    }

    /// `OKXStreamDecoder.decode(line:origin:)` as proposed.
    static func okxLine(_ decoder: inout OKXStreamDecoder, _ line: [UInt8], origin: String) throws -> [VenueRecord] {
        guard let events = FastOKXLiquidation.decode(line) else {
            return try decoder.decode(JSONNode.parse(line, origin: origin))
        }
        return events.filter { decoder.symbols.contains($0.symbol) }.map(VenueRecord.liquidation)
    }

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
        for venue in [Venue.binanceUSDM, .binanceCOINM] {
            var proposed = BinanceStreamDecoder(venue: venue, symbols: ["BTCUSDT"])
            var existing = proposed
            for (number, line) in lines.enumerated() {
                let origin = "capture.ndjson:\(number + 1)"
                #expect(
                    Self.outcome { try Self.binanceLine(&proposed, line, origin: origin) }
                        == Self.outcome { try existing.decode(line: line, origin: origin) })
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
        var proposed = OKXStreamDecoder(symbols: ["BTC-USDT-SWAP", "ETH-USDT-SWAP"])
        var existing = proposed
        for (number, line) in lines.enumerated() {
            let origin = "okx.ndjson:\(number + 1)"
            #expect(
                Self.outcome { try Self.okxLine(&proposed, line, origin: origin) }
                    == Self.outcome { try existing.decode(line: line, origin: origin) })
        }
    }

    /// The proposed REST hook of `BinanceFuturesAdapter`, for the two history feeds.
    static func binanceFeed(_ adapter: BinanceFuturesAdapter, body: [UInt8], for request: VenueRequest)
        -> [VenueRecord]?
    {
        let keep = Set(adapter.selection.symbols)
        switch request.path {
        case BinanceEndpoints.openInterestHistory(adapter.venue, symbol: "", period: "", limit: 0).path:
            return FastBinanceOpenInterest.decodeHistory(body, venue: adapter.venue)?
                .filter { keep.contains($0.symbol) }.map(VenueRecord.openInterest)
        case BinanceEndpoints.fundingRateHistory(adapter.venue, symbol: "", limit: 0).path:
            return FastBinanceFunding.decodeSettled(body, venue: adapter.venue)?
                .filter { keep.contains($0.symbol) }.map(VenueRecord.funding)
        default:
            return nil
        }
    }

    /// The proposed REST hook of `OKXAdapter`, for liquidation orders.
    static func okxFeed(_ adapter: OKXAdapter, body: [UInt8], for request: VenueRequest) -> [VenueRecord]? {
        guard request.path == OKXEndpoints.liquidationOrders(instType: "", underlying: "", limit: 0).path else {
            return nil
        }
        let keep = Set(adapter.selection.symbols)
        return FastOKXLiquidation.decode(body)?.filter { keep.contains($0.symbol) }.map(VenueRecord.liquidation)
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
                fast = { Self.binanceFeed(binance, body: $0, for: request) }
                tree = { try binance.decodeFeed($0, for: request) }
            case .binanceFundingHistory:
                request = BinanceEndpoints.fundingRateHistory(.binanceUSDM, symbol: "BTCUSDT", limit: 1000)
                fast = { Self.binanceFeed(binance, body: $0, for: request) }
                tree = { try binance.decodeFeed($0, for: request) }
            case .okxLiquidation:
                request = OKXEndpoints.liquidationOrders(instType: "SWAP", underlying: "BTC-USDT", limit: 100)
                fast = { Self.okxFeed(okx, body: $0, for: request) }
                tree = { try okx.decodeFeed($0, for: request) }
            case .binanceForceOrder:
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
