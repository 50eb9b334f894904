import LiqCore

extension SyntheticFeed {
    /// Bybit `allLiquidation.{symbol}` pushes of the linear instruments (venue-feeds.md §2), one to three rows per
    /// 500 ms batch as in a crash, until their bytes reach `bytes`. `S` is the liquidated position's side, `v` the
    /// size in contracts (base coin for linear symbols) with the instrument's step decimals, `p` the bankruptcy
    /// price with its tick decimals; `ts` is the push time, after the rows' `T`.
    static func bybitLiquidationPushes(bytes: Int, seed: UInt64) -> [[UInt8]] {
        var random = SplitMix64(seed: seed)
        var timeMs: Int64 = 1_760_126_400_000
        return lines(bytes: bytes) {
            let instrument = instruments.randomElement(using: &random)!
            let symbol = instrument.binanceSymbol
            let rows = (0..<Int.random(in: 1...3, using: &random)).map { _ in
                timeMs += Int64.random(in: 1...160, using: &random)
                let isLong = Bool.random(using: &random)
                let price = fixed(
                    instrument.price * Double.random(in: 0.9...1.1, using: &random), instrument.priceDecimals)
                let size = fixed(
                    instrument.typicalQuantity * Double.random(in: 0.05...8, using: &random),
                    instrument.quantityDecimals)
                return #"{"T":\#(timeMs),"s":"\#(symbol)","S":"\#(isLong ? "Buy" : "Sell")","v":"\#(size)","#
                    + #""p":"\#(price)"}"#
            }
            return #"{"topic":"allLiquidation.\#(symbol)","type":"snapshot","ts":\#(timeMs + 211),"data":["#
                + rows.joined(separator: ",") + "]}"
        }
    }
}
