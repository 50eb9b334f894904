import Foundation

/// Every threshold of the cascade detector (DOMAIN.md §5, analytics-anchors §7.3–7.4), in minutes, USD or
/// fractions as named.
public struct CascadeDetectorConfig: Sendable, Equatable {
    /// Onset needs the robust z of `ln(1 + L_t)` at least this (anchors §7.3 A1).
    public var zThreshold: Double = 4
    /// Trailing baseline for the median and MAD: 7 days, LiquidVision's "each coin's own 7-day normal minute".
    public var baselineWindowMinutes: Int = 7 * 24 * 60
    /// Fewer baseline minutes than this and no onset is possible (short runs use what history exists).
    public var minimumBaselineMinutes: Int = 30
    /// Floor of `1.4826·MAD` in log units; a calm baseline's MAD is often 0. ln(10)/4 makes z = 4 at the floor the
    /// same as "10× the normal minute" (anchors §7.3 A1, k ≈ 10).
    public var scaleFloor: Double = log(10) / 4
    /// Ceiling of the same scale: ln(100)/4 makes a minute 100× the baseline's median minute always reach z = 4.
    /// A sparse flow (an asset where half the calm minutes have no liquidation at all) has a bimodal baseline whose
    /// MAD measures the gap between "none" and "one order", not the flow's variability; uncapped, it hid a $2.6M
    /// minute against a $300 median. The absolute floor and the price rule keep small blips out.
    public var scaleCeiling: Double = log(100) / 4
    /// Window of the absolute floor, minutes (agentfeed `window_min` = 5).
    public var floorWindowMinutes: Int = 5
    /// Σ liquidated USD over the floor window must reach this (agentfeed `min_usd` = 100k).
    public var absoluteFloorUSD: Double = 100_000
    /// Per-asset overrides of `absoluteFloorUSD`, keyed by base asset.
    public var absoluteFloorUSDByAsset: [String: Double] = [:]
    /// Window of the price confirmation, minutes (anchors §7.3 A3: r_15).
    public var priceMoveWindowMinutes: Int = 15
    /// Price must move at least this fraction in the liquidation direction: 1% = 100 bp, the low end of the
    /// anchors' 100–300 bp, so smaller assets' cascades are not missed; raise it for BTC-only views.
    public var priceMoveThreshold: Double = 0.01
    /// Onsets at most this far apart belong to one event (agentfeed `gap_s` = 60).
    public var mergeGapMinutes: Int = 1
    /// Exhaustion rule 1: `L_t ≤` this fraction of the event's peak minute (anchors §7.4.1).
    public var liquidationCollapseFraction: Double = 0.2
    /// Rule 1 compares trailing means over this many minutes (the current and the peak one), so a lull between
    /// bursts of a self-exciting flow does not pass for a collapse. 5 (the floor window) put the exhaustion of
    /// `liqpipe synth` cascades within −2…+6 minutes of their truth on most seeds, where 1 minute ended some
    /// 8–11 minutes early and 3 minutes up to 11 early.
    public var liquidationSmoothingMinutes: Int = 5
    /// Exhaustion rule 2: funding retraced at least this fraction of its pre-event deviation (anchors §7.4.2).
    public var fundingRetraceFraction: Double = 0.5
    /// Funding's neutral level the pre-event deviation is measured from, annualised: 0.01% per 8 h (10.95%/yr),
    /// the interest-rate component venues such as Binance and Bybit pay when the premium is zero. The anchors'
    /// trailing median is not used: in a short run it is the pre-event level itself and the deviation would be 0.
    public var neutralFundingAnnualized: Double = 0.0001 * 3 * 365
    /// Exhaustion rule 3: `|ΔOI_5m|` at most this fraction (anchors §7.4.3) ...
    public var openInterestStableFraction: Double = 0.005
    /// ... after open interest fell at least this fraction from the minute before the event (the anchors' X%).
    public var openInterestDrawdownFraction: Double = 0.01
    /// Exhaustion rule 4: 1-minute realised volatility at most this fraction of its event peak (anchors §7.4.4).
    public var volatilityFraction: Double = 0.5
    /// Exhaustion rule 5: taker-buy share above this after a long flush (below `1 −` it after a short squeeze).
    public var takerFlipShare: Double = 0.5
    /// Exhausted when at least this many rules hold ...
    public var exhaustionMinimumScore: Int = 3
    /// ... for this many consecutive minutes (anchors §7.4).
    public var exhaustionConsecutiveMinutes: Int = 3
    /// Minutes after exhaustion before a new event may start on that asset and side (agentfeed `cooldown_min`).
    public var cooldownMinutes: Int = 60
    /// Market-wide flag when at least this many assets start an event ...
    public var marketWideAssets: Int = 3
    /// ... within this many minutes (DOMAIN.md §5).
    public var marketWideWindowMinutes: Int = 5

    /// The documented defaults; change fields to tune.
    public init() {}

    /// The absolute floor for `asset`.
    public func absoluteFloorUSD(for asset: String) -> Double { absoluteFloorUSDByAsset[asset] ?? absoluteFloorUSD }
}
