import Foundation
import LiqCore
import LiqFetch

/// `liqbench decode`: the fast path, the tree decoder and Foundation's `JSONDecoder` on the same synthetic
/// messages of each venue. Exits non-zero when the decoders disagree or the fast path falls back, since then
/// the figures would not compare like with like.
struct DecodeCommand {
    static let usage = "usage: liqbench decode [--mb N] [--runs R]"

    /// Message text per venue corpus, in MB (10⁶ bytes).
    let megabytes: Int
    /// Timed passes per decoder; the median is reported.
    let runs: Int

    init?(options: ArraySlice<String>) {
        guard let parsed = SizeAndRuns(options, megabytes: 32, runs: 5) else { return nil }
        (megabytes, runs) = (parsed.megabytes, parsed.runs)
    }

    func run() {
        print("liqbench decode — \(Machine.describe()), single thread")
        let decoder = JSONDecoder()
        measure(
            title: "Binance !forceOrder@arr capture lines",
            lines: SyntheticFeed.binanceForceOrders(bytes: megabytes * 1_000_000, seed: 1),
            fast: { FastBinanceForceOrder.decode($0, venue: .binanceUSDM) },
            tree: { try BinanceLiquidationDecoder.decode($0, venue: .binanceUSDM) },
            foundation: {
                let message = try decoder.decode(BinanceForceOrderMessage.self, from: $0)
                return message.liquidation(venue: .binanceUSDM).map { [$0] } ?? []
            })
        measure(
            title: "OKX liquidation-orders pushes",
            lines: SyntheticFeed.okxLiquidationPushes(bytes: megabytes * 1_000_000, seed: 2),
            fast: { FastOKXLiquidation.decode($0, pushOnly: true) },
            tree: { try OKXLiquidationDecoder.decode($0) },
            foundation: { try decoder.decode(OKXLiquidationPush.self, from: $0).liquidations() })
        let deribit = SyntheticDeribitTrades.notifications(bytes: megabytes * 1_000_000, seed: 3)
        let deribitShares = SyntheticDeribitTrades.liquidationShares(deribit)
        measure(
            title: "Deribit trades.future.{BTC,ETH}.100ms notifications (liquidations in "
                + "\((deribitShares.lines * 100).formatted(.number.precision(.fractionLength(1)))) % of lines, "
                + "\((deribitShares.trades * 100).formatted(.number.precision(.fractionLength(1)))) % of trades)",
            lines: deribit, fast: { FastDeribitLiquidation.decode($0) },
            tree: { try DeribitLiquidationDecoder.decode(trades: $0.member("params").member("data").elements()) },
            foundation: { try decoder.decode(DeribitTradesNotification.self, from: $0).liquidations() })
        measure(
            title: "Bybit allLiquidation pushes",
            lines: SyntheticFeed.bybitLiquidationPushes(bytes: megabytes * 1_000_000, seed: 3),
            fast: { FastBybitLiquidation.decode($0) },
            tree: { try BybitLiquidationDecoder.decode($0) },
            foundation: { try decoder.decode(BybitLiquidationPush.self, from: $0).liquidations() })
        measure(
            title: "BitMEX liquidation table messages (insert, update, delete)",
            lines: SyntheticFeed.bitmexLiquidationMessages(bytes: megabytes * 1_000_000, seed: 4),
            fast: {
                switch FastBitMEXLiquidation.decode($0, timestampMs: SyntheticFeed.bitmexClockMs) {
                case .insert(let liquidations): liquidations
                case .update, .delete: []
                case nil: nil
                }
            },
            tree: { (message) throws -> [VenueLiquidation] in
                // What `BitMEXStreamDecoder` reads: every row's orderID, an insert's rows whole.
                let isInsert = try message.member("action").string() == "insert"
                var events: [VenueLiquidation] = []
                for row in try message.member("data").elements() {
                    _ = try row.member("orderID").string()
                    if isInsert {
                        events.append(
                            try BitMEXLiquidationDecoder.decode(row, timestampMs: SyntheticFeed.bitmexClockMs))
                    }
                }
                return events
            },
            foundation: {
                try decoder.decode(BitMEXLiquidationMessage.self, from: $0).liquidations(
                    timestampMs: SyntheticFeed.bitmexClockMs)
            })
    }

    private func measure(
        title: String, lines: [[UInt8]], fast: @escaping ([UInt8]) -> [VenueLiquidation]?,
        tree: @escaping (JSONNode) throws -> [VenueLiquidation],
        foundation: @escaping (Data) throws -> [VenueLiquidation]
    ) {
        // JSONDecoder reads `Data`: converted up front so the copy is not timed against it.
        let datas = lines.map { Data($0) }
        let benchmark = DecodeBenchmark(
            title: title, messages: lines.count, bytes: lines.reduce(0) { $0 + $1.count }, runs: runs)
        print("\ninput resident (messages as [UInt8] and as Data): \((ProcessMemory.residentBytes() ?? 0) >> 20) MiB")
        let outcomes = benchmark.measure([
            .init(name: "fast path (LiqFetch/FastPath)") {
                var digest = DecodeDigest()
                for line in lines {
                    guard let events = fast(line) else {
                        Self.fail("the fast path fell back on \(String(decoding: line, as: UTF8.self))")
                    }
                    for event in events { digest.add(event) }
                }
                return digest
            },
            .init(name: "tree (JSONParser + decoder)") {
                var digest = DecodeDigest()
                for line in lines {
                    do {
                        for event in try tree(JSONNode.parse(line, origin: "liqbench")) { digest.add(event) }
                    } catch {
                        Self.fail("the tree decoder failed: \(error)")
                    }
                }
                return digest
            },
            .init(name: "Foundation JSONDecoder + Codable") {
                var digest = DecodeDigest()
                for data in datas {
                    do {
                        for event in try foundation(data) { digest.add(event) }
                    } catch {
                        Self.fail("JSONDecoder failed: \(error)")
                    }
                }
                return digest
            },
        ])
        guard Set(outcomes.map { "\($0.digest)" }).count == 1 else {
            Self.fail("the decoders disagree: \(outcomes.map { "\($0.name): \($0.digest)" })")
        }
        print(benchmark.report(outcomes))
    }

    private static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        exit(1)
    }
}
