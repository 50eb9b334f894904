import LiqAnalytics
import LiqCore
import LiqEmit
import Testing

@Suite struct HeatmapRealizedJSONTests {
    @Test func carriesGridCoverageAndPerVenueCells() throws {
        let bytes = HeatmapRealizedJSON.encode(
            try HeatmapSamples.heatmap(), bandWidth: .relativeBasisPoints(15.625), referencePrice: 64_000)
        let root = try JSONNode.parse(bytes, origin: "heatmap_realized.json")
        try root.requireOnlyKeys([
            "schemaVersion", "base", "bucket", "bucketMs", "band", "longUSD", "shortUSD", "totalUSD", "events",
            "lowerBound", "coverage", "cells",
        ])
        #expect(try root.member("schemaVersion").int64() == 1)
        #expect(try root.member("base").string() == "BTC")
        #expect(try root.member("bucket").string() == "1m")
        #expect(try root.member("bucketMs").int64() == 60_000)
        // 15.625 bps of 64,000 = 100 USD.
        let band = try root.member("band")
        #expect(try band.member("widthUSD").decimal() == 100)
        #expect(try band.member("mode").string() == "relative")
        #expect(try band.member("basisPoints").decimal() == 15.625)
        #expect(try band.member("referencePrice").decimal() == 64_000)
        // Totals: long 42,025 + 1,250 = 43,275; short 5,000 + 2,500 = 7,500; total 50,775.
        #expect(try root.member("longUSD").decimal() == 43_275)
        #expect(try root.member("shortUSD").decimal() == 7_500)
        #expect(try root.member("totalUSD").decimal() == 50_775)
        #expect(try root.member("events").int64() == 5)
        #expect(try root.member("lowerBound").bool())
        let coverage = try root.member("coverage").elements()
        #expect(try coverage.map { try $0.member("venue").string() } == ["binance-usdm", "bybit", "okx"])
        #expect(try coverage.map { try $0.member("completeness").string() } == ["sampled", "complete", "complete"])
        let cells = try root.member("cells").elements()
        #expect(try cells.map { try $0.member("bucketStartMs").int64() } == [60_000, 60_000, 120_000])
        #expect(try cells.map { try $0.member("band").int64() } == [640, 641, 640])
        #expect(try cells.map { try $0.member("bandLow").decimal() } == [64_000, 64_100, 64_000])
        #expect(try cells.map { try $0.member("bandHigh").decimal() } == [64_100, 64_200, 64_100])
        let venues = try cells[0].member("venues").elements()
        // Cell (60,000, 640): Binance 32,025 + OKX 10,000 = 42,025 long.
        #expect(try venues.map { try $0.member("venue").string() } == ["binance-usdm", "okx"])
        #expect(try venues.map { try $0.member("longUSD").decimal() } == [32_025, 10_000])
        #expect(try cells[0].member("longUSD").decimal() == 42_025)
    }

    @Test func omitsTheWidthOriginWhenNotGivenAndIsDeterministic() throws {
        let heatmap = try HeatmapSamples.heatmap()
        let root = try JSONNode.parse(HeatmapRealizedJSON.encode(heatmap), origin: "heatmap_realized.json")
        try root.member("band").requireOnlyKeys(["widthUSD"])
        #expect(
            HeatmapRealizedJSON.encode(try HeatmapSamples.heatmap(HeatmapSamples.events.reversed()))
                == HeatmapRealizedJSON.encode(heatmap))
    }
}
