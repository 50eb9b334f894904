import LiqCore

/// The inputs of `liqpipe run`'s analytics for one asset over `minutes`, seeded: `SyntheticMarket`'s 1-minute bars,
/// 5-minute open interest and liquidations, with every other liquidation re-attributed to OKX as a complete feed
/// (the rolling Hawkes gauge reads complete tapes only, so without them it would do no work), and a settled
/// funding rate every 8 hours. Sizes grow in proportion to `minutes`, so a factor of k is k times every input.
struct ScaledMarket {
    var bars: [PriceBar]
    var openInterest: [OpenInterestSample]
    var funding: [FundingSample] = []
    var liquidations: [LiquidationEvent]
    let coverage = [
        FeedCoverage(venue: .binanceUSDM, feed: .liquidations, status: .covered(.sampled)),
        FeedCoverage(venue: .okx, feed: .liquidations, status: .covered(.complete)),
    ]

    /// Every input record: bars, open interest, funding and liquidations.
    var records: Int { bars.count + openInterest.count + funding.count + liquidations.count }

    /// `meanReversion` as `SyntheticMarket` takes it: 0 for a random walk whose range widens with time.
    init(minutes: Int, liquidationsPerMinute: Int, seed: UInt64, meanReversion: Double) {
        let market = SyntheticMarket(
            minutes: minutes, events: minutes * liquidationsPerMinute, seed: seed, meanReversion: meanReversion)
        bars = market.bars
        openInterest = market.openInterest
        liquidations = market.liquidations
        for index in stride(from: 1, to: liquidations.count, by: 2) {
            liquidations[index].venue = .okx
            liquidations[index].symbol = "BTC-USDT-SWAP"
            liquidations[index].completeness = .complete
        }
        var random = SplitMix64(seed: seed &+ 1)
        for bar in bars where bar.bucketStartMs % (8 * 3_600_000) == 0 {
            let rate = 0.0001 + 0.0002 * (Double(random.next() >> 11) / Double(1 << 53) - 0.5)
            funding.append(
                FundingSample(
                    venue: .binanceUSDM, symbol: "BTCUSDT", baseAsset: "BTC", timestampMs: bar.bucketStartMs,
                    rate: rate, intervalHours: 8, kind: .settled))
        }
    }
}
