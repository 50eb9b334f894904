import LiqAnalytics
import LiqCore
import LiqEmit
import Testing

@Suite struct HeatmapPlotlyJSONTests {
    @Test func plotlyMatricesHaveOneRowPerBandAndOneColumnPerBucket() throws {
        let bytes = try HeatmapPlotlyJSON.encode(try HeatmapSamples.heatmap())
        let root = try JSONNode.parse(bytes, origin: "heatmap_plotly.json")
        try root.requireOnlyKeys([
            "schemaVersion", "base", "bucketMs", "bandWidthUSD", "lowerBound", "orientation", "x", "xEdges", "y",
            "yEdges", "z",
            "zLong", "zShort", "tradingView",
        ])
        #expect(try root.member("bucketMs").int64() == 60_000)
        #expect(try root.member("bandWidthUSD").decimal() == 100)
        #expect(try root.member("lowerBound").bool())
        #expect(try HeatmapSamples.numbers(root.member("x")) == [60_000, 120_000])
        // Edges: the two bucket starts and the end of the last, 120,000 + 60,000 = 180,000.
        #expect(try HeatmapSamples.numbers(root.member("xEdges")) == [60_000, 120_000, 180_000])
        // Mids of [64,000, 64,100) and [64,100, 64,200); edges one more than the mids.
        #expect(try HeatmapSamples.numbers(root.member("y")) == [64_050, 64_150])
        #expect(try HeatmapSamples.numbers(root.member("yEdges")) == [64_000, 64_100, 64_200])
        // z[band][bucket]: band 640 = [42,025 at 60,000; 1,250 + 2,500 = 3,750 at 120,000]; band 641 = [5,000; 0].
        #expect(try HeatmapSamples.matrix(root.member("z")) == [[42_025, 3_750], [5_000, 0]])
        #expect(try HeatmapSamples.matrix(root.member("zLong")) == [[42_025, 1_250], [0, 0]])
        #expect(try HeatmapSamples.matrix(root.member("zShort")) == [[0, 2_500], [5_000, 0]])
    }

    @Test func tradingViewSeriesHasSecondsAndNonEmptyCells() throws {
        let root = try JSONNode.parse(
            try HeatmapPlotlyJSON.encode(try HeatmapSamples.heatmap()), origin: "heatmap_plotly.json")
        let series = try root.member("tradingView").elements()
        // Bucket starts 60,000 and 120,000 ms = 60 and 120 s.
        #expect(try series.map { try $0.member("time").int64() } == [60, 120])
        let first = try series[0].member("cells").elements()
        #expect(try first.map { try $0.member("low").decimal() } == [64_000, 64_100])
        #expect(try first.map { try $0.member("high").decimal() } == [64_100, 64_200])
        #expect(try first.map { try $0.member("amount").decimal() } == [42_025, 5_000])
        let second = try series[1].member("cells").elements()
        #expect(try second.map { try $0.member("amount").decimal() } == [3_750])
    }

    @Test func isOneDeterministicLine() throws {
        let bytes = try HeatmapPlotlyJSON.encode(try HeatmapSamples.heatmap())
        #expect(bytes.filter { $0 == 0x0A }.count == 1)
        #expect(try HeatmapPlotlyJSON.encode(try HeatmapSamples.heatmap(HeatmapSamples.events.reversed())) == bytes)
    }
}
