import Foundation
import LiqCore

/// The state machine of one asset and side over its panel: `idle → onset → active → exhausted → cooldown → idle`.
struct CascadeSideRun {
    let panel: MarketPanel
    let side: PositionSide
    let config: CascadeDetectorConfig
    let branchingRatios: [Int64: Double]

    /// The event being followed: where it started, its last onset minute and the pre-event references.
    struct OpenEvent {
        var start: Int
        /// The minute every onset rule first held: `start` is dated back from here to the first abnormal minute.
        var detected: Int
        var lastOnset: Int
        var onsetReasons: [CascadeReason]
        var preFunding: Double?
        var preOpenInterest: Double?
        var consecutive = 0
        /// The highest trailing mean of liquidated USD so far in the event (the smoothed peak of rule 1).
        var peakSmoothedUSD = 0.0
        var lastReasons: [CascadeReason] = []
        var lastScore = 0
    }

    func run() -> (
        events: [CascadeEvent], transitions: [CascadeDetection.Transition], state: CascadeDetection.AssetState
    ) {
        let rows = panel.rows
        var events: [CascadeEvent] = []
        var transitions: [CascadeDetection.Transition] = []
        var state = CascadeState.idle
        var since: Int?
        var open: OpenEvent?
        var lastEventID: String?
        var cooldownEnd = 0
        var baseline = RobustBaseline()
        // First minute of the current run of abnormal minutes, and the first minute an event may start at (after
        // the previous event's cooldown).
        var abnormalSince: Int?
        var earliestStart = 0
        func move(to next: CascadeState, at index: Int) {
            guard next != state else { return }
            transitions.append(
                .init(baseAsset: panel.baseAsset, side: side, minuteMs: rows[index].minuteMs, from: state, to: next))
            state = next
            since = index
        }
        for index in rows.indices {
            if state == .exhausted { move(to: .cooldown, at: index) }
            if state == .cooldown, index > cooldownEnd {
                move(to: .idle, at: index)
                earliestStart = index
            }
            let onset = CascadeDetector.onsetReasons(
                rows: rows, index: index, side: side, baseline: baseline, asset: panel.baseAsset, config: config)
            let fires = onset.allSatisfy(\.held)
            // An abnormal minute: robust z held and the minute alone carries its share of the absolute floor (on a
            // sparse baseline any single small order scores a high z).
            let minuteFloor = config.absoluteFloorUSD(for: panel.baseAsset) / Double(config.floorWindowMinutes)
            let abnormal = onset[0].held && rows[index].liquidatedUSD(side) >= minuteFloor
            abnormalSince = abnormal ? (abnormalSince ?? index) : nil
            switch state {
            case .idle:
                if fires {
                    // The price rule confirms minutes after the flush began; the event starts at the first abnormal
                    // minute of the run that led here, no further back than the price window.
                    let start = max(abnormalSince ?? index, index - config.priceMoveWindowMinutes, earliestStart)
                    let preIndex = start - 1
                    var event = OpenEvent(
                        start: start, detected: index, lastOnset: index, onsetReasons: onset,
                        preFunding: preIndex >= 0
                            ? rows[...preIndex].last(where: { $0.fundingAnnualized != nil })?.fundingAnnualized : nil,
                        preOpenInterest: preIndex >= 0 ? rows[preIndex].openInterestUSD : nil)
                    // The minutes from the start to here count toward the smoothed peak of exhaustion rule 1.
                    event.peakSmoothedUSD =
                        (start...index).map { smoothedUSD(rows: rows, index: $0, event: event) }.max() ?? 0
                    open = event
                    lastEventID = CascadeEvent.makeID(asset: panel.baseAsset, side: side, startMs: rows[start].minuteMs)
                    move(to: .onset, at: index)
                }
            case .onset, .active:
                guard var event = open else { break }
                if fires {
                    // A new onset within the merge gap continues the onset; later ones are a new leg of this event.
                    if index - event.lastOnset > config.mergeGapMinutes { move(to: .active, at: index) }
                    event.lastOnset = index
                } else {
                    move(to: .active, at: index)
                }
                // Exhaustion is scored even while onset rules still fire: a decaying tail stays far above a calm
                // baseline, and the "≤ 20% of the peak" rule is what says the flush is over.
                event.peakSmoothedUSD = max(event.peakSmoothedUSD, smoothedUSD(rows: rows, index: index, event: event))
                let reasons = exhaustionReasons(rows: rows, index: index, event: event)
                event.lastReasons = reasons
                event.lastScore = reasons.filter(\.held).count
                event.consecutive = event.lastScore >= config.exhaustionMinimumScore ? event.consecutive + 1 : 0
                open = event
                if event.consecutive >= config.exhaustionConsecutiveMinutes {
                    // Confirmed now; the cascade was exhausted from the first minute of the confirming run.
                    move(to: .exhausted, at: index)
                    events.append(
                        finish(event, last: index - event.consecutive + 1, confirmed: index, exhausted: true))
                    open = nil
                    cooldownEnd = index + config.cooldownMinutes
                }
            case .exhausted, .cooldown:
                break
            }
            baseline.insert(log1p(rows[index].liquidatedUSD(side)))
            let leaving = index - config.baselineWindowMinutes
            if leaving >= 0 { baseline.remove(log1p(rows[leaving].liquidatedUSD(side))) }
        }
        if let event = open, let last = rows.indices.last {
            events.append(finish(event, last: last, confirmed: nil, exhausted: false))
        }
        let current = CascadeDetection.AssetState(
            baseAsset: panel.baseAsset, side: side, state: state, sinceMs: since.map { rows[$0].minuteMs },
            eventID: state == .idle ? nil : lastEventID)
        return (events, transitions, current)
    }

    /// Mean liquidated USD per minute over the trailing smoothing window, not reaching back before the event: a
    /// self-exciting flow has quiet minutes inside a burst, and one of them alone is not a collapse.
    func smoothedUSD(rows: [MarketPanelRow], index: Int, event: OpenEvent) -> Double {
        let from = max(event.start, index - config.liquidationSmoothingMinutes + 1)
        return rows[from...index].reduce(0.0) { $0 + $1.liquidatedUSD(side) } / Double(index - from + 1)
    }

    /// The five exhaustion rules at `index`; a rule whose inputs are missing is recorded as not evaluable.
    func exhaustionReasons(rows: [MarketPanelRow], index: Int, event: OpenEvent) -> [CascadeReason] {
        let range = event.start...index
        let now = rows[index]
        let smoothed = smoothedUSD(rows: rows, index: index, event: event)
        let collapse: Double? = event.peakSmoothedUSD > 0 ? smoothed / event.peakSmoothedUSD : nil

        var retraced: Double?
        var crossed = false
        if let before = event.preFunding, let funding = now.fundingAnnualized {
            crossed = (before > 0 && funding <= 0) || (before < 0 && funding >= 0)
            // Below a millionth per year the pre-event funding sat at the neutral level (the difference is
            // rounding), and a retrace fraction of it would be noise.
            let deviation = abs(before - config.neutralFundingAnnualized)
            if deviation > 1e-6 {
                retraced = 1 - abs(funding - config.neutralFundingAnnualized) / deviation
            } else if crossed {
                retraced = 1
            }
        }

        var oiChange: Double?
        var drawdown = false
        if let change = now.openInterestChange5m, let oi = now.openInterestUSD, let before = event.preOpenInterest {
            oiChange = abs(change)
            drawdown = oi <= before * (1 - config.openInterestDrawdownFraction)
        }

        let peakVolatility = rows[range].compactMap(\.realizedVolatility).max()
        var volatility: Double?
        if let current = now.realizedVolatility, let peak = peakVolatility, peak > 0 { volatility = current / peak }

        let share = now.takerBuyShare
        let takerHeld =
            share.map { side == .long ? $0 > config.takerFlipShare : $0 < 1 - config.takerFlipShare } ?? false
        return [
            CascadeReason(
                rule: "liquidations_vs_peak", value: collapse, threshold: config.liquidationCollapseFraction,
                held: collapse.map { $0 <= config.liquidationCollapseFraction } ?? false),
            CascadeReason(
                rule: "funding_retraced", value: retraced, threshold: config.fundingRetraceFraction,
                held: crossed || (retraced.map { $0 >= config.fundingRetraceFraction } ?? false)),
            CascadeReason(
                rule: "oi_change_5m_after_drawdown", value: oiChange, threshold: config.openInterestStableFraction,
                held: drawdown && (oiChange.map { $0 <= config.openInterestStableFraction } ?? false)),
            CascadeReason(
                rule: "volatility_vs_peak", value: volatility, threshold: config.volatilityFraction,
                held: volatility.map { $0 <= config.volatilityFraction } ?? false),
            CascadeReason(
                rule: side == .long ? "taker_buy_share" : "taker_sell_share",
                value: share.map { side == .long ? $0 : 1 - $0 },
                threshold: config.takerFlipShare, held: takerHeld),
        ]
    }

    /// The event from its start to `last` (its exhaustion minute, or the last minute of data while it runs);
    /// `confirmed` is the minute exhaustion was declared.
    func finish(_ event: OpenEvent, last: Int, confirmed: Int?, exhausted: Bool) -> CascadeEvent {
        let rows = panel.rows
        let range = event.start...last
        var peak = event.start
        var total = 0.0
        var byVenue: [Venue: Double] = [:]
        var venues = Set<Venue>()
        var lowerBound = false
        for index in range {
            let usd = rows[index].liquidatedUSD(side)
            total += usd
            if usd > rows[peak].liquidatedUSD(side) { peak = index }
            for (venue, amount) in rows[index].liquidatedUSDByVenue(side).sorted(by: { $0.key < $1.key }) {
                byVenue[venue, default: 0] += amount
            }
            venues.formUnion(rows[index].venues)
            lowerBound = lowerBound || rows[index].lowerBound
        }
        let reference = (event.start > 0 ? rows[event.start - 1].close : nil) ?? rows[event.start].open
        let final = rows[range].last(where: { $0.close != nil })?.close
        var moveBps: Double?
        if let reference, let final, reference > 0 { moveBps = (final / reference - 1) * 10_000 }
        let startMs = rows[event.start].minuteMs
        let peakMs = rows[peak].minuteMs
        return CascadeEvent(
            id: CascadeEvent.makeID(asset: panel.baseAsset, side: side, startMs: startMs), baseAsset: panel.baseAsset,
            side: side, state: exhausted ? .exhausted : (last == event.lastOnset ? .onset : .active), startMs: startMs,
            peakMs: peakMs, endMs: exhausted ? rows[last].minuteMs : nil, detectedMs: rows[event.detected].minuteMs,
            confirmedMs: confirmed.map { rows[$0].minuteMs }, totalUSD: total,
            peakMinuteUSD: rows[peak].liquidatedUSD(side), priceMoveBps: moveBps, exhaustionScore: event.lastScore,
            branchingRatio: branchingRatios[peakMs], venueShares: total > 0 ? byVenue.mapValues { $0 / total } : [:],
            venues: venues.sorted(), lowerBound: lowerBound, reasons: event.onsetReasons + event.lastReasons)
    }
}
