import Foundation
import LiqAnalytics
import LiqCore
import Testing

@Suite struct MarketPanelTests {
    static let start = CascadePanels.start

    static func liquidation(_ venue: Venue, _ side: PositionSide, usd: Double, atMs: Int64, sampled: Bool = false)
        -> LiquidationEvent
    {
        LiquidationEvent(
            venue: venue, symbol: "BTCUSDT", baseAsset: "BTC", timestampMs: atMs, side: side, price: 100,
            priceKind: .fill, quantityBase: usd / 100, notionalUSD: usd, completeness: sampled ? .sampled : .complete,
            eventID: EventID(value: UInt128(atMs) &+ UInt128(usd)))
    }

    static func bar(_ venue: Venue, minute: Int, close: Double, volume: Double = 10, takerBuy: Double? = nil)
        -> PriceBar
    {
        PriceBar(
            venue: venue, symbol: "BTCUSDT", baseAsset: "BTC", bucketStartMs: CascadePanels.minute(minute),
            intervalMs: 60_000, open: close - 1, high: close + 1, low: close - 2, close: close, volumeBase: volume,
            takerBuyVolumeBase: takerBuy)
    }

    static func openInterest(_ venue: Venue, minute: Int, usd: Double) -> OpenInterestSample {
        OpenInterestSample(
            venue: venue, symbol: "BTC-\(venue.rawValue)", baseAsset: "BTC",
            timestampMs: CascadePanels.minute(minute) + 30_000, openInterestBase: usd / 100, openInterestUSD: usd)
    }

    static func funding(_ venue: Venue, rate: Double) -> FundingSample {
        FundingSample(
            venue: venue, symbol: "BTC-\(venue.rawValue)", baseAsset: "BTC", timestampMs: start + 10_000, rate: rate,
            intervalHours: 8, kind: .predicted)
    }

    static func panel() -> MarketPanel {
        let panels = MarketPanel.build(
            liquidations: [
                liquidation(.bybit, .long, usd: 1000, atMs: start + 10_000),
                liquidation(.okx, .long, usd: 500, atMs: start + 20_000),
                liquidation(.binanceUSDM, .short, usd: 200, atMs: start + 59_999, sampled: true),
            ],
            bars: [
                bar(.okx, minute: 0, close: 100, volume: 30, takerBuy: 12),
                bar(.bybit, minute: 0, close: 101, volume: 10, takerBuy: 6),
                bar(.bybit, minute: 2, close: 102),
                bar(.bybit, minute: 3, close: 103.02),
            ],
            openInterest: [
                openInterest(.bybit, minute: 0, usd: 1000), openInterest(.okx, minute: 0, usd: 3000),
                openInterest(.okx, minute: 2, usd: 3300),
            ],
            funding: [funding(.bybit, rate: 0.0001), funding(.okx, rate: 0.0002)],
            coverage: [
                FeedCoverage(venue: .bybit, feed: .liquidations, status: .covered(.complete)),
                FeedCoverage(venue: .okx, feed: .liquidations, status: .covered(.complete)),
                FeedCoverage(venue: .deribit, feed: .liquidations, status: .unavailable(reason: "no feed")),
            ],
            venueOrder: [.bybit, .okx], config: MarketPanelConfig(openInterestMaxAgeMinutes: 2))
        return panels[0]
    }

    @Test func liquidationsAndCoverage() {
        let rows = Self.panel().rows
        #expect(rows.map(\.minuteMs) == (0..<4).map(CascadePanels.minute))
        #expect(rows[0].longUSD == 1500)
        #expect(rows[0].longCount == 2)
        #expect(rows[0].shortUSD == 200)
        #expect(rows[0].longUSDByVenue == [.bybit: 1000, .okx: 500])
        // Binance is not in the venue order, so it comes after; its sampled feed makes the minute a lower bound.
        #expect(rows[0].venues == [.bybit, .okx, .binanceUSDM])
        #expect(rows[0].lowerBound)
        #expect(rows[1].venues == [.bybit, .okx])
        #expect(!rows[1].lowerBound)
        #expect(rows[1].longUSD == 0)
    }

    @Test func pricesVolatilityAndTakerShare() {
        let rows = Self.panel().rows
        #expect(rows[0].close == 101)  // bybit first in venue order, okx's 100 ignored
        #expect(rows[0].open == 100)
        // (6 + 12) / (10 + 30) = 0.45
        #expect(rows[0].takerBuyShare == 0.45)
        #expect(rows[1].close == nil)  // a gap stays nil
        #expect(rows[2].realizedVolatility == nil)  // no previous close
        // |ln(103.02 / 102)| = ln 1.01 = 0.00995033
        #expect(abs((rows[3].realizedVolatility ?? 0) - 0.009_950_33) < 1e-8)
        #expect(rows[3].takerBuyShare == nil)
    }

    @Test func openInterestAndFunding() {
        let rows = Self.panel().rows
        #expect(rows[0].openInterestUSD == 4000)
        // Samples at 0:30 are 89.999 s old at the end of minute 1 (kept, ≤ 2 min) and 149.999 s at the end of minute 2
        // (bybit dropped); okx has a new sample in minute 2.
        #expect(rows[1].openInterestUSD == 4000)
        #expect(rows[2].openInterestUSD == 3300)
        #expect(rows[0].openInterestChange5m == nil)
        // Annualised: 0.0001 × 3 × 365 = 0.1095 and 0.219; weighted by OI 1000 and 3000:
        // (0.1095·1000 + 0.219·3000) / 4000 = 0.191625.
        #expect(abs((rows[0].fundingAnnualized ?? 0) - 0.191_625) < 1e-12)
        // Minute 2: only okx has open interest, so its rate alone: 0.219.
        #expect(abs((rows[2].fundingAnnualized ?? 0) - 0.219) < 1e-12)
    }
}
