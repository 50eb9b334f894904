import Foundation
import LiqAnalytics
import LiqCore
import Testing

@Suite struct CascadeScenarioTests {
    /// A calm day: 0.25 liquidations/min per side of mean $5k, price a random walk of 0.05% per minute (15-minute
    /// σ ≈ 0.19%, so a 1% move is a 5σ event), funding 11%/yr, OI wandering 0.01%/min.
    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func calmDayHasNoEvents(seed: UInt64) {
        var scenario = CascadeScenario(seed: seed)
        var price = 100_000.0
        var openInterest = 1e10
        for minute in 0..<1440 {
            let open = price
            price *= exp(0.0005 * scenario.normal())
            openInterest *= 1 + 0.0001 * scenario.normal()
            scenario.calmLiquidations(minute: minute, price: price)
            scenario.market(
                minute: minute, open: open, close: price, takerBuyShare: 0.5 + 0.05 * scenario.normal(),
                openInterestUSD: openInterest, fundingAnnualized: 0.11)
        }
        let panels = scenario.panels()
        #expect(panels.first?.rows.count == 1440)
        let detection = CascadeDetector().detect(panels: panels)
        #expect(detection.events.isEmpty, "\(detection.events.map(\.reasonsText))")
        #expect(detection.states.map(\.state) == [.idle, .idle])
    }

    /// Shaped like 10 Oct 2025 (anchors §7.6): calm until 20:50 (minute 110), then long liquidations of
    /// 3, 10, 30, 60, 100 (peak, 20:54), 80, 50, 30, 15, 8 $M, then 2 and 1 $M and calm again; price −1.2%, −2%, −3%,
    /// −3.8%, −5% by minute 114 and flat after; OI −2% a minute for 110–116 then flat; funding from 40%/yr falling
    /// linearly to 5%/yr at minute 120; taker-buy share 0.3 during the flush and 0.6 from minute 120.
    /// Designed end: minute 120 (liquidations under 20% of the peak from 118, funding reset, flat price, new buying).
    @Test(arguments: [7, 8, 9] as [UInt64])
    func tenOctoberShape(seed: UInt64) throws {
        var scenario = CascadeScenario(seed: seed)
        let burst: [Double] = [3, 10, 30, 60, 100, 80, 50, 30, 15, 8, 2, 1].map { $0 * 1e6 }
        let drop: [Int: Double] = [110: 0.988, 111: 0.98, 112: 0.97, 113: 0.962]
        var price = 122_000.0
        var openInterest = 2e10
        for minute in 0..<180 {
            let open = price
            if minute < 110 {
                price *= exp(0.0003 * scenario.normal())
            } else if let factor = drop[minute] {
                price = 122_000 * factor
            } else if minute == 114 {
                price = 122_000 * 0.95
            }
            if (110...116).contains(minute) { openInterest *= 0.98 }
            let funding = minute < 110 ? 0.40 : max(0.05, 0.40 - 0.035 * Double(minute - 110))
            let taker = (110..<120).contains(minute) ? 0.3 : minute >= 120 ? 0.6 : 0.5
            scenario.calmLiquidations(minute: minute, price: price)
            if (110..<122).contains(minute) {
                // Split over two venues so venue shares are exercised.
                scenario.add(side: .long, usd: burst[minute - 110] * 0.7, minute: minute, price: price, venue: .bybit)
                scenario.add(side: .long, usd: burst[minute - 110] * 0.3, minute: minute, price: price, venue: .okx)
            }
            scenario.market(
                minute: minute, open: open, close: price, takerBuyShare: taker, openInterestUSD: openInterest,
                fundingAnnualized: funding)
        }
        let detection = CascadeDetector().detect(panels: scenario.panels())
        let event = try #require(detection.events.first { $0.side == .long })
        #expect(detection.events.filter { $0.side == .long }.count == 1)
        let startMinute = Int((event.startMs - CascadePanels.start) / 60_000)
        #expect((110...112).contains(startMinute))
        let endMinute = Int((try #require(event.endMs) - CascadePanels.start) / 60_000)
        #expect(abs(endMinute - 120) <= 5, "ended at \(endMinute): \(event.reasonsText)")
        #expect(event.peakMs == CascadePanels.minute(114))
        #expect(event.state == .exhausted)
        #expect(event.exhaustionScore >= 3)
        // Burst 3+10+30+60+100+80+50+30+15+8 = 386 $M up to minute 119, 389 $M with the tail, plus a little calm flow.
        #expect(event.totalUSD >= 386e6 && event.totalUSD < 390e6)
        // From the close before the start (the random walk's level) to 122 000 × 0.95.
        let reference = try #require(scenario.bars.first { $0.bucketStartMs == event.startMs - 60_000 }?.close)
        #expect(abs(try #require(event.priceMoveBps) - (122_000 * 0.95 / reference - 1) * 10_000) < 1e-6)
        #expect(abs((event.venueShares[.okx] ?? 0) - 0.3) < 0.01)
        #expect(event.reasons.prefix(3).map(\.held) == [true, true, true])
    }
}
