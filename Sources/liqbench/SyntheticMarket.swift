import Foundation
import LiqCore

/// A deterministic month of one asset's market in canonical records, for timing the heatmap stage: a geometric
/// random walk of 1-minute bars with taker-buy volume, open interest every 5 minutes that drifts up and is flushed
/// in sell-offs, and liquidations spread over the month with sizes from a heavy-tailed (log-normal) law.
struct SyntheticMarket {
    var bars: [PriceBar] = []
    var openInterest: [OpenInterestSample] = []
    var liquidations: [LiquidationEvent] = []

    /// `minutes` bars from 2025-10-01T00:00Z and `events` liquidations, seeded. `meanReversion` is the share of the
    /// log-distance to the starting price recovered each minute: 0 (the default) is a pure random walk, whose range
    /// widens with the square root of time; above 0 the range stops widening (0.0005: a half-life of about a day and
    /// a stationary spread of ≈ 2.5 %), so a longer market is more of the same rather than a wider one.
    init(minutes: Int, events: Int, seed: UInt64, meanReversion: Double = 0) {
        var random = SplitMix64(seed: seed)
        func uniform() -> Double { Double(random.next() >> 11) / Double(1 << 53) }
        func normal() -> Double {
            let u = max(uniform(), .leastNormalMagnitude)
            return (-2 * log(u)).squareRoot() * cos(2 * .pi * uniform())
        }
        let start: Int64 = 1_759_276_800_000
        let anchor = 110_000.0
        var price = anchor
        var oi = 90_000.0
        for minute in 0..<minutes {
            let open = price
            price *= 1 + 0.0008 * normal()
            if meanReversion > 0 { price *= exp(-meanReversion * log(price / anchor)) }
            let high = max(open, price) * (1 + 0.0003 * abs(normal()))
            let low = min(open, price) * (1 - 0.0003 * abs(normal()))
            let volume = 50 + 40 * abs(normal())
            let time = start + Int64(minute) * 60_000
            bars.append(
                PriceBar(
                    venue: .binanceUSDM, symbol: "BTCUSDT", baseAsset: "BTC", bucketStartMs: time, intervalMs: 60_000,
                    open: open, high: high, low: low, close: price, volumeBase: volume,
                    takerBuyVolumeBase: volume * (0.5 + 0.1 * normal()).clamped(to: 0.05...0.95)))
            if minute % 5 == 0 {
                oi *= price < open ? 0.995 : 1.002
                openInterest.append(
                    OpenInterestSample(
                        venue: .binanceUSDM, symbol: "BTCUSDT", baseAsset: "BTC", timestampMs: time,
                        openInterestBase: oi, openInterestUSD: oi * price))
            }
        }
        liquidations.reserveCapacity(events)
        for index in 0..<events {
            let bar = bars[Int(uniform() * Double(bars.count))]
            let time = bar.bucketStartMs + Int64(uniform() * 60_000)
            let side: PositionSide = uniform() < 0.6 ? .long : .short
            let price = bar.low + (bar.high - bar.low) * uniform()
            let quantity = 0.01 * exp(1.2 * normal())
            liquidations.append(
                LiquidationEvent(
                    venue: .binanceUSDM, symbol: "BTCUSDT", baseAsset: "BTC", timestampMs: time, side: side,
                    price: price, priceKind: .fill, quantityBase: quantity, notionalUSD: quantity * price,
                    completeness: .sampled, eventID: EventID(value: UInt128(index))))
        }
    }
}

extension Double {
    fileprivate func clamped(to range: ClosedRange<Double>) -> Double {
        Swift.min(Swift.max(self, range.lowerBound), range.upperBound)
    }
}
