import Testing

@testable import LiqAnalytics

@Suite struct BandLevelMergeTests {
    private func level(_ band: Int64, _ long: Double) -> EstimatedHeatmap.BandLevel {
        EstimatedHeatmap.BandLevel(band: band, longUSD: long, shortUSD: 0)
    }

    @Test func walksTheUnionOfBandsInOrderWithEachListsLevel() {
        // Lists {−3, 2, 7}, {}, {2, 5}: the union −3, 2, 5, 7; band 2 has a level in the first and third lists.
        var merge = BandLevelMerge([[level(-3, 1), level(2, 2), level(7, 3)], [], [level(2, 20), level(5, 30)]])
        var walked: [(Int64, [Double?])] = []
        while merge.advance() { walked.append((merge.band, (0..<3).map { merge.level(in: $0)?.longUSD })) }
        #expect(walked.map(\.0) == [-3, 2, 5, 7])
        #expect(walked.map(\.1) == [[1, nil, nil], [2, nil, 20], [nil, nil, 30], [3, nil, nil]])
        let more = merge.advance()
        #expect(!more)
    }

    @Test func nothingToWalk() {
        var merge = BandLevelMerge([[], []])
        let any = merge.advance()
        #expect(!any)
        #expect(merge.level(in: 0) == nil)
    }
}
