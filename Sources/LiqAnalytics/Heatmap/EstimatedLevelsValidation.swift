public import LiqCore

/// How well the estimated levels' predicted liquidations match realised ones in the same cells (DOMAIN.md §4.3),
/// per side and for both sides together (cells of the two sides counted separately).
///
/// Both inputs are USD per side and cell of one grid, over the same buckets (the caller restricts realised
/// liquidations to the buckets the model ran over). Definitions, over cells with a value > 0:
/// - `notionalHitRate` = realised USD in cells where the model predicted clearing / all realised USD: how much of
///   what happened the map had a level for.
/// - `cellHitRate` = cells with realised and predicted / cells with realised.
/// - `precision` = cells with realised and predicted / cells with predicted: how many predicted cells saw prints.
/// - `spearman`: rank correlation (ties get their mean rank) of predicted and realised USD per band, summed over all
///   buckets, over the bands where either is > 0 (per side and band for both sides); nil below two bands or when
///   either has no spread.
/// - `calibration`: predicted cells ranked by predicted USD (ties in cell order) and cut into deciles (cell `i` of `n`
///   is in decile `⌊10·i/n⌋ + 1`); per decile, the share of all realised USD in its cells. A useful map puts more
///   realised notional in higher deciles. Empty deciles (fewer than ten predicted cells) are left out.
/// Rates are nil when their denominator is 0.
public struct EstimatedLevelsValidation: Sendable, Equatable {
    public struct Decile: Sendable, Equatable {
        /// 1 (smallest predictions) … 10 (largest).
        public var decile: Int
        public var cells: Int
        public var predictedUSD: Double
        public var realisedUSD: Double
        /// `realisedUSD` / all realised USD of the side(s); nil without realised notional.
        public var realisedShare: Double?
    }

    public struct Scores: Sendable, Equatable {
        public var predictedUSD: Double
        public var realisedUSD: Double
        public var predictedCells: Int
        public var realisedCells: Int
        public var notionalHitRate: Double?
        public var cellHitRate: Double?
        public var precision: Double?
        public var spearman: Double?
        public var bandsCompared: Int
        public var calibration: [Decile]
    }

    public var long: Scores
    public var short: Scores
    public var bothSides: Scores

    public init(predicted: [PositionSide: [HeatmapCell: Double]], realised: [PositionSide: [HeatmapCell: Double]]) {
        func keyed(_ values: [PositionSide: [HeatmapCell: Double]], _ sides: [PositionSide]) -> [SidedCell: Double] {
            var result: [SidedCell: Double] = [:]
            for side in sides {
                for (cell, usd) in values[side] ?? [:] where usd > 0 { result[SidedCell(side: side, cell: cell)] = usd }
            }
            return result
        }
        long = Self.scores(predicted: keyed(predicted, [.long]), realised: keyed(realised, [.long]))
        short = Self.scores(predicted: keyed(predicted, [.short]), realised: keyed(realised, [.short]))
        bothSides = Self.scores(
            predicted: keyed(predicted, [.long, .short]), realised: keyed(realised, [.long, .short]))
    }

    /// Spearman's rank correlation of paired samples: the Pearson correlation of their ranks (ties get their mean
    /// rank). Nil below two pairs or when either sample is constant.
    public static func spearman(_ x: [Double], _ y: [Double]) -> Double? {
        precondition(x.count == y.count, "paired samples")
        guard x.count >= 2 else { return nil }
        let rankX = ranks(x)
        let rankY = ranks(y)
        let meanX = rankX.reduce(0, +) / Double(x.count)
        let meanY = rankY.reduce(0, +) / Double(y.count)
        var covariance = 0.0
        var varianceX = 0.0
        var varianceY = 0.0
        for index in x.indices {
            let dx = rankX[index] - meanX
            let dy = rankY[index] - meanY
            covariance += dx * dy
            varianceX += dx * dx
            varianceY += dy * dy
        }
        guard varianceX > 0, varianceY > 0 else { return nil }
        return covariance / (varianceX * varianceY).squareRoot()
    }

    /// 1-based ranks, ties sharing the mean of the ranks they span.
    static func ranks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var result = Array(repeating: 0.0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count, values[order[end + 1]] == values[order[start]] { end += 1 }
            let rank = Double(start + end) / 2 + 1
            for position in start...end { result[order[position]] = rank }
            start = end + 1
        }
        return result
    }

    private struct SidedCell: Hashable, Comparable {
        var side: PositionSide
        var cell: HeatmapCell

        static func < (lhs: SidedCell, rhs: SidedCell) -> Bool {
            (lhs.cell, lhs.side.rawValue) < (rhs.cell, rhs.side.rawValue)
        }
    }

    private struct SidedBand: Hashable, Comparable {
        var side: PositionSide
        var band: Int64

        static func < (lhs: SidedBand, rhs: SidedBand) -> Bool {
            (lhs.band, lhs.side.rawValue) < (rhs.band, rhs.side.rawValue)
        }
    }

    private static func scores(predicted: [SidedCell: Double], realised: [SidedCell: Double]) -> Scores {
        // Summed in cell order: dictionary order changes between processes, and float sums with it.
        let realisedKeys = realised.keys.sorted()
        let realisedUSD = realisedKeys.reduce(0) { $0 + realised[$1]! }
        let hitCells = realisedKeys.filter { predicted[$0] != nil }
        let hitUSD = hitCells.reduce(0) { $0 + realised[$1]! }

        var bands: [SidedBand: (predicted: Double, realised: Double)] = [:]
        for key in predicted.keys.sorted() {
            bands[SidedBand(side: key.side, band: key.cell.band), default: (0, 0)].predicted += predicted[key]!
        }
        for key in realisedKeys {
            bands[SidedBand(side: key.side, band: key.cell.band), default: (0, 0)].realised += realised[key]!
        }
        let bandKeys = bands.keys.sorted()

        let ranked = predicted.keys.sorted { (predicted[$0]!, $0) < (predicted[$1]!, $1) }
        var deciles: [Decile] = []
        for (position, key) in ranked.enumerated() {
            let decile = position * 10 / ranked.count + 1
            if deciles.last?.decile != decile {
                deciles.append(Decile(decile: decile, cells: 0, predictedUSD: 0, realisedUSD: 0, realisedShare: nil))
            }
            deciles[deciles.count - 1].cells += 1
            deciles[deciles.count - 1].predictedUSD += predicted[key]!
            deciles[deciles.count - 1].realisedUSD += realised[key] ?? 0
        }
        for index in deciles.indices where realisedUSD > 0 {
            deciles[index].realisedShare = deciles[index].realisedUSD / realisedUSD
        }

        return Scores(
            predictedUSD: predicted.keys.sorted().reduce(0) { $0 + predicted[$1]! },
            realisedUSD: realisedUSD,
            predictedCells: predicted.count,
            realisedCells: realised.count,
            notionalHitRate: realisedUSD > 0 ? hitUSD / realisedUSD : nil,
            cellHitRate: realised.isEmpty ? nil : Double(hitCells.count) / Double(realised.count),
            precision: predicted.isEmpty ? nil : Double(hitCells.count) / Double(predicted.count),
            spearman: spearman(bandKeys.map { bands[$0]!.predicted }, bandKeys.map { bands[$0]!.realised }),
            bandsCompared: bandKeys.count,
            calibration: deciles)
    }
}
