public import LiqCore

/// Estimated liquidation levels of one asset, all venues summed: open USD per (bucket, band, side) at the end of each
/// bucket, the notional the model predicts was liquidated per cell, and the latest price.
public struct EstimatedHeatmap: Sendable, Equatable {
    /// Open level USD in one band.
    public struct BandLevel: Sendable, Equatable {
        public var band: Int64
        public var longUSD: Double
        public var shortUSD: Double

        public init(band: Int64, longUSD: Double, shortUSD: Double) {
            self.band = band
            self.longUSD = longUSD
            self.shortUSD = shortUSD
        }
    }

    /// The levels open at the end of one bucket, ascending by band; bands without levels are absent (sparse).
    public struct Column: Sendable, Equatable {
        public var bucketStartMs: Int64
        public var levels: [BandLevel]

        public init(bucketStartMs: Int64, levels: [BandLevel]) {
            self.bucketStartMs = bucketStartMs
            self.levels = levels
        }
    }

    public var grid: HeatmapGrid
    /// Ascending by bucket; one per bucket in which any venue has a bar.
    public var columns: [Column]
    /// Notional of levels cleared by a bar's range, USD, per side and (bucket of the bar, band of the level).
    public var predictedCleared: [PositionSide: [HeatmapCell: Double]]
    /// Mean close of the venues' bars in the latest bucket, USD; nil without bars. The liquidation map's origin.
    public var currentPrice: Double?

    public init(
        grid: HeatmapGrid, columns: [Column], predictedCleared: [PositionSide: [HeatmapCell: Double]],
        currentPrice: Double?
    ) {
        self.grid = grid
        self.columns = columns
        self.predictedCleared = predictedCleared
        self.currentPrice = currentPrice
    }

    /// Sums venue runs per bucket; a venue without a bar in a bucket contributes its latest earlier column.
    init(grid: HeatmapGrid, venueRuns: [EstimatedVenueRun]) {
        let buckets = Set(venueRuns.flatMap { $0.columns.map(\.bucketStartMs) }).sorted()
        var cursors = Array(repeating: -1, count: venueRuns.count)
        var columns: [Column] = []
        var currentPrice: Double?
        for bucket in buckets {
            var lists: [[BandLevel]] = []
            var closes: [Double] = []
            for (index, run) in venueRuns.enumerated() {
                while cursors[index] + 1 < run.columns.count, run.columns[cursors[index] + 1].bucketStartMs <= bucket {
                    cursors[index] += 1
                }
                guard cursors[index] >= 0 else { continue }
                let column = run.columns[cursors[index]]
                if column.bucketStartMs == bucket { closes.append(column.close) }
                lists.append(column.levels)
            }
            // Per band, the venues' levels added in venue order from 0.
            var merge = BandLevelMerge(lists)
            var levels: [BandLevel] = []
            while merge.advance() {
                var total = BandLevel(band: merge.band, longUSD: 0, shortUSD: 0)
                for index in lists.indices {
                    guard let level = merge.level(in: index) else { continue }
                    total.longUSD += level.longUSD
                    total.shortUSD += level.shortUSD
                }
                levels.append(total)
            }
            columns.append(Column(bucketStartMs: bucket, levels: levels))
            currentPrice = closes.reduce(0, +) / Double(closes.count)
        }
        var cleared: [PositionSide: [HeatmapCell: Double]] = [:]
        for run in venueRuns {
            for (side, cells) in run.predictedCleared {
                cleared[side, default: [:]].merge(cells, uniquingKeysWith: +)
            }
        }
        self.init(grid: grid, columns: columns, predictedCleared: cleared, currentPrice: currentPrice)
    }

    /// The latest column as a liquidation map with cumulative curves from `currentPrice`; nil without columns.
    public var liquidationMap: EstimatedLiquidationMap? {
        guard let last = columns.last, let currentPrice else { return nil }
        return EstimatedLiquidationMap(
            bands: grid.bands, bucketStartMs: last.bucketStartMs, currentPrice: currentPrice, levels: last.levels)
    }
}
