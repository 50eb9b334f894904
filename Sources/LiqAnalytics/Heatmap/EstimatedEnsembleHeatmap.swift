/// The central estimated heatmap with the ensemble's p10/p50/p90 per cell and side.
public struct EstimatedEnsembleHeatmap: Sendable, Equatable {
    public struct Spread: Sendable, Equatable {
        public var long: EstimatedPercentiles
        public var short: EstimatedPercentiles

        public init(long: EstimatedPercentiles, short: EstimatedPercentiles) {
            self.long = long
            self.short = short
        }
    }

    public var central: EstimatedHeatmap
    public var memberNames: [String]
    /// Per cell where the central model or any member has a level; a member without a level there counts as 0.
    public var spread: [HeatmapCell: Spread]

    public init(central: EstimatedHeatmap, memberNames: [String], spread: [HeatmapCell: Spread]) {
        self.central = central
        self.memberNames = memberNames
        self.spread = spread
    }

    /// Percentiles over `members`' values in every cell any of them (or the central model) has.
    public init(central: EstimatedHeatmap, memberNames: [String], members: [EstimatedHeatmap]) {
        var cells: Set<HeatmapCell> = []
        let lookups = members.map { heatmap -> [HeatmapCell: EstimatedHeatmap.BandLevel] in
            var lookup: [HeatmapCell: EstimatedHeatmap.BandLevel] = [:]
            for column in heatmap.columns {
                for level in column.levels {
                    lookup[HeatmapCell(bucketStartMs: column.bucketStartMs, band: level.band)] = level
                }
            }
            return lookup
        }
        for lookup in lookups { cells.formUnion(lookup.keys) }
        for column in central.columns {
            for level in column.levels {
                cells.insert(HeatmapCell(bucketStartMs: column.bucketStartMs, band: level.band))
            }
        }
        var spread: [HeatmapCell: Spread] = [:]
        for cell in cells {
            guard let long = EstimatedPercentiles(values: lookups.map { $0[cell]?.longUSD ?? 0 }),
                let short = EstimatedPercentiles(values: lookups.map { $0[cell]?.shortUSD ?? 0 })
            else { continue }
            spread[cell] = Spread(long: long, short: short)
        }
        self.init(central: central, memberNames: memberNames, spread: spread)
    }

    /// The latest bucket's percentiles per band, ascending by band (the liquidation map's uncertainty).
    public var latestSpread: [(band: Int64, spread: Spread)] {
        guard let bucket = central.columns.last?.bucketStartMs else { return [] }
        return spread.filter { $0.key.bucketStartMs == bucket }.sorted { $0.key < $1.key }.map {
            ($0.key.band, $0.value)
        }
    }
}
