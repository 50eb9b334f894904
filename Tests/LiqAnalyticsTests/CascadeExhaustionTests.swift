import LiqCore
import Testing

@testable import LiqAnalytics

@Suite struct CascadeExhaustionTests {
    /// Minute 0 is before the event (funding 40%/yr, OI 1000), minute 1 the peak ($1M, rv 0.02), minute 2 the one
    /// scored. The base minute 2 fails every rule:
    /// 1. L = 500k = 0.5 of the peak > 0.2;  2. funding 0.40 retraced 0 of its deviation 0.40 − 0.1095 = 0.2905;
    /// 3. OI 1000, no drawdown;  4. rv 0.02 = 1.0 × the peak > 0.5;  5. taker-buy share 0.4 ≤ 0.5 after a long flush.
    static func scored(rule: Int?) -> [CascadeReason] {
        var peak = MarketPanelRow(minuteMs: CascadePanels.minute(1))
        peak.longUSD = 1_000_000
        peak.realizedVolatility = 0.02
        var now = MarketPanelRow(minuteMs: CascadePanels.minute(2))
        now.longUSD = rule == 0 ? 100_000 : 500_000  // 0.1 ≤ 0.2
        // |0.2 − 0.1095| = 0.0905 → retraced 1 − 0.0905/0.2905 = 0.6885 ≥ 0.5.
        now.fundingAnnualized = rule == 1 ? 0.2 : 0.40
        now.openInterestUSD = rule == 2 ? 950 : 1000  // drawdown 5% ≥ 1% ...
        now.openInterestChange5m = 0.001  // ... and |ΔOI_5m| = 0.1% ≤ 0.5%
        now.realizedVolatility = rule == 3 ? 0.005 : 0.02  // 0.005/0.02 = 0.25 ≤ 0.5
        now.takerBuyShare = rule == 4 ? 0.6 : 0.4
        return reasons(peak: peak, now: now)
    }

    static func reasons(peak: MarketPanelRow, now: MarketPanelRow) -> [CascadeReason] {
        var before = MarketPanelRow(minuteMs: CascadePanels.minute(0))
        before.fundingAnnualized = 0.40
        before.openInterestUSD = 1000
        let panel = MarketPanel(baseAsset: "BTC", rows: [before, peak, now])
        // One-minute "means": these tests isolate each rule's arithmetic; smoothing has its own test.
        var config = CascadeDetectorConfig()
        config.liquidationSmoothingMinutes = 1
        let run = CascadeSideRun(panel: panel, side: .long, config: config, branchingRatios: [:])
        var event = CascadeSideRun.OpenEvent(
            start: 1, detected: 1, lastOnset: 1, onsetReasons: [], preFunding: 0.40, preOpenInterest: 1000)
        event.peakSmoothedUSD = max(peak.longUSD, now.longUSD)
        return run.exhaustionReasons(rows: panel.rows, index: 2, event: event)
    }

    @Test func noRuleHolds() {
        #expect(Self.scored(rule: nil).map(\.held) == [false, false, false, false, false])
        let evaluable = Self.scored(rule: nil).map(\.evaluable)
        #expect(evaluable == [true, true, true, true, true])
    }

    @Test(arguments: 0..<5)
    func eachRuleAlone(_ rule: Int) throws {
        let reasons = Self.scored(rule: rule)
        #expect(reasons.map(\.held) == (0..<5).map { $0 == rule })
        let expected = [0.1, 0.688_468, 0.001, 0.25, 0.6][rule]
        #expect(abs(try #require(reasons[rule].value) - expected) < 1e-6)
    }

    @Test func fundingCrossingZeroCounts() {
        // From +40%/yr to −1%/yr: 1 − |−0.01 − 0.1095|/0.2905 = 0.5886 would hold anyway; from +5%/yr (deviation
        // 0.0595, below neutral) to −1%/yr only the zero crossing makes it hold.
        var before = MarketPanelRow(minuteMs: CascadePanels.minute(0))
        before.fundingAnnualized = 0.05
        var peak = MarketPanelRow(minuteMs: CascadePanels.minute(1))
        peak.longUSD = 1
        var now = MarketPanelRow(minuteMs: CascadePanels.minute(2))
        now.longUSD = 1
        now.fundingAnnualized = -0.01
        let panel = MarketPanel(baseAsset: "BTC", rows: [before, peak, now])
        let run = CascadeSideRun(panel: panel, side: .long, config: CascadeDetectorConfig(), branchingRatios: [:])
        let event = CascadeSideRun.OpenEvent(
            start: 1, detected: 1, lastOnset: 1, onsetReasons: [], preFunding: 0.05, preOpenInterest: nil)
        let funding = run.exhaustionReasons(rows: panel.rows, index: 2, event: event)[1]
        // 1 − |−0.01 − 0.1095|/|0.05 − 0.1095| = 1 − 0.1195/0.0595 = −1.0084: not retraced, but crossed zero.
        #expect(abs((funding.value ?? 0) - -1.008_403) < 1e-6)
        #expect(funding.held)
    }

    @Test func missingInputsAreNotEvaluable() {
        var peak = MarketPanelRow(minuteMs: CascadePanels.minute(1))
        peak.longUSD = 1_000_000
        var now = MarketPanelRow(minuteMs: CascadePanels.minute(2))
        now.longUSD = 100_000
        let reasons = Self.reasons(peak: peak, now: now)
        #expect(reasons.map(\.evaluable) == [true, false, false, false, false])
        #expect(reasons.filter(\.held).count == 1)
        #expect(reasons[1].text == "funding_retraced=n/a not evaluable")
        #expect(reasons[0].text == "liquidations_vs_peak=0.1 vs 0.2 held")
    }

    @Test func liquidationRuleComparesTrailingMeans() {
        // Minutes 1–5 of an event: $1M, $3M, $2M, $0.1M, $0.1M with a 3-minute window.
        // Trailing means: 1.0, 2.0, 2.0, 1.7, 0.7333 (M) → smoothed peak 2.0M.
        // Minute 4 alone is 0.1/3 = 0.033 of the raw peak (a lull); its mean 1.7/2.0 = 0.85 is no collapse.
        // Minute 5: 0.7333/2.0 = 0.3667, still above 0.2.
        let amounts = [0.0, 1_000_000, 3_000_000, 2_000_000, 100_000, 100_000]
        let rows = amounts.enumerated().map { index, usd in
            var row = MarketPanelRow(minuteMs: CascadePanels.minute(index))
            row.longUSD = usd
            return row
        }
        let panel = MarketPanel(baseAsset: "BTC", rows: rows)
        var config = CascadeDetectorConfig()
        config.liquidationSmoothingMinutes = 3
        let run = CascadeSideRun(panel: panel, side: .long, config: config, branchingRatios: [:])
        var event = CascadeSideRun.OpenEvent(
            start: 1, detected: 1, lastOnset: 1, onsetReasons: [], preFunding: nil, preOpenInterest: nil)
        var ratios: [Double] = []
        for index in 1...5 {
            event.peakSmoothedUSD = max(
                event.peakSmoothedUSD, run.smoothedUSD(rows: panel.rows, index: index, event: event))
            ratios.append(run.exhaustionReasons(rows: panel.rows, index: index, event: event)[0].value ?? -1)
        }
        let expected = [1.0, 1.0, 1.0, 0.85, 0.366_667]
        #expect(zip(ratios, expected).allSatisfy { abs($0 - $1) < 1e-6 }, "\(ratios)")
    }
}
