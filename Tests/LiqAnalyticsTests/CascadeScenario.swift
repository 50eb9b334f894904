import Foundation
import LiqAnalytics
import LiqCore

/// Canonical inputs for one asset built minute by minute, for end-to-end detector tests through `MarketPanel.build`:
/// calm Poisson liquidations (exponential sizes) on top of whatever a test adds, one 1-minute bar per minute,
/// one open-interest and one funding sample per minute.
struct CascadeScenario {
    var random: SplitMix64
    var liquidations: [LiquidationEvent] = []
    var bars: [PriceBar] = []
    var openInterest: [OpenInterestSample] = []
    var funding: [FundingSample] = []
    let asset = "BTC"

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    /// Knuth's Poisson sampler (fine for small means).
    mutating func poisson(_ mean: Double) -> Int {
        let limit = exp(-mean)
        var product = Double.random(in: 0..<1, using: &random)
        var count = 0
        while product > limit {
            product *= Double.random(in: 0..<1, using: &random)
            count += 1
        }
        return count
    }

    /// Standard normal by Box–Muller.
    mutating func normal() -> Double {
        let u = Double.random(in: Double.ulpOfOne..<1, using: &random)
        let v = Double.random(in: 0..<1, using: &random)
        return (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
    }

    /// `rate` liquidations per minute on each side, sizes exponential with mean `meanUSD`.
    mutating func calmLiquidations(minute: Int, rate: Double = 0.25, meanUSD: Double = 5_000, price: Double) {
        for side in PositionSide.allCases {
            for _ in 0..<poisson(rate) {
                let usd = -meanUSD * log(Double.random(in: Double.ulpOfOne..<1, using: &random))
                add(side: side, usd: usd, minute: minute, price: price)
            }
        }
    }

    mutating func add(side: PositionSide, usd: Double, minute: Int, price: Double, venue: Venue = .bybit) {
        let timestampMs = CascadePanels.minute(minute) + Int64.random(in: 0..<60_000, using: &random)
        liquidations.append(
            LiquidationEvent(
                venue: venue, symbol: "BTCUSDT", baseAsset: asset, timestampMs: timestampMs, side: side, price: price,
                priceKind: .fill, quantityBase: usd / price, notionalUSD: usd, completeness: .complete,
                eventID: EventID(value: UInt128(liquidations.count))))
    }

    mutating func market(
        minute: Int, open: Double, close: Double, takerBuyShare: Double, openInterestUSD: Double,
        fundingAnnualized: Double
    ) {
        let startMs = CascadePanels.minute(minute)
        bars.append(
            PriceBar(
                venue: .bybit, symbol: "BTCUSDT", baseAsset: asset, bucketStartMs: startMs, intervalMs: 60_000,
                open: open, high: max(open, close), low: min(open, close), close: close, volumeBase: 100,
                takerBuyVolumeBase: 100 * takerBuyShare))
        openInterest.append(
            OpenInterestSample(
                venue: .bybit, symbol: "BTCUSDT", baseAsset: asset, timestampMs: startMs + 30_000,
                openInterestBase: openInterestUSD / close, openInterestUSD: openInterestUSD))
        // An 8-hour rate whose annualised value is `fundingAnnualized`.
        funding.append(
            FundingSample(
                venue: .bybit, symbol: "BTCUSDT", baseAsset: asset, timestampMs: startMs + 30_000,
                rate: fundingAnnualized * 8 / (24 * 365), intervalHours: 8, kind: .predicted))
    }

    func panels() -> [MarketPanel] {
        MarketPanel.build(
            liquidations: liquidations, bars: bars, openInterest: openInterest, funding: funding,
            coverage: [FeedCoverage(venue: .bybit, feed: .liquidations, status: .covered(.complete))])
    }
}
