import LiqAnalytics
import LiqCore
import Testing

@Suite struct EstimatedLevelsValidationTests {
    static func cell(_ bucket: Int64, _ band: Int64) -> HeatmapCell { HeatmapCell(bucketStartMs: bucket, band: band) }

    @Test func spearmanMatchesTheTextbookExample() throws {
        // Ten pairs without ties: Σd² = 194, ρ = 1 − 6·194/(10·(100 − 1)) = 1 − 1,164/990 = −0.175757…
        let x: [Double] = [106, 86, 100, 101, 99, 103, 97, 113, 112, 110]
        let y: [Double] = [7, 0, 27, 50, 28, 29, 20, 12, 6, 17]
        let rho = try #require(EstimatedLevelsValidation.spearman(x, y))
        #expect(abs(rho - (1 - 1164.0 / 990)) < 1e-12)
    }

    @Test func spearmanGivesTiesTheirMeanRank() throws {
        // y ranks (1, 2.5, 2.5, 4), x ranks (1, 2, 3, 4), both means 2.5; deviations x (−1.5, −0.5, 0.5, 1.5),
        // y (−1.5, 0, 0, 1.5): cov 2.25 + 2.25 = 4.5, var x 5, var y 4.5 → 4.5/√22.5 = 0.9486833…
        // (Ranking the tie 2, 2 instead would give 4.5/√23.75 = 0.9234.)
        let rho = try #require(EstimatedLevelsValidation.spearman([1, 2, 3, 4], [1, 2, 2, 3]))
        #expect(abs(rho - 4.5 / 22.5.squareRoot()) < 1e-12)
        #expect(EstimatedLevelsValidation.spearman([1, 2], [3, 3]) == nil)
        #expect(EstimatedLevelsValidation.spearman([1], [2]) == nil)
    }

    @Test func hitRatesRankCorrelationAndCalibration() throws {
        let predicted: [PositionSide: [HeatmapCell: Double]] = [
            .long: [Self.cell(0, 10): 100, Self.cell(0, 11): 50, Self.cell(60, 10): 30],
            .short: [Self.cell(0, 20): 10],
        ]
        let realised: [PositionSide: [HeatmapCell: Double]] = [
            .long: [Self.cell(0, 10): 80, Self.cell(60, 12): 20],
            .short: [Self.cell(0, 20): 5, Self.cell(0, 21): 15],
        ]
        let validation = EstimatedLevelsValidation(predicted: predicted, realised: realised)
        let long = validation.long
        // Longs: realised 80 + 20 = 100, of which 80 in a predicted cell → 0.8; cells 1 of 2; precision 1 of 3.
        #expect(long.realisedUSD == 100)
        #expect(long.predictedUSD == 180)
        #expect(long.notionalHitRate == 0.8)
        #expect(long.cellHitRate == 0.5)
        #expect(long.precision == 1.0 / 3)
        // Per band: 10 → (130, 80), 11 → (50, 0), 12 → (0, 20). Ranks (3, 2, 1) and (3, 1, 2):
        // deviations (1, 0, −1), (1, −1, 0) → cov 1, var 2 and 2 → ρ = 0.5.
        #expect(long.bandsCompared == 3)
        #expect(abs(try #require(long.spearman) - 0.5) < 1e-12)
        // Deciles of 3 cells: positions 0, 1, 2 → ⌊10·i/3⌋ + 1 = 1, 4, 7; 30 → none realised, 50 → none,
        // 100 → 80 of 100 realised.
        #expect(long.calibration.map(\.decile) == [1, 4, 7])
        #expect(long.calibration.map(\.predictedUSD) == [30, 50, 100])
        #expect(long.calibration.map(\.realisedShare) == [0, 0, 0.8])
        // Both sides: realised 100 + 20 = 120, hit 80 + 5 = 85 → 85/120; cells 2 of 4; precision 2 of 4.
        #expect(abs(try #require(validation.bothSides.notionalHitRate) - 85.0 / 120) < 1e-12)
        #expect(validation.bothSides.cellHitRate == 0.5)
        #expect(validation.bothSides.precision == 0.5)
        // Shorts: one band (20) with both, one (21) realised only: ranks (2, 1) vs (1, 2) → ρ = −1.
        #expect(validation.short.spearman == -1)
    }

    @Test func nothingRealisedLeavesRatesUndefined() {
        let validation = EstimatedLevelsValidation(predicted: [.long: [Self.cell(0, 1): 5]], realised: [:])
        #expect(validation.long.notionalHitRate == nil)
        #expect(validation.long.cellHitRate == nil)
        #expect(validation.long.precision == 0)
        #expect(validation.long.calibration.map(\.realisedShare) == [nil])
    }
}
