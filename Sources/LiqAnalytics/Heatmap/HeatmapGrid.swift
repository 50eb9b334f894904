public import LiqCore

/// The cells every heatmap of one asset is drawn on: epoch-aligned time buckets × price bands of one width.
///
/// One grid per asset and run, so the realised heatmap, the estimated levels, the validation that compares them and
/// the pictures all use the same cell boundaries; a relative width is turned into USD once, from a reference price
/// fixed for the run (DOMAIN.md §4).
public struct HeatmapGrid: Sendable, Equatable {
    public var baseAsset: String
    public var bucket: BucketSize
    public var bands: PriceBands

    public init(baseAsset: String, bucket: BucketSize, bands: PriceBands) {
        self.baseAsset = baseAsset
        self.bucket = bucket
        self.bands = bands
    }

    /// A grid whose band width is `width` resolved at `referencePrice` (USD per base unit); nil when the width
    /// comes out non-positive (a zero or missing reference price).
    public init?(baseAsset: String, bucket: BucketSize, width: BandWidth, referencePrice: Double) {
        guard let bands = PriceBands(widthUSD: width.widthUSD(referencePrice: referencePrice)) else { return nil }
        self.init(baseAsset: baseAsset, bucket: bucket, bands: bands)
    }

    /// The cell holding a price at a time.
    public func cell(timestampMs: Int64, price: Double) -> HeatmapCell {
        HeatmapCell(bucketStartMs: bucket.start(of: timestampMs), band: bands.band(of: price))
    }
}
