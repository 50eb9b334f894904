import LiqCore

/// Deterministic Deribit `trades.future.{currency}.100ms` notifications (venue-feeds.md §5), one per line, as the
/// collector receives them for its subscription: every trade of every future of BTC and ETH, batched per 100 ms,
/// most of them ordinary and only some flagged as liquidations.
///
/// Why most trades are ordinary: Deribit has no liquidation channel, so the collector subscribes to the trades of
/// the whole currency and the decoders pick the flagged ones. Away from a crash, liquidation fills are a small
/// share of Deribit's futures trades (well under 1 % on a quiet day, several % in a crash hour); here one batch
/// in `liquidationBatchOdds` is a liquidation sweep (the engine's order taking one to eight levels, every fill
/// flagged), which flags about 1 % of the lines and 2 % of the trades: an active day's mix. Ordinary batches are one taker order filling one to a few levels, rarely a long sweep.
///
/// Trade members in the order of Deribit's own pushes (`samples/deribit_trades_ws_nautilus.json`), `liquidation`
/// after `trade_id`; numbers written as Deribit writes them (`92294.5`, `750.0`, `1.0`).
enum SyntheticDeribitTrades {
    /// One future: its name, currency, price level, tick decimals, contract size in USD and share of the trades.
    struct Future {
        var name: String
        var currency: String
        var price: Double
        var tickDecimals: Int
        var tick: Double
        var contractUSD: Double
        var weight: Double
    }

    /// BTC and ETH perpetuals and dated futures at October 2025 levels; the perpetuals carry most trades.
    static let futures = [
        Future(
            name: "BTC-PERPETUAL", currency: "BTC", price: 121_300, tickDecimals: 1, tick: 0.5, contractUSD: 10,
            weight: 0.66),
        Future(
            name: "BTC-31OCT25", currency: "BTC", price: 121_650, tickDecimals: 1, tick: 2.5, contractUSD: 10,
            weight: 0.05),
        Future(
            name: "BTC-26DEC25", currency: "BTC", price: 123_100, tickDecimals: 1, tick: 2.5, contractUSD: 10,
            weight: 0.04),
        Future(
            name: "BTC-27MAR26", currency: "BTC", price: 125_200, tickDecimals: 1, tick: 2.5, contractUSD: 10,
            weight: 0.02),
        Future(
            name: "ETH-PERPETUAL", currency: "ETH", price: 4360, tickDecimals: 2, tick: 0.05, contractUSD: 1,
            weight: 0.19),
        Future(
            name: "ETH-26DEC25", currency: "ETH", price: 4425, tickDecimals: 2, tick: 0.05, contractUSD: 1,
            weight: 0.04),
    ]

    /// One batch in this many is a liquidation sweep.
    static let liquidationBatchOdds = 100

    /// Notifications until their bytes (newlines excluded) reach `bytes`.
    static func notifications(bytes: Int, seed: UInt64) -> [[UInt8]] {
        var random = SplitMix64(seed: seed)
        var timeMs: Int64 = 1_760_126_400_000
        var tradeIDs: [String: Int64] = ["BTC": 403_691_825, "ETH": 291_400_430]
        var sequences = Dictionary(uniqueKeysWithValues: futures.map { ($0.name, Int64(271_252_854)) })
        var lines: [[UInt8]] = []
        var total = 0
        while total < bytes {
            timeMs += Int64.random(in: 100...600, using: &random)
            let future = pick(&random)
            let isLiquidation = Int.random(in: 0..<liquidationBatchOdds, using: &random) == 0
            let flag: String? =
                isLiquidation
                ? ["T", "T", "T", "T", "T", "T", "M", "M", "M", "MT"].randomElement(using: &random) : nil
            let count = isLiquidation ? Int.random(in: 1...8, using: &random) : ordinaryBatchSize(&random)
            let isBuy = Bool.random(using: &random)
            let mark = future.price * Double.random(in: 0.995...1.005, using: &random)
            let index = mark * Double.random(in: 0.9995...1.0005, using: &random)
            var price = (mark / future.tick).rounded() * future.tick
            var trades: [String] = []
            for _ in 0..<count {
                let contracts = max(1, Int64(pow10(Double.random(in: 0...3.3, using: &random))))
                let id = tradeIDs[future.currency, default: 0] + 1
                tradeIDs[future.currency] = id
                let sequence = sequences[future.name, default: 0] + 1
                sequences[future.name] = sequence
                trades.append(
                    #"{"timestamp":\#(timeMs),"price":\#(number(price, future.tickDecimals)),"#
                        + #""amount":\#(number(Double(contracts) * future.contractUSD, 0)),"#
                        + #""direction":"\#(isBuy ? "buy" : "sell")","index_price":\#(number(index, 2)),"#
                        + #""instrument_name":"\#(future.name)","trade_seq":\#(sequence),"#
                        + #""mark_price":\#(number(mark, 2)),"tick_direction":\#(Int.random(in: 0...3, using: &random)),"#
                        + #""contracts":\#(number(Double(contracts), 0)),"#
                        + #""trade_id":"\#(future.currency == "BTC" ? "" : "ETH-")\#(id)""#
                        + (flag.map { #","liquidation":"\#($0)""# } ?? "") + "}")
                // A sweep takes the next level: up for a buying taker, down for a selling one.
                price += isBuy ? future.tick : -future.tick
            }
            let line = Array(
                (#"{"jsonrpc":"2.0","method":"subscription","params":{"channel":"trades.future."#
                    + #"\#(future.currency).100ms","data":["# + trades.joined(separator: ",") + "]}}").utf8)
            total += line.count
            lines.append(line)
        }
        return lines
    }

    /// Ordinary batches: one fill most often, a few levels sometimes, a long sweep rarely.
    private static func ordinaryBatchSize(_ random: inout SplitMix64) -> Int {
        switch Int.random(in: 0..<100, using: &random) {
        case 0..<60: 1
        case 60..<85: Int.random(in: 2...3, using: &random)
        case 85..<96: Int.random(in: 4...8, using: &random)
        default: Int.random(in: 9...20, using: &random)
        }
    }

    private static func pick(_ random: inout SplitMix64) -> Future {
        var draw = Double.random(in: 0..<1, using: &random)
        for future in futures {
            draw -= future.weight
            if draw < 0 { return future }
        }
        return futures[0]
    }

    private static func pow10(_ exponent: Double) -> Double {
        var value = 1.0
        for _ in 0..<Int(exponent) { value *= 10 }
        return value * (1 + 9 * (exponent - exponent.rounded(.down)))
    }

    /// `value` rounded to `decimals` decimals and written as Deribit writes JSON numbers: the shortest form, with
    /// at least one decimal (`121300.0`, `4360.05`, `750.0`).
    static func number(_ value: Double, _ decimals: Int) -> String {
        var text = SyntheticFeed.fixed(value, max(1, decimals))
        while text.hasSuffix("0"), !text.hasSuffix(".0") { text.removeLast() }
        return text
    }

    /// The shares the header reports: lines holding at least one flagged trade, and flagged trades.
    static func liquidationShares(_ lines: [[UInt8]]) -> (lines: Double, trades: Double) {
        let flag = Array(#""liquidation":"#.utf8)
        let trade = Array(#""trade_id":"#.utf8)
        var flaggedLines = 0
        var flaggedTrades = 0
        var trades = 0
        for line in lines {
            let flags = line.ranges(of: flag).count
            flaggedTrades += flags
            flaggedLines += flags > 0 ? 1 : 0
            trades += line.ranges(of: trade).count
        }
        return (Double(flaggedLines) / Double(max(1, lines.count)), Double(flaggedTrades) / Double(max(1, trades)))
    }
}
