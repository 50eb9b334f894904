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
        let heatmaps = [central] + members
        let buckets = Set(heatmaps.flatMap { $0.columns.map(\.bucketStartMs) }).sorted()
        var cursors = Array(repeating: 0, count: heatmaps.count)
        var cells: [(HeatmapCell, Spread)] = []
        for bucket in buckets {
            // Each heatmap's column of exactly this bucket (a heatmap without one has no level in it).
            let lists = heatmaps.indices.map { index -> [EstimatedHeatmap.BandLevel] in
                let columns = heatmaps[index].columns
                while cursors[index] < columns.count, columns[cursors[index]].bucketStartMs < bucket {
                    cursors[index] += 1
                }
                guard cursors[index] < columns.count, columns[cursors[index]].bucketStartMs == bucket else { return [] }
                return columns[cursors[index]].levels
            }
            var merge = BandLevelMerge(lists)
            while merge.advance() {
                let levels = members.indices.map { merge.level(in: $0 + 1) }
                guard let long = EstimatedPercentiles(values: levels.map { $0?.longUSD ?? 0 }),
                    let short = EstimatedPercentiles(values: levels.map { $0?.shortUSD ?? 0 })
                else { continue }
                cells.append((HeatmapCell(bucketStartMs: bucket, band: merge.band), Spread(long: long, short: short)))
            }
        }
        self.init(central: central, memberNames: memberNames, spread: Dictionary(uniqueKeysWithValues: cells))
    }

    /// The latest bucket's percentiles per band, ascending by band (the liquidation map's uncertainty).
    public var latestSpread: [(band: Int64, spread: Spread)] {
        guard let bucket = central.columns.last?.bucketStartMs else { return [] }
        return spread.filter { $0.key.bucketStartMs == bucket }.sorted { $0.key < $1.key }.map {
            ($0.key.band, $0.value)
        }
    }
}
