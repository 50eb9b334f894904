import LiqAnalytics
import LiqCore
import Testing

@Suite struct LiquidationTotalsTests {
    static func event(
        _ venue: Venue, _ base: String, _ time: Int64, _ side: PositionSide, usd: Double, sampled: Bool = false
    )
        -> LiquidationEvent
    {
        LiquidationEvent(
            venue: venue, symbol: base + "X", baseAsset: base, timestampMs: time, side: side, price: 1,
            priceKind: .fill,
            quantityBase: usd, notionalUSD: usd, completeness: sampled ? .sampled : .complete,
            eventID: EventID(value: UInt128(time)))
    }

    @Test func sumsPerAssetSideAndVenueAndTheBreakdownAddsUp() throws {
        let totals = LiquidationTotals(events: [
            Self.event(.okx, "BTC", 3, .long, usd: 250),
            Self.event(.binanceUSDM, "BTC", 1, .long, usd: 1000, sampled: true),
            Self.event(.binanceUSDM, "BTC", 2, .short, usd: 500, sampled: true),
            Self.event(.okx, "ETH", 4, .short, usd: 75),
        ])
        #expect(totals.assets.map(\.baseAsset) == ["BTC", "ETH"])
        let btc = totals.assets[0]
        // Longs 1,000 + 250 = 1,250; shorts 500; three events; Binance is sampled so BTC is a lower bound.
        #expect(btc.longUSD == 1250)
        #expect(btc.shortUSD == 500)
        #expect(btc.totalUSD == 1750)
        #expect(btc.events == 3)
        #expect(btc.isLowerBound)
        #expect(btc.venues.map(\.venue) == [.binanceUSDM, .okx])
        #expect(btc.venues[0].completeness == .sampled)
        #expect(btc.venues.reduce(0) { $0 + $1.longUSD + $1.shortUSD } == btc.totalUSD)
        #expect(!totals.assets[1].isLowerBound)
        #expect(totals.assets[1].shortUSD == 75)
    }

    @Test func resultDoesNotDependOnInputOrder() {
        var events: [LiquidationEvent] = []
        for index in 0..<200 {
            events.append(
                Self.event(
                    index % 2 == 0 ? .okx : .binanceUSDM, "BTC", Int64(index), .long, usd: 0.1 * Double(index % 7)))
        }
        #expect(LiquidationTotals(events: events) == LiquidationTotals(events: events.reversed()))
        #expect(LiquidationTotals(events: events) == LiquidationTotals(events: events.shuffled()))
    }
}
