import LiqAnalytics
import LiqCore
import Testing

@Suite struct RealizedHeatmapTests {
    static func event(
        _ venue: Venue, _ time: Int64, _ side: PositionSide, price: Double, usd: Double, base: String = "BTC",
        sampled: Bool = false
    ) -> LiquidationEvent {
        LiquidationEvent(
            venue: venue, symbol: base + "USDT", baseAsset: base, timestampMs: time, side: side, price: price,
            priceKind: .fill, quantityBase: usd / price, notionalUSD: usd, completeness: sampled ? .sampled : .complete,
            eventID: EventID(
                venue: venue, symbol: base + "USDT", timestampMs: time, side: side, price: price, quantity: usd / price,
                venueID: nil))
    }

    /// 1-minute buckets × 100 USD bands.
    static func grid(width: Double = 100, bucket: String = "1m") throws -> HeatmapGrid {
        HeatmapGrid(
            baseAsset: "BTC", bucket: try #require(BucketSize(bucket)), bands: try #require(PriceBands(widthUSD: width))
        )
    }

    /// Two buckets (60,000 and 120,000 ms), two bands (640 = [64,000, 64,100), 641 = [64,100, 64,200)), both sides,
    /// three venues, one of them sampled.
    static let handWorkedEvents = [
        event(.binanceUSDM, 61_000, .long, price: 64_050, usd: 32_025, sampled: true),  // bucket 60,000, band 640
        event(.okx, 90_000, .long, price: 64_099.9, usd: 10_000),  // bucket 60,000, band 640 (just below the edge)
        event(.okx, 119_999, .short, price: 64_100, usd: 5_000),  // bucket 60,000, band 641 (exactly on the edge)
        event(.bybit, 120_000, .short, price: 64_010, usd: 2_500),  // bucket 120,000 (exactly on its start), band 640
        event(.bybit, 179_999, .long, price: 64_010, usd: 1_250),  // bucket 120,000, band 640
    ]

    @Test func handWorkedCellsSumPerBucketBandSideAndVenue() throws {
        let heatmap = try RealizedHeatmap(events: Self.handWorkedEvents.reversed(), grid: Self.grid())
        #expect(
            heatmap.cells.map(\.cell) == [
                HeatmapCell(bucketStartMs: 60_000, band: 640), HeatmapCell(bucketStartMs: 60_000, band: 641),
                HeatmapCell(bucketStartMs: 120_000, band: 640),
            ])
        // (60,000, 640): long 32,025 (Binance) + 10,000 (OKX) = 42,025; no shorts; 2 events.
        let first = heatmap.cells[0]
        #expect(first.longUSD == 42_025)
        #expect(first.shortUSD == 0)
        #expect(first.events == 2)
        #expect(first.venues.map(\.venue) == [.binanceUSDM, .okx])
        #expect(first.venues.map(\.longUSD) == [32_025, 10_000])
        // (60,000, 641): the OKX short at exactly 64,100 is in the upper band: 5,000 short.
        #expect(heatmap.cells[1].shortUSD == 5_000)
        #expect(heatmap.cells[1].longUSD == 0)
        #expect(heatmap.cells[1].venues.map(\.venue) == [.okx])
        // (120,000, 640): Bybit long 1,250 + short 2,500 = 3,750 total, 2 events.
        #expect(heatmap.cells[2].longUSD == 1_250)
        #expect(heatmap.cells[2].shortUSD == 2_500)
        #expect(heatmap.cells[2].totalUSD == 3_750)
        #expect(heatmap.cells[2].events == 2)
        // Totals: long 42,025 + 1,250 = 43,275; short 5,000 + 2,500 = 7,500; 5 events.
        #expect(heatmap.longUSD == 43_275)
        #expect(heatmap.shortUSD == 7_500)
        #expect(heatmap.totalUSD == 50_775)
        #expect(heatmap.events == 5)
        // Binance is sampled, so everything is a lower bound.
        #expect(heatmap.coverage.map(\.venue) == [.binanceUSDM, .bybit, .okx])
        #expect(heatmap.coverage.map(\.completeness) == [.sampled, .complete, .complete])
        #expect(heatmap.coverage.map(\.events) == [1, 2, 2])
        #expect(heatmap.isLowerBound)
        #expect(heatmap.bucketRangeMs == 60_000...120_000)
        #expect(heatmap.bandRange == 640...641)
    }

    @Test func denseMatrixIsTimesByBandsWithZeroGaps() throws {
        var events = Self.handWorkedEvents
        events.append(Self.event(.okx, 240_000, .long, price: 63_950, usd: 7))  // bucket 240,000, band 639
        let matrix = try RealizedHeatmap(events: events, grid: Self.grid()).dense()
        // Buckets 60,000 … 240,000 every minute (180,000 has no event); bands 639 … 641.
        #expect(matrix.bucketStartsMs == [60_000, 120_000, 180_000, 240_000])
        #expect(matrix.bands == [639, 640, 641])
        #expect(matrix.longUSD == [[0, 42_025, 0], [0, 1_250, 0], [0, 0, 0], [7, 0, 0]])
        #expect(matrix.shortUSD == [[0, 0, 5_000], [0, 2_500, 0], [0, 0, 0], [0, 0, 0]])
        #expect(matrix.events == [[0, 2, 1], [0, 2, 0], [0, 0, 0], [1, 0, 0]])
        #expect(matrix.totalUSD(time: 1, band: 1) == 3_750)
    }

    @Test func emptyInputGivesAnEmptyHeatmapAndMatrix() throws {
        let heatmap = try RealizedHeatmap(events: [], grid: Self.grid())
        #expect(heatmap.cells.isEmpty)
        #expect(heatmap.totalUSD == 0)
        #expect(!heatmap.isLowerBound)
        #expect(heatmap.bucketRangeMs == nil)
        #expect(try heatmap.dense().bucketStartsMs.isEmpty)
    }

    @Test func conservesTheEventSumOnRandomEvents() throws {
        var generator = SplitMix64(seed: 0x4845_4154)
        let venues = Venue.allCases
        var events: [LiquidationEvent] = []
        for _ in 0..<5_000 {
            // Prices 55,000–70,000 to 0.1; notionals 1 USD … 10 M USD over seven decades; a two-hour window.
            let price = (Double.random(in: 55_000..<70_000, using: &generator) * 10).rounded() / 10
            var usd = Double.random(in: 1..<10, using: &generator)
            for _ in 0..<Int.random(in: 0...6, using: &generator) { usd *= 10 }
            events.append(
                Self.event(
                    venues.randomElement(using: &generator)!, Int64.random(in: 0..<7_200_000, using: &generator),
                    Bool.random(using: &generator) ? .long : .short, price: price, usd: usd,
                    sampled: Bool.random(using: &generator)))
        }
        let grid = try Self.grid(width: 37.5, bucket: "5m")
        let heatmap = try RealizedHeatmap(events: events, grid: grid)
        let eventSum = events.reduce(0) { $0 + $1.notionalUSD }
        let longSum = events.filter { $0.side == .long }.reduce(0) { $0 + $1.notionalUSD }
        #expect(abs(heatmap.totalUSD - eventSum) <= 1e-9 * eventSum)
        #expect(abs(heatmap.longUSD - longSum) <= 1e-9 * longSum)
        #expect(heatmap.events == events.count)
        // Exact by construction: totals are the sums of the cells, cells the sums of their venues.
        #expect(heatmap.longUSD == heatmap.cells.reduce(0) { $0 + $1.longUSD })
        #expect(heatmap.shortUSD == heatmap.cells.reduce(0) { $0 + $1.shortUSD })
        for cell in heatmap.cells {
            #expect(cell.longUSD == cell.venues.reduce(0) { $0 + $1.longUSD })
            #expect(cell.shortUSD == cell.venues.reduce(0) { $0 + $1.shortUSD })
            #expect(cell.events > 0)
        }
        // Every cell against a brute-force sum of the events that fall in it.
        var bruteForce: [HeatmapCell: Double] = [:]
        for event in events {
            bruteForce[grid.cell(timestampMs: event.timestampMs, price: event.price), default: 0] += event.notionalUSD
        }
        #expect(bruteForce.count == heatmap.cells.count)
        for cell in heatmap.cells {
            let expected = try #require(bruteForce[cell.cell])
            #expect(abs(cell.totalUSD - expected) <= 1e-9 * expected)
        }
        #expect(heatmap.cells.map(\.cell) == heatmap.cells.map(\.cell).sorted())
        // Bit-reproducible whatever the input order, also on a coarse grid (15 bands × 4 buckets × 7 venues) where
        // each (cell, venue) sum has about a dozen terms, so summing in input order would change the last bits.
        let coarse = try Self.grid(width: 1_000, bucket: "30m")
        let coarseHeatmap = try RealizedHeatmap(events: events, grid: coarse)
        for shuffled in [events.shuffled(using: &generator), events.reversed()] {
            #expect(try RealizedHeatmap(events: shuffled, grid: grid) == heatmap)
            #expect(try RealizedHeatmap(events: shuffled, grid: coarse) == coarseHeatmap)
        }
    }

    @Test func aPriceOnABandEdgeGoesToTheUpperBand() throws {
        let grid = try Self.grid(width: 50)
        let heatmap = try RealizedHeatmap(
            events: [
                Self.event(.okx, 0, .long, price: 4_750, usd: 1),  // 4,750 / 50 = 95 exactly → band 95
                Self.event(.okx, 1, .long, price: 4_749.99, usd: 2),  // floor(94.9998) = 94
                Self.event(.okx, 2, .long, price: 50, usd: 4),  // the lowest edge: band 1 = [50, 100)
            ], grid: grid)
        #expect(heatmap.cells.map(\.cell.band) == [1, 94, 95])
        #expect(heatmap.cells.map(\.longUSD) == [4, 2, 1])
    }

    @Test(arguments: [-1.0, 0, -0.0, .nan, .infinity, -.infinity, 1e300])
    func rejectsPricesOutsideTheGrid(price: Double) throws {
        let bad = Self.event(.bybit, 5, .short, price: price, usd: 10)
        let error = #expect(throws: RealizedHeatmapError.self) {
            try RealizedHeatmap(events: [Self.handWorkedEvents[0], bad], grid: Self.grid())
        }
        // Compared by description: NaN is not equal to itself.
        #expect(
            error?.description
                == "realised heatmap: event \(bad.eventID) (bybit BTCUSDT) has price \(price) USD; expected a finite "
                + "positive price below 2^53 band widths")
    }

    @Test func acceptsAHugeButRepresentablePrice() throws {
        // 1e15 / 100 = 1e13 < 2^53 ≈ 9.007e15: band 10,000,000,000,000 with exact edges.
        let heatmap = try RealizedHeatmap(events: [Self.event(.okx, 0, .long, price: 1e15, usd: 3)], grid: Self.grid())
        #expect(heatmap.cells.map(\.cell.band) == [10_000_000_000_000])
        #expect(heatmap.grid.bands.lowerEdge(of: 10_000_000_000_000) == 1e15)
    }

    @Test func rejectsInvalidNotionalsWithTheEventNamed() throws {
        var bad = Self.event(.hyperliquid, 5, .short, price: 64_000, usd: 1)
        bad.notionalUSD = -5
        let error = RealizedHeatmapError.invalidNotional(
            eventID: bad.eventID, venue: .hyperliquid, symbol: "BTCUSDT", notionalUSD: -5)
        #expect(throws: error) { try RealizedHeatmap(events: [bad], grid: Self.grid()) }
        #expect(
            error.description
                == "realised heatmap: event \(bad.eventID) (hyperliquid BTCUSDT) has notional -5.0 USD; expected a "
                + "finite non-negative amount")
        bad.notionalUSD = .nan
        #expect(throws: RealizedHeatmapError.self) { try RealizedHeatmap(events: [bad], grid: Self.grid()) }
    }

    @Test func anEventOfAnotherAssetIsAnError() throws {
        let eth = Self.event(.okx, 7, .long, price: 3_000, usd: 9, base: "ETH")
        let error = RealizedHeatmapError.otherAsset(
            eventID: eth.eventID, venue: .okx, symbol: "ETHUSDT", found: "ETH", expected: "BTC")
        #expect(throws: error) { try RealizedHeatmap(events: Self.handWorkedEvents + [eth], grid: Self.grid()) }
        #expect(
            error.description
                == "realised heatmap of BTC: event \(eth.eventID) (okx ETHUSDT) is of base asset ETH")
    }

    @Test func aDenseMatrixBeyondTheLimitIsAnError() throws {
        // Bands 1 (price 100) … 4,000,001 (price 400,000,100) at width 100: 4,000,001 bands × 1 bucket > 4,000,000.
        let heatmap = try RealizedHeatmap(
            events: [
                Self.event(.okx, 0, .long, price: 100, usd: 1), Self.event(.okx, 0, .long, price: 400_000_100, usd: 1),
            ], grid: Self.grid())
        let error = RealizedHeatmapError.denseTooLarge(buckets: 1, bands: 4_000_001, limit: 4_000_000)
        #expect(throws: error) { try heatmap.dense() }
        #expect(
            error.description
                == "realised heatmap: dense matrix of 1 buckets × 4000001 bands exceeds the limit of 4000000 cells; "
                + "use a wider band or bucket")
        let small = try RealizedHeatmap(events: [Self.event(.okx, 0, .long, price: 100, usd: 1)], grid: Self.grid())
        #expect(throws: RealizedHeatmapError.denseTooLarge(buckets: 1, bands: 1, limit: 0)) {
            try small.dense(maximumCells: 0)
        }
    }
}
