import Foundation
import LiqCore

/// Finds liquidation cascades minute by minute (DOMAIN.md §5): an onset needs an abnormal minute (robust z),
/// real money (absolute floor) and a confirming price move; an event ends when at least three of five exhaustion
/// rules hold for three consecutive minutes, then the asset and side cool down.
public struct CascadeDetector: Sendable {
    public var config: CascadeDetectorConfig

    public init(config: CascadeDetectorConfig = CascadeDetectorConfig()) { self.config = config }

    /// Runs every panel, both sides. `branchingRatios[asset][minuteMs]` is an optional Hawkes n̂ per minute.
    public func detect(panels: [MarketPanel], branchingRatios: [String: [Int64: Double]] = [:]) -> CascadeDetection {
        var events: [CascadeEvent] = []
        var transitions: [CascadeDetection.Transition] = []
        var states: [CascadeDetection.AssetState] = []
        for panel in panels.sorted(by: { $0.baseAsset < $1.baseAsset }) {
            for side in PositionSide.allCases {
                let run = CascadeSideRun(
                    panel: panel, side: side, config: config, branchingRatios: branchingRatios[panel.baseAsset] ?? [:])
                let result = run.run()
                events += result.events
                transitions += result.transitions
                states.append(result.state)
            }
        }
        events.sort { ($0.startMs, $0.baseAsset, $0.side.rawValue) < ($1.startMs, $1.baseAsset, $1.side.rawValue) }
        transitions.sort {
            ($0.minuteMs, $0.baseAsset, $0.side.rawValue) < ($1.minuteMs, $1.baseAsset, $1.side.rawValue)
        }
        return CascadeDetection(
            events: events, transitions: transitions, states: states, marketWideFlags: marketWideFlags(events))
    }

    /// Every event start minute at which at least `marketWideAssets` distinct assets started an event within the
    /// `marketWideWindowMinutes` ending there.
    func marketWideFlags(_ events: [CascadeEvent]) -> [CascadeDetection.MarketWideFlag] {
        let window = Int64(config.marketWideWindowMinutes - 1) * MarketPanel.minuteMs
        let starts = Set(events.map(\.startMs)).sorted()
        return starts.compactMap { minute in
            let assets = Set(events.filter { $0.startMs <= minute && $0.startMs >= minute - window }.map(\.baseAsset))
            guard assets.count >= config.marketWideAssets else { return nil }
            return CascadeDetection.MarketWideFlag(minuteMs: minute, assets: assets.sorted())
        }
    }

    /// The three onset rules at row `index` of `rows` for `side`; `baseline` holds the trailing `ln(1 + L)`.
    static func onsetReasons(
        rows: [MarketPanelRow], index: Int, side: PositionSide, baseline: RobustBaseline, asset: String,
        config: CascadeDetectorConfig
    ) -> [CascadeReason] {
        let value = log1p(rows[index].liquidatedUSD(side))
        let z: Double? =
            baseline.count >= config.minimumBaselineMinutes
            ? baseline.robustZ(value, scaleFloor: config.scaleFloor, scaleCeiling: config.scaleCeiling) : nil
        let floorStart = max(0, index - config.floorWindowMinutes + 1)
        let windowUSD = rows[floorStart...index].reduce(0.0) { $0 + $1.liquidatedUSD(side) }
        let floor = config.absoluteFloorUSD(for: asset)
        var move: Double?
        let back = index - config.priceMoveWindowMinutes
        if back >= 0, let now = rows[index].close, let before = rows[back].close, before > 0 {
            move = now / before - 1
        }
        // Longs liquidated ⇒ the price fell; shorts ⇒ it rose. The threshold is signed the same way.
        let direction: Double = side == .long ? -1 : 1
        return [
            CascadeReason(
                rule: "robust_z", value: z, threshold: config.zThreshold, held: (z ?? -.infinity) >= config.zThreshold),
            CascadeReason(
                rule: "usd_\(config.floorWindowMinutes)m", value: windowUSD, threshold: floor, held: windowUSD >= floor),
            CascadeReason(
                rule: "price_move_\(config.priceMoveWindowMinutes)m", value: move,
                threshold: direction * config.priceMoveThreshold,
                held: move.map { $0 * direction >= config.priceMoveThreshold } ?? false),
        ]
    }
}
