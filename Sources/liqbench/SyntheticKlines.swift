import Foundation
import LiqCore

/// A seeded random walk written as USDⓈ-M 1-minute kline rows in the archive's 12-column shape (SplitMix64: the
/// same seed writes the same bytes on every machine).
struct SyntheticKlines {
    static let header =
        "open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,"
        + "taker_buy_quote_volume,ignore\n"

    private var random: SplitMix64
    private var price: Double

    init(seed: UInt64, price: Double) {
        random = SplitMix64(seed: seed)
        self.price = price
    }

    /// Appends the row of the minute opening at `openTime` (ms) to `text`.
    mutating func append(openTime: Int64, to text: inout [UInt8]) {
        func decimal(_ value: Double, _ places: Int) -> String { String(format: "%.\(places)f", value) }
        let open = price
        price *= 1 + Double.random(in: -0.001...0.001, using: &random)
        let volume = Double.random(in: 0...300, using: &random)
        let taker = volume * Double.random(in: 0...1, using: &random)
        let line =
            "\(openTime),\(decimal(open, 1)),\(decimal(max(open, price) * 1.0003, 1)),"
            + "\(decimal(min(open, price) * 0.9997, 1)),\(decimal(price, 1)),\(decimal(volume, 3)),"
            + "\(openTime + 59_999),\(decimal(volume * price, 5)),\(Int.random(in: 100...5000, using: &random)),"
            + "\(decimal(taker, 3)),\(decimal(taker * price, 5)),0\n"
        text += Array(line.utf8)
    }
}
