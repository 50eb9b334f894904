public import LiqCore

/// The latest estimated levels by band with cumulative curves outward from the current price: how much long notional
/// is liquidated if the price falls to a band, and how much short notional if it rises to one.
///
/// `cumLongUSD` of band `b` at or below the current price's band `c` is Σ long USD over bands `b…c`; above `c` it is
/// 0 (a fall never reaches those). `cumShortUSD` of `b ≥ c` is Σ short USD over `c…b`; below `c` it is 0. Normally
/// all long levels lie below the price and all short levels above it (higher ones were cleared); a level on the wrong
/// side (venues' prices differ slightly) stays in its band's USD but is not reachable by the curve.
public struct EstimatedLiquidationMap: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var band: Int64
        public var longUSD: Double
        public var shortUSD: Double
        public var cumLongUSD: Double
        public var cumShortUSD: Double
    }

    public var bands: PriceBands
    public var bucketStartMs: Int64
    /// USD per base unit.
    public var currentPrice: Double
    /// Ascending by band; the bands with levels.
    public var rows: [Row]

    public init(bands: PriceBands, bucketStartMs: Int64, currentPrice: Double, levels: [EstimatedHeatmap.BandLevel]) {
        self.bands = bands
        self.bucketStartMs = bucketStartMs
        self.currentPrice = currentPrice
        let current = bands.band(of: currentPrice)
        let sorted = levels.sorted { $0.band < $1.band }
        var rows = sorted.map {
            Row(band: $0.band, longUSD: $0.longUSD, shortUSD: $0.shortUSD, cumLongUSD: 0, cumShortUSD: 0)
        }
        var cumulative = 0.0
        for index in rows.indices.reversed() where rows[index].band <= current {
            cumulative += rows[index].longUSD
            rows[index].cumLongUSD = cumulative
        }
        cumulative = 0
        for index in rows.indices where rows[index].band >= current {
            cumulative += rows[index].shortUSD
            rows[index].cumShortUSD = cumulative
        }
        self.rows = rows
    }
}
