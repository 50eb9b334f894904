import LiqAnalytics
import LiqCore
import Testing

@Suite struct EstimatedLevelsModelTests {
    /// 1-minute buckets, $1,000 bands: every level below lies ≥ $100 from a band edge, so rounding cannot move one.
    static let grid = HeatmapGrid(baseAsset: "BTC", bucket: BucketSize("1m")!, bands: PriceBands(widthUSD: 1000)!)

    static func bar(
        _ minute: Int64, high: Double, low: Double, close: Double, volume: Double = 0, takerBuy: Double? = nil,
        venue: Venue = .bybit
    ) -> PriceBar {
        PriceBar(
            venue: venue, symbol: "BTCUSDT", baseAsset: "BTC", bucketStartMs: minute * 60_000, intervalMs: 60_000,
            open: close, high: high, low: low, close: close, volumeBase: volume, takerBuyVolumeBase: takerBuy)
    }

    static func flat(_ minute: Int64, _ price: Double, venue: Venue = .bybit) -> PriceBar {
        bar(minute, high: price, low: price, close: price, venue: venue)
    }

    /// Open interest sampled at `minute`'s start, i.e. at the end of the bar before it.
    static func oi(_ minute: Int64, _ base: Double, venue: Venue = .bybit) -> OpenInterestSample {
        OpenInterestSample(
            venue: venue, symbol: "BTCUSDT", baseAsset: "BTC", timestampMs: minute * 60_000, openInterestBase: base,
            openInterestUSD: base * 20_000)
    }

    /// The default mix without decay, so seeding and clearing can be checked exactly.
    static let undecayed = EstimatedLevelsModel(
        tiers: EstimatedLevelsModel.defaultTiers.map {
            EstimatedLevelsModel.Tier(leverage: $0.leverage, weight: $0.weight, halfLifeMs: .infinity)
        })

    /// One tier of 10x with weight 1.
    static func tenX(halfLifeMs: Double = .infinity) -> EstimatedLevelsModel {
        EstimatedLevelsModel(tiers: [EstimatedLevelsModel.Tier(leverage: 10, weight: 1, halfLifeMs: halfLifeMs)])
    }

    /// Bar 0 sets the OI baseline (1 BTC at its end); bar 1 ends with 2 BTC: ΔOI = 1 BTC at a typical price of
    /// (20,000 + 20,000 + 20,000)/3 = 20,000 → $20,000 new, ½/½ without taker data.
    static let seededBars = [flat(0, 20_000), flat(1, 20_000)]
    static let seededOI = [oi(1, 1), oi(2, 2)]

    static func levels(_ heatmap: EstimatedHeatmap, minute: Int64) -> [Int64: (Double, Double)] {
        let column = heatmap.columns.first { $0.bucketStartMs == minute * 60_000 }!
        return Dictionary(uniqueKeysWithValues: column.levels.map { ($0.band, ($0.longUSD, $0.shortUSD)) })
    }

    static func expectLevels(
        _ heatmap: EstimatedHeatmap, minute: Int64, _ expected: [Int64: (Double, Double)], tolerance: Double = 1e-9
    ) {
        let actual = levels(heatmap, minute: minute)
        #expect(Set(actual.keys) == Set(expected.keys))
        for (band, (long, short)) in expected {
            #expect(abs((actual[band]?.0 ?? -1) - long) <= tolerance, "long band \(band)")
            #expect(abs((actual[band]?.1 ?? -1) - short) <= tolerance, "short band \(band)")
        }
    }

    @Test func aSeededBarSpreadsNewOpenInterestOverTiersAtIsolatedLiquidationPrices() throws {
        let heatmap = try Self.undecayed.run(
            [EstimatedVenueSeries(venue: .bybit, bars: Self.seededBars, openInterest: Self.seededOI)], grid: Self.grid)
        // Bybit mmr 0.5%. Isolated: LP_long = E·(1 − 1/L + mmr), LP_short = E·(1 + 1/L − mmr), E = 20,000;
        // each side $10,000 × weight.
        // long  5x: 20,000·0.805 = 16,100 → band 16, $1,500; 10x: 0.905 → 18,100 → 18, $3,000;
        //       25x: 0.965 → 19,300, 50x: 0.985 → 19,700, 100x: 0.995 → 19,900 → band 19, 2,500 + 2,000 + 1,000 = 5,500.
        // short 5x: 1.195 → 23,900 → 23, $1,500; 10x: 1.095 → 21,900 → 21, $3,000;
        //       25x: 1.035 → 20,700, 50x: 1.015 → 20,300, 100x: 1.005 → 20,100 → band 20, $5,500.
        Self.expectLevels(
            heatmap, minute: 1,
            [16: (1500, 0), 18: (3000, 0), 19: (5500, 0), 20: (0, 5500), 21: (0, 3000), 23: (0, 1500)])
        // Bar 0 only set the baseline: nothing open.
        #expect(Self.levels(heatmap, minute: 0).isEmpty)
        #expect(heatmap.predictedCleared.isEmpty)
    }

    @Test func theNextBarsRangeClearsLevelsItTradesThroughAndRecordsThem() throws {
        // Bar 2 trades 19,500–20,500, no new OI sample.
        let bars = Self.seededBars + [Self.bar(2, high: 20_500, low: 19_500, close: 20_000)]
        let heatmap = try Self.undecayed.run(
            [EstimatedVenueSeries(venue: .bybit, bars: bars, openInterest: Self.seededOI)], grid: Self.grid)
        // Longs at or above the low 19,500: 19,700 ($2,000) and 19,900 ($1,000) → band 19 keeps only 25x's $2,500.
        // Shorts at or below the high 20,500: 20,100 ($1,000) and 20,300 ($2,000) → band 20 keeps 20,700's $2,500.
        Self.expectLevels(
            heatmap, minute: 2,
            [16: (1500, 0), 18: (3000, 0), 19: (2500, 0), 20: (0, 2500), 21: (0, 3000), 23: (0, 1500)])
        let cell = HeatmapCell(bucketStartMs: 120_000, band: 19)
        let shortCell = HeatmapCell(bucketStartMs: 120_000, band: 20)
        #expect(heatmap.predictedCleared[.long] == [cell: 3000])
        #expect(heatmap.predictedCleared[.short] == [shortCell: 3000])
        // A level exactly at the low is hit: a low of 19,300 also takes the 25x long.
        let touching = Self.seededBars + [Self.bar(2, high: 20_000, low: 19_300, close: 20_000)]
        let touched = try Self.undecayed.run(
            [EstimatedVenueSeries(venue: .bybit, bars: touching, openInterest: Self.seededOI)], grid: Self.grid)
        #expect(touched.predictedCleared[.long]?[cell] == 5500)
    }

    @Test func oneHalfLifeHalvesALevel() throws {
        // 10x only, half-life one minute; bar 2 one minute later, flat (clears nothing).
        let bars = Self.seededBars + [Self.flat(2, 20_000)]
        let heatmap = try Self.tenX(halfLifeMs: 60_000).run(
            [EstimatedVenueSeries(venue: .bybit, bars: bars, openInterest: Self.seededOI)], grid: Self.grid)
        // Seeded: long 18,100 (band 18) and short 21,900 (band 21), $10,000 each; × 2^(−60,000/60,000) = $5,000.
        Self.expectLevels(heatmap, minute: 1, [18: (10_000, 0), 21: (0, 10_000)])
        Self.expectLevels(heatmap, minute: 2, [18: (5000, 0), 21: (0, 5000)], tolerance: 1e-9)
    }

    @Test func fallingOpenInterestClosesLevelsProRata() throws {
        // Bar 2 ends with 1.5 BTC, down from 2: a quarter of open interest closed → every level × 0.75.
        let bars = Self.seededBars + [Self.flat(2, 20_000)]
        let heatmap = try Self.tenX().run(
            [EstimatedVenueSeries(venue: .bybit, bars: bars, openInterest: Self.seededOI + [Self.oi(3, 1.5)])],
            grid: Self.grid)
        // $10,000 × (1 − 0.5/2) = $7,500 per side.
        Self.expectLevels(heatmap, minute: 2, [18: (7500, 0), 21: (0, 7500)])
    }

    @Test func takerBuyShareSplitsNewPositions() throws {
        // Bar 1 traded 10 BTC of which 7 taker buys: 70% of the $20,000 seeds longs.
        let bars = [
            Self.flat(0, 20_000), Self.bar(1, high: 20_000, low: 20_000, close: 20_000, volume: 10, takerBuy: 7),
        ]
        let heatmap = try Self.tenX().run(
            [EstimatedVenueSeries(venue: .bybit, bars: bars, openInterest: Self.seededOI)], grid: Self.grid)
        // Long $20,000 × 0.7 = $14,000 at 18,100; short $6,000 at 21,900.
        Self.expectLevels(heatmap, minute: 1, [18: (14_000, 0), 21: (0, 6000)])
    }

    @Test func entryIsTheTypicalPriceAndVenuesUseTheirOwnRate() throws {
        // Bar 1: H 20,300, L 19,700, C 20,300 → typical (20,300 + 19,700 + 20,300)/3 = 20,100. OKX mmr 0.4%.
        // 10x long: 20,100·(1 − 0.1 + 0.004) = 20,100·0.904 = 18,170.4 → band 18; short 20,100·1.096 = 22,029.6 → 22.
        let bars = [
            Self.flat(0, 20_000, venue: .okx), Self.bar(1, high: 20_300, low: 19_700, close: 20_300, venue: .okx),
        ]
        let fine = HeatmapGrid(baseAsset: "BTC", bucket: BucketSize("1m")!, bands: PriceBands(widthUSD: 0.5)!)
        let heatmap = try Self.tenX().run(
            [
                EstimatedVenueSeries(
                    venue: .okx, bars: bars, openInterest: [Self.oi(1, 1, venue: .okx), Self.oi(2, 2, venue: .okx)])
            ], grid: fine)
        // ΔOI 1 BTC × 20,100 = $20,100, $10,050 a side; at $0.50 bands 18,170.4 → band 36,340, 22,029.6 → 44,059.
        Self.expectLevels(heatmap, minute: 1, [36_340: (10_050, 0), 44_059: (0, 10_050)])
    }

    @Test func venuesAreSummedAndAVenueWithoutABarCarriesItsLastState() throws {
        let bybit = EstimatedVenueSeries(venue: .bybit, bars: Self.seededBars, openInterest: Self.seededOI)
        // OKX (mmr 0.4%) has bars 0–2; Bybit only 0–1. Same seeding: OKX 10x long 20,000·0.904 = 18,080 (band 18),
        // short 20,000·1.096 = 21,920 (band 21).
        let okx = EstimatedVenueSeries(
            venue: .okx,
            bars: [
                Self.flat(0, 20_000, venue: .okx), Self.flat(1, 20_000, venue: .okx),
                Self.flat(2, 20_100, venue: .okx),
            ],
            openInterest: [Self.oi(1, 1, venue: .okx), Self.oi(2, 2, venue: .okx)])
        let heatmap = try Self.tenX().run([okx, bybit], grid: Self.grid)
        Self.expectLevels(heatmap, minute: 1, [18: (20_000, 0), 21: (0, 20_000)])
        // Minute 2: Bybit has no bar; its minute-1 levels still count. Current price = the only close there, 20,100.
        Self.expectLevels(heatmap, minute: 2, [18: (20_000, 0), 21: (0, 20_000)])
        #expect(heatmap.currentPrice == 20_100)
    }

    @Test func calibrationScalesEachSideToOpenInterest() throws {
        var model = Self.tenX()
        model.calibratesToOpenInterest = true
        let heatmap = try model.run(
            [EstimatedVenueSeries(venue: .bybit, bars: Self.seededBars, openInterest: Self.seededOI)], grid: Self.grid)
        // OI at bar 1's end: 2 BTC × 20,000 = $40,000 per side (one-sided OI); each side had $10,000 → × 4.
        Self.expectLevels(heatmap, minute: 1, [18: (40_000, 0), 21: (0, 40_000)])
    }

    @Test func theLiquidationMapAccumulatesOutwardFromThePrice() throws {
        let heatmap = try Self.undecayed.run(
            [EstimatedVenueSeries(venue: .bybit, bars: Self.seededBars, openInterest: Self.seededOI)], grid: Self.grid)
        let map = try #require(heatmap.liquidationMap)
        // Price 20,000 → band 20. Longs downward: band 19 5,500; 18 5,500 + 3,000 = 8,500; 16 8,500 + 1,500 = 10,000.
        // Shorts upward: band 20 5,500; 21 8,500; 23 10,000.
        #expect(map.rows.map(\.band) == [16, 18, 19, 20, 21, 23])
        #expect(map.rows.map(\.cumLongUSD) == [10_000, 8500, 5500, 0, 0, 0])
        #expect(map.rows.map(\.cumShortUSD) == [0, 0, 0, 5500, 8500, 10_000])
        #expect(map.bucketStartMs == 60_000)
    }

    @Test func aTierAtOrBeyondTheMaintenanceRateHasNoLevelAndIsReported() {
        // 250x: 1/L = 0.4% < Bybit's 0.5% → liquidated at entry.
        let model = EstimatedLevelsModel(tiers: [EstimatedLevelsModel.Tier(leverage: 250, weight: 1)])
        #expect(throws: LiquidationPriceError.self) {
            try model.run(
                [EstimatedVenueSeries(venue: .bybit, bars: Self.seededBars, openInterest: Self.seededOI)],
                grid: Self.grid)
        }
    }
}
