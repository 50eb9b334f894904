import LiqAnalytics
import LiqCore
import Testing

@Suite struct EstimatedLevelsEnsembleTests {
    @Test func percentilesInterpolateBetweenOrderStatistics() throws {
        // Sorted 10, 20, 40: p10 at h = 2·0.1 = 0.2 → 10 + 0.2·10 = 12; p50 at 1 → 20; p90 at 1.8 → 20 + 0.8·20 = 36.
        let percentiles = try #require(EstimatedPercentiles(values: [40, 10, 20]))
        #expect(abs(percentiles.p10 - 12) < 1e-12)
        #expect(percentiles.p50 == 20)
        #expect(abs(percentiles.p90 - 36) < 1e-12)
        #expect(EstimatedPercentiles(values: [7]) == EstimatedPercentiles(p10: 7, p50: 7, p90: 7))
        #expect(EstimatedPercentiles(values: []) == nil)
    }

    @Test func threeMembersGiveASpreadPerCell() throws {
        func tenX(_ weight: Double) -> EstimatedLevelsModel {
            EstimatedLevelsModel(tiers: [EstimatedLevelsModel.Tier(leverage: 10, weight: weight, halfLifeMs: .infinity)]
            )
        }
        let ensemble = EstimatedLevelsEnsemble(
            central: tenX(1),
            members: [
                .init(name: "a", model: tenX(1)), .init(name: "b", model: tenX(0.5)), .init(name: "c", model: tenX(2)),
            ])
        let result = try ensemble.run(
            [
                EstimatedVenueSeries(
                    venue: .bybit, bars: EstimatedLevelsModelTests.seededBars,
                    openInterest: EstimatedLevelsModelTests.seededOI)
            ], grid: EstimatedLevelsModelTests.grid)
        // $10,000 a side × weights 1, 0.5, 2 → 10,000, 5,000, 20,000 in long band 18 (and short band 21):
        // p10 5,000 + 0.2·5,000 = 6,000; p50 10,000; p90 10,000 + 0.8·10,000 = 18,000.
        let spread = try #require(result.spread[HeatmapCell(bucketStartMs: 60_000, band: 18)])
        #expect(abs(spread.long.p10 - 6000) < 1e-9)
        #expect(spread.long.p50 == 10_000)
        #expect(abs(spread.long.p90 - 18_000) < 1e-9)
        #expect(spread.short == EstimatedPercentiles(p10: 0, p50: 0, p90: 0))
        #expect(result.latestSpread.map(\.band) == [18, 21])
        #expect(result.memberNames == ["a", "b", "c"])
    }

    @Test func thePublishedMixesAreTheReferencesThree() {
        let ensemble = EstimatedLevelsEnsemble.publishedMixes()
        #expect(ensemble.members.map(\.name) == ["gptprojectmanager", "third-party", "hyblock"])
        #expect(ensemble.members[0].model == ensemble.central)
        #expect(ensemble.members[1].model.tiers.map(\.leverage) == [10, 25, 50, 100])
        #expect(ensemble.members[1].model.tiers.map(\.weight) == [0.25, 0.35, 0.25, 0.15])
        #expect(ensemble.members[2].model.tiers.map(\.leverage) == [25, 50, 100])
    }
}
