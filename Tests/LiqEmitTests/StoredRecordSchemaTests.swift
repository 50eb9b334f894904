import LiqCore
import LiqEmit
import Testing

/// The store's files read back: every stored schema decodes what it encoded into records that encode to the
/// same bytes (so a merge that rewrites a partition is idempotent), and damaged files fail naming file, line,
/// column, what was expected and what was found.
@Suite struct StoredRecordSchemaTests {
    /// Random records of every stored schema, with awkward values: 17-digit doubles (rounded to 8 decimals by
    /// `computed` columns), tiny and huge magnitudes, quotes and commas in symbols, optional fields absent.
    @Test func everyStoredSchemaRoundTripsToTheSameBytes() throws {
        var random = SplitMix64(seed: 21)
        /// Venue-like decimals: up to 9 significant digits, 0 to 12 decimal places (1e-12 … 1e9).
        func number() -> Double {
            var scale = 1.0
            for _ in 0..<Int.random(in: 0...12, using: &random) { scale *= 10 }
            return Double(Int.random(in: 1...999_999_999, using: &random)) / scale
        }
        let symbols = ["BTCUSDT", "XBT,USD", "ETH \"perp\"", "BTC-USD-251226"]
        for _ in 0..<200 {
            let symbol = symbols.randomElement(using: &random)!
            let time = Int64.random(in: 1_500_000_000_000...1_800_000_000_000, using: &random)
            let venue = Venue.allCases.randomElement(using: &random)!
            let side = PositionSide.allCases.randomElement(using: &random)!
            let price = number()
            let quantity = number()
            let events = [
                LiquidationEvent(
                    venue: venue, symbol: symbol, baseAsset: "BTC", timestampMs: time, side: side, price: price,
                    priceKind: PriceKind.allCases.randomElement(using: &random)!, quantityBase: quantity,
                    notionalUSD: price * quantity, completeness: .complete,
                    eventID: EventID(
                        venue: venue, symbol: symbol, timestampMs: time, side: side, price: price, quantity: quantity,
                        venueID: nil))
            ]
            try expectRoundTrip(LiquidationsCSV.self, events)
            try expectRoundTrip(
                OpenInterestCSV.self,
                [
                    OpenInterestSample(
                        venue: venue, symbol: symbol, baseAsset: "BTC", timestampMs: time, openInterestBase: quantity,
                        openInterestUSD: price * quantity)
                ])
            try expectRoundTrip(
                FundingCSV.self,
                [
                    FundingSample(
                        venue: venue, symbol: symbol, baseAsset: "BTC", timestampMs: time, rate: number() / 1e6,
                        intervalHours: [1, 4, 8].randomElement(using: &random)!, kind: .settled)
                ])
            try expectRoundTrip(
                MarkPriceCSV.self,
                [
                    MarkPriceSample(
                        venue: venue, symbol: symbol, baseAsset: "BTC", timestampMs: time, markPrice: price,
                        indexPrice: Bool.random(using: &random) ? nil : number())
                ])
            try expectRoundTrip(
                PriceBarsCSV.self,
                [
                    PriceBar(
                        venue: venue, symbol: symbol, baseAsset: "BTC", bucketStartMs: time, intervalMs: 60_000,
                        open: price, high: price * 1.01, low: price * 0.99, close: price, volumeBase: quantity,
                        takerBuyVolumeBase: Bool.random(using: &random) ? nil : quantity / 3)
                ])
        }
    }

    func expectRoundTrip<Schema: StoredRecordSchema>(_: Schema.Type, _ records: [Schema.Record]) throws {
        let bytes = Schema.encode(records)
        let decoded = try Schema.decode(bytes, origin: "x.csv")
        #expect(decoded.count == records.count)
        #expect(Schema.encode(decoded) == bytes, "\(String(decoding: bytes, as: UTF8.self))")
    }

    @Test func aLiquidationRowReadsBackExactly() throws {
        let text = """
            timestamp_ms,venue,symbol,base,side,price,price_kind,quantity_base,notional_usd,completeness,event_id
            1584059031421,binance-usdm,BTCUSDT,BTC,short,4706.04,fill,0.014,65.88456,sampled,33e8bc7ef5a6f21df6fe84f83c4455ed

            """
        let events = try LiquidationsCSV.decode(Array(text.utf8), origin: "store/run.csv")
        let event = try #require(events.first)
        #expect(event.venue == .binanceUSDM && event.symbol == "BTCUSDT" && event.side == .short)
        #expect(event.price == 4706.04 && event.quantityBase == 0.014 && event.notionalUSD == 65.88456)
        #expect(event.completeness == .sampled && event.priceKind == .fill)
        // The id the encoder computed for these fields (SchemaTests' Python vector).
        #expect(
            event.eventID
                == EventID(
                    venue: .binanceUSDM, symbol: "BTCUSDT", timestampMs: 1_584_059_031_421, side: .short,
                    price: 4706.04, quantity: 0.014, venueID: nil))
    }

    @Test(arguments: [
        (
            "timestamp_ms,venue,symbol\n1,okx,X\n",
            "store/run.csv:1: expected the header timestamp_ms,venue,symbol,base,open_interest_base,"
                + "open_interest_usd, found timestamp_ms,venue,symbol"
        ),
        (
            "timestamp_ms,venue,symbol,base,open_interest_base,open_interest_usd\n1,okx,X,BTC,2\n",
            "store/run.csv:2: expected 6 fields, found 5"
        ),
        (
            "timestamp_ms,venue,symbol,base,open_interest_base,open_interest_usd\n1,okx,X,BTC,2,3\nx,okx,X,BTC,2,3\n",
            "store/run.csv:3: column timestamp_ms: expected an integer, found \"x\""
        ),
        (
            "timestamp_ms,venue,symbol,base,open_interest_base,open_interest_usd\n1,kraken,X,BTC,2,3\n",
            "store/run.csv:2: column venue: expected one of binance-usdm, binance-coinm, bybit, okx, bitmex, "
                + "deribit, hyperliquid, found \"kraken\""
        ),
        (
            "timestamp_ms,venue,symbol,base,open_interest_base,open_interest_usd\n1,okx,X,BTC,,3\n",
            "store/run.csv:2: column open_interest_base: expected a number, found nothing"
        ),
        (
            "timestamp_ms,venue,symbol,base,open_interest_base,open_interest_usd\n1,okx,\"X,BTC,2,3\n",
            "store/run.csv:2: expected a closed quoted field, found a stray or unclosed quote"
        ),
        (
            "",
            "store/run.csv: expected the header timestamp_ms,venue,symbol,base,open_interest_base,open_interest_usd, found an empty file"
        ),
    ])
    func damagedFilesNameWhereAndWhat(_ text: String, _ message: String) {
        #expect(throws: RecordReadError.self) { try OpenInterestCSV.decode(Array(text.utf8), origin: "store/run.csv") }
        do {
            _ = try OpenInterestCSV.decode(Array(text.utf8), origin: "store/run.csv")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func aBadEventIDIsNamed() {
        let text = """
            timestamp_ms,venue,symbol,base,side,price,price_kind,quantity_base,notional_usd,completeness,event_id
            1,okx,X,BTC,long,1,bankruptcy,1,1,complete,xyz

            """
        do {
            _ = try LiquidationsCSV.decode(Array(text.utf8), origin: "f.csv")
            Issue.record("decoded a bad event id")
        } catch {
            #expect(
                error.description == "f.csv:2: column event_id: expected an event id of 32 hex digits, found \"xyz\"")
        }
    }
}
