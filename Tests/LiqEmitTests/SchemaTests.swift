import LiqAnalytics
import LiqCore
import LiqEmit
import Testing

@Suite struct SchemaTests {
    static func event(
        _ venue: Venue, _ symbol: String, _ base: String, _ time: Int64, _ side: PositionSide, price: Double,
        quantity: Double, completeness: FeedCompleteness = .complete
    ) -> LiquidationEvent {
        LiquidationEvent(
            venue: venue, symbol: symbol, baseAsset: base, timestampMs: time, side: side, price: price,
            priceKind: venue == .okx ? .bankruptcy : .fill, quantityBase: quantity, notionalUSD: price * quantity,
            completeness: completeness,
            eventID: EventID(
                venue: venue, symbol: symbol, timestampMs: time, side: side, price: price, quantity: quantity,
                venueID: nil))
    }

    @Test func liquidationsCSVHasTheContractColumnsAndCanonicalOrder() {
        let later = Self.event(.okx, "BTC-USDT-SWAP", "BTC", 2_000, .long, price: 30_000, quantity: 0.39)
        let earlier = Self.event(
            .binanceUSDM, "BTCUSDT", "BTC", 1_584_059_031_421, .short, price: 4706.04, quantity: 0.014,
            completeness: .sampled)
        let text = String(decoding: LiquidationsCSV.encode([earlier, later]), as: UTF8.self)
        let lines = text.split(separator: "\n")
        #expect(
            lines[0]
                == "timestamp_ms,venue,symbol,base,side,price,price_kind,quantity_base,notional_usd,completeness,event_id"
        )
        // 0.39 × 30,000 = 11,700; id computed independently (see EventIDTests for the method).
        #expect(lines[1].hasPrefix("2000,okx,BTC-USDT-SWAP,BTC,long,30000,bankruptcy,0.39,11700,complete,"))
        // 0.014 × 4706.04 = 65.88456; the id is the FNV-1a 128 vector computed in Python.
        #expect(
            lines[2]
                == "1584059031421,binance-usdm,BTCUSDT,BTC,short,4706.04,fill,0.014,65.88456,sampled,33e8bc7ef5a6f21df6fe84f83c4455ed"
        )
        #expect(lines.count == 3)
    }

    @Test func fundingIsAnnualisedByItsInterval() {
        // 0.0001 per 8 h × 8,760 h / 8 h = 0.1095; per 1 h: × 8,760 = 0.876.
        let eightHourly = FundingSample(
            venue: .okx, symbol: "X", baseAsset: "BTC", timestampMs: 1, rate: 0.0001, intervalHours: 8, kind: .settled)
        var hourly = eightHourly
        hourly.intervalHours = 1
        #expect(abs(FundingCSV.annualized(eightHourly) - 0.1095) < 1e-12)
        #expect(abs(FundingCSV.annualized(hourly) - 0.876) < 1e-12)
        let text = String(decoding: FundingCSV.encode([eightHourly]), as: UTF8.self)
        #expect(
            text
                == "timestamp_ms,venue,symbol,base,kind,rate,interval_hours,annualized_rate\n1,okx,X,BTC,settled,0.0001,8,0.1095\n"
        )
    }

    @Test func openInterestCSVIsOrderedByTimeVenueSymbol() {
        let a = OpenInterestSample(
            venue: .okx, symbol: "B", baseAsset: "BTC", timestampMs: 5, openInterestBase: 1.5, openInterestUSD: 90_000)
        let b = OpenInterestSample(
            venue: .binanceUSDM, symbol: "A", baseAsset: "BTC", timestampMs: 5, openInterestBase: 2,
            openInterestUSD: 1e10)
        let text = String(decoding: OpenInterestCSV.encode([a, b]), as: UTF8.self)
        #expect(
            text
                == "timestamp_ms,venue,symbol,base,open_interest_base,open_interest_usd\n5,binance-usdm,A,BTC,2,10000000000\n5,okx,B,BTC,1.5,90000\n"
        )
    }

    @Test func snapshotCarriesTotalsCoverageAndNoWallClock() throws {
        let events = [
            Self.event(.binanceUSDM, "BTCUSDT", "BTC", 10, .long, price: 100, quantity: 10, completeness: .sampled),
            Self.event(.okx, "BTC-USDT-SWAP", "BTC", 20, .short, price: 100, quantity: 2.5),
        ]
        let coverage = [
            FeedCoverage(venue: .okx, feed: .liquidations, status: .covered(.complete)),
            FeedCoverage(venue: .binanceUSDM, feed: .liquidations, status: .covered(.sampled)),
            FeedCoverage(venue: .okx, feed: .funding, status: .failed(reason: "HTTP 500")),
        ]
        let bytes = SnapshotJSON.encode(
            SnapshotJSON.Input(
                specName: "t", liquidations: LiquidationTotals(events: events),
                market: MarketSnapshot(openInterest: [], funding: []), coverage: coverage, dataRangeMs: 10...20))
        let root = try JSONNode.parse(bytes, origin: "snapshot.json")
        let liquidations = try root.member("liquidations")
        // Long 10 × 100 = 1,000 (Binance, sampled); short 2.5 × 100 = 250 (OKX).
        #expect(try liquidations.member("longUSD").decimal() == 1000)
        #expect(try liquidations.member("shortUSD").decimal() == 250)
        #expect(try liquidations.member("totalUSD").decimal() == 1250)
        #expect(try liquidations.member("lowerBound").bool())
        #expect(try liquidations.member("coveredVenues").elements().map { try $0.string() } == ["binance-usdm", "okx"])
        let firstCoverage = try root.member("coverage").element(0)
        #expect(try firstCoverage.member("venue").string() == "binance-usdm")
        // Sorted by venue then feed: binance-usdm/liquidations, okx/funding, okx/liquidations.
        let failed = try root.member("coverage").element(1)
        #expect(try failed.member("status").string() == "failed")
        #expect(try failed.member("reason").string() == "HTTP 500")
        #expect(try root.member("dataFromMs").int64() == 10)
        #expect(try root.optionalMember("generatedAt") == nil)
    }
}
