/// Runs the estimated levels under several leverage mixes, because the mix is the model's least known input (no venue
/// publishes one), and reports the spread per cell as p10/p50/p90 (DOMAIN.md §4.4).
public struct EstimatedLevelsEnsemble: Sendable, Equatable {
    public struct Member: Sendable, Equatable {
        public var name: String
        public var model: EstimatedLevelsModel

        public init(name: String, model: EstimatedLevelsModel) {
            self.name = name
            self.model = model
        }
    }

    /// The model whose values are the heatmap's `long_usd`/`short_usd`.
    public var central: EstimatedLevelsModel
    public var members: [Member]

    public init(central: EstimatedLevelsModel, members: [Member]) {
        self.central = central
        self.members = members
    }

    /// The three published mixes of analytics-anchors §5 item 3, each with `base`'s rates and calibration and the
    /// default half-life per leverage; `base` is the central model.
    /// - `gptprojectmanager`: 5/10/25/50/100x = .15/.30/.25/.20/.10 (DOMAIN.md's default);
    /// - `third-party`: 10/25/50/100x = .25/.35/.25/.15;
    /// - `hyblock`: 25/50/100x "high leverage"; Hyblock publishes no weights, so they are equal (our choice).
    public static func publishedMixes(base: EstimatedLevelsModel = EstimatedLevelsModel()) -> EstimatedLevelsEnsemble {
        func member(_ name: String, _ mix: [(Double, Double)]) -> Member {
            var model = base
            model.tiers = mix.map { EstimatedLevelsModel.Tier(leverage: $0.0, weight: $0.1) }
            return Member(name: name, model: model)
        }
        return EstimatedLevelsEnsemble(
            central: base,
            members: [
                member("gptprojectmanager", [(5, 0.15), (10, 0.30), (25, 0.25), (50, 0.20), (100, 0.10)]),
                member("third-party", [(10, 0.25), (25, 0.35), (50, 0.25), (100, 0.15)]),
                member("hyblock", [(25, 1.0 / 3), (50, 1.0 / 3), (100, 1.0 / 3)]),
            ])
    }

    /// The central heatmap and every member's, with percentiles per cell. A member equal to the central model is
    /// not run twice (the published mixes include it).
    public func run(_ series: [EstimatedVenueSeries], grid: HeatmapGrid) throws(LiquidationPriceError)
        -> EstimatedEnsembleHeatmap
    {
        let centralRun = try central.run(series, grid: grid)
        var runs: [EstimatedHeatmap] = []
        for member in members {
            runs.append(member.model == central ? centralRun : try member.model.run(series, grid: grid))
        }
        return EstimatedEnsembleHeatmap(central: centralRun, memberNames: members.map(\.name), members: runs)
    }
}
