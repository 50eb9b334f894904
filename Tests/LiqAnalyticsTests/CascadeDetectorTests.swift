import Foundation
import LiqCore
import Testing

@testable import LiqAnalytics

@Suite struct CascadeDetectorTests {
    enum OnsetCase: String, CaseIterable, Sendable {
        case allHold, zFails, floorFails, priceFails
    }

    /// 60 minutes; the burst is at minute 40.
    static func onsetPanel(_ onsetCase: OnsetCase) -> MarketPanel {
        var longUSD = [Double](repeating: onsetCase == .zFails ? 150_000 : 0, count: 60)
        longUSD[40] = onsetCase == .floorFails ? 50_000 : 200_000
        let close: [Double?] = (0..<60).map { $0 >= 40 && onsetCase != .priceFails ? 98 : 100 }
        return CascadePanels.panel(longUSD: longUSD, close: close)
    }

    @Test(arguments: OnsetCase.allCases)
    func onsetNeedsAllThreeRules(_ onsetCase: OnsetCase) throws {
        // Scale floor ln(10)/4 = 0.575646. Calm baseline of zeros: median 0, MAD 0.
        // allHold:    z = ln(200 001)/0.575646 = 12.20608/0.575646 = 21.204; Σ5m = 200k ≥ 100k; r15 = 98/100 − 1 = −2%.
        // zFails:     baseline ln(150 001) = 11.91840 → z = (12.20608 − 11.91840)/0.575646 = 0.49975 < 4.
        // floorFails: z = ln(50 001)/0.575646 = 18.796 but Σ5m = 50k < 100k.
        // priceFails: price flat, r15 = 0 > −1%.
        let panel = Self.onsetPanel(onsetCase)
        let detection = CascadeDetector().detect(panels: [panel])
        var baseline = RobustBaseline()
        for index in 0..<40 { baseline.insert(log1p(panel.rows[index].longUSD)) }
        let reasons = CascadeDetector.onsetReasons(
            rows: panel.rows, index: 40, side: .long, baseline: baseline, asset: "BTC", config: CascadeDetectorConfig())
        let expectedHeld: [Bool] =
            switch onsetCase {
            case .allHold: [true, true, true]
            case .zFails: [false, true, true]
            case .floorFails: [true, false, true]
            case .priceFails: [true, true, false]
            }
        #expect(reasons.map(\.held) == expectedHeld)
        let expectedZ: Double =
            switch onsetCase {
            case .zFails: 0.49975
            case .floorFails: 18.796
            default: 21.204
            }
        #expect(abs(try #require(reasons[0].value) - expectedZ) < 1e-3)
        if onsetCase == .allHold {
            #expect(detection.events.count == 1)
            #expect(detection.events.first?.startMs == CascadePanels.minute(40))
            #expect(abs((detection.events.first?.priceMoveBps ?? 0) - -200) < 1e-9)
        } else {
            #expect(detection.events.isEmpty)
        }
    }

    @Test func shortsNeedThePriceToRise() {
        // Shorts liquidated with the price falling 2%: the price rule fails; rising 2%: it holds.
        var shortUSD = [Double](repeating: 0, count: 60)
        shortUSD[40] = 200_000
        let zero = [Double](repeating: 0, count: 60)
        let falling = CascadePanels.panel(
            longUSD: zero, shortUSD: shortUSD, close: (0..<60).map { $0 >= 40 ? 98 : 100 })
        let rising = CascadePanels.panel(
            longUSD: zero, shortUSD: shortUSD, close: (0..<60).map { $0 >= 40 ? 102 : 100 })
        #expect(CascadeDetector().detect(panels: [falling]).events.isEmpty)
        let events = CascadeDetector().detect(panels: [rising]).events
        #expect(events.map(\.side) == [.short])
    }

    @Test func needsTheMinimumHistory() {
        // The burst at minute 20 has only 20 baseline minutes (< 30): robust z is not evaluable, no onset.
        let panel = CascadePanels.bursts([20: 200_000], count: 40)
        #expect(CascadeDetector().detect(panels: [panel]).events.isEmpty)
        var config = CascadeDetectorConfig()
        config.minimumBaselineMinutes = 15
        #expect(CascadeDetector(config: config).detect(panels: [panel]).events.count == 1)
    }

    @Test(arguments: [(30, false), (29, true)])
    func baselineWindowSlides(windowMinutes: Int, fires: Bool) {
        // Minutes 0–29 at $150k (x = ln 150 001 = 11.918), 30–44 calm, burst $200k at 45 with the price −2%.
        // 30-minute window at 45 = minutes 15–44: 15 × 11.918 and 15 × 0 → median 5.959, every deviation 5.959,
        // MAD 5.959, scale 1.4826 × 5.959 = 8.835 → z = (12.206 − 5.959)/8.835 = 0.71: no onset.
        // 29-minute window = minutes 16–44: 14 × 11.918 and 15 × 0 → median 0, MAD 0, floor → z = 21.2: onset.
        // (The scale ceiling is lifted: it exists for such bimodal baselines and would make the first fire too.)
        let longUSD = (0..<60).map { $0 < 30 ? 150_000.0 : $0 == 45 ? 200_000 : 0 }
        let panel = CascadePanels.panel(longUSD: longUSD, close: (0..<60).map { $0 >= 45 ? 98 : 100 })
        var config = CascadeDetectorConfig()
        config.scaleCeiling = 100
        config.baselineWindowMinutes = windowMinutes
        config.minimumBaselineMinutes = windowMinutes
        let starts = CascadeDetector(config: config).detect(panels: [panel]).events.map(\.startMs)
        #expect(starts == (fires ? [CascadePanels.minute(45)] : []))
    }

    @Test func onsetsAMinuteApartMerge() {
        // Bursts at 40 and 41 (60 s apart): one event staying in onset, active from 42; total 400k, peak 40.
        // A third burst at 44 (180 s after 41) is a new leg of the same running event, not a new event.
        let panel = CascadePanels.bursts([40: 200_000, 41: 200_000, 44: 200_000], count: 60)
        let detection = CascadeDetector().detect(panels: [panel])
        #expect(detection.events.count == 1)
        let event = detection.events[0]
        #expect(event.startMs == CascadePanels.minute(40))
        #expect(event.peakMs == CascadePanels.minute(40))
        #expect(event.totalUSD == 600_000)
        #expect(event.state == .active)
        #expect(event.endMs == nil)
        let changes = detection.transitions.filter { $0.side == .long }.map { ($0.from, $0.to, $0.minuteMs) }
        #expect(changes.map(\.0) == [.idle, .onset])
        #expect(changes.map(\.1) == [.onset, .active])
        #expect(changes.map(\.2) == [CascadePanels.minute(40), CascadePanels.minute(42)])
    }

    @Test func stateMachineWithCooldown() {
        // Burst at 40 (price 98); from 41 on no liquidations: the 5-minute trailing mean (rule 1) is 1M at 40
        // (the smoothed peak), then 500k, 333k, 250k, 200k at 44 = 0.2 of the peak: held from 44. Flat price so
        // rv = 0 ≤ 50% of the peak |ln 0.98| (rule 4) and taker-buy share 0.6 > 0.5 (rule 5) from 41: score 3 at
        // 44, 45, 46 → exhausted from 44 (endMs), confirmed at 46, cooldown 47…106, idle at 107. A burst at 60
        // falls in the cooldown: no event. A burst at 120 is a new event, exhausted from 124, confirmed at 126,
        // cooldown from 127 to the end (149).
        let panel = CascadePanels.bursts(
            [40: 1_000_000, 60: 1_000_000, 120: 1_000_000], count: 150, takerAfterFirstBurst: 0.6)
        let detection = CascadeDetector().detect(panels: [panel])
        #expect(detection.events.map(\.startMs) == [CascadePanels.minute(40), CascadePanels.minute(120)])
        #expect(detection.events.map(\.endMs) == [CascadePanels.minute(44), CascadePanels.minute(124)])
        #expect(detection.events.map(\.confirmedMs) == [CascadePanels.minute(46), CascadePanels.minute(126)])
        #expect(detection.events.map(\.detectedMs) == [CascadePanels.minute(40), CascadePanels.minute(120)])
        #expect(detection.events.map(\.state) == [.exhausted, .exhausted])
        #expect(detection.events.map(\.exhaustionScore) == [3, 3])
        let long = detection.transitions.filter { $0.side == .long }
        #expect(
            long.map(\.to) == [.onset, .active, .exhausted, .cooldown, .idle, .onset, .active, .exhausted, .cooldown])
        #expect(
            long.map { Int(($0.minuteMs - CascadePanels.start) / 60_000) } == [40, 41, 46, 47, 107, 120, 121, 126, 127])
        let state = detection.states.first { $0.side == .long }
        #expect(state?.state == .cooldown)
        #expect(state?.sinceMs == CascadePanels.minute(127))
        #expect(state?.eventID == detection.events[1].id)
        #expect(detection.states.first { $0.side == .short }?.state == .idle)
    }

    @Test func eventIDIsStable() {
        // FNV-1a 64 of "BTC|long|0" (offset 0xcbf29ce484222325, prime 0x100000001b3), checked with Python:
        // 3bd758dd1534eb3e. Fixed so ids survive reruns and releases.
        #expect(CascadeEvent.makeID(asset: "BTC", side: .long, startMs: 0) == "3bd758dd1534eb3e")
        #expect(
            CascadeEvent.makeID(asset: "BTC", side: .short, startMs: 0)
                != CascadeEvent.makeID(asset: "BTC", side: .long, startMs: 0))
    }

    @Test func marketWideNeedsThreeAssetsWithinFiveMinutes() {
        // BTC 40, ETH 41, SOL 43: window [39, 43] holds all three → one flag at 43.
        // With SOL at 45 instead, [41, 45] holds ETH and SOL only → no flag.
        let together = [
            CascadePanels.bursts([40: 200_000], count: 60, asset: "BTC"),
            CascadePanels.bursts([41: 200_000], count: 60, asset: "ETH"),
            CascadePanels.bursts([43: 200_000], count: 60, asset: "SOL"),
        ]
        let flags = CascadeDetector().detect(panels: together).marketWideFlags
        #expect(flags.map(\.minuteMs) == [CascadePanels.minute(43)])
        #expect(flags.first?.assets == ["BTC", "ETH", "SOL"])
        let apart = [together[0], together[1], CascadePanels.bursts([45: 200_000], count: 60, asset: "SOL")]
        #expect(CascadeDetector().detect(panels: apart).marketWideFlags.isEmpty)
    }

    @Test func branchingRatioAtThePeakMinute() {
        let panel = CascadePanels.bursts([40: 200_000], count: 60)
        let detection = CascadeDetector().detect(
            panels: [panel], branchingRatios: ["BTC": [CascadePanels.minute(40): 0.82, CascadePanels.minute(39): 0.3]])
        #expect(detection.events.first?.branchingRatio == 0.82)
        #expect(CascadeDetector().detect(panels: [panel]).events.first?.branchingRatio == nil)
    }
}
