public import LiqAnalytics
public import LiqCore

/// How a run draws its heatmaps: the time bucket and the price band width, relative by default so that BTC at
/// 120,000 and ETH at 4,000 get the same resolution from one spec, with absolute USD widths per asset where a
/// user wants round bands.
public struct HeatmapSpec: Sendable, Equatable {
    public var bucket = BucketSize("5m")!
    /// Band width in basis points of the asset's reference price (its latest price in the run).
    public var bandWidthBps = 10.0
    /// Absolute band widths in USD for some base assets (`{"BTC": 100}`), overriding `bandWidthBps` for them.
    public var bandWidthUSD: [String: Double] = [:]
    /// The estimated-levels model: leverage tiers (weights, half-lives), maintenance margin rate per venue, OI
    /// calibration; DOMAIN.md §4.2 defaults.
    public var model = EstimatedLevelsModel()

    /// The width for `baseAsset`.
    public func width(for baseAsset: String) -> BandWidth {
        bandWidthUSD[baseAsset].map(BandWidth.absoluteUSD) ?? .relativeBasisPoints(bandWidthBps)
    }
}
