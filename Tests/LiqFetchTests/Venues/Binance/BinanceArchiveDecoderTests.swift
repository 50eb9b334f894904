import LiqCore
import LiqFetch
import Testing

struct BinanceArchiveDecoderTests {
    static let metricsHeader =
        "create_time,symbol,sum_open_interest,sum_open_interest_value,count_toptrader_long_short_ratio,"
        + "sum_toptrader_long_short_ratio,count_long_short_ratio,sum_taker_long_short_vol_ratio\n"
    static let klineHeader =
        "open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,"
        + "taker_buy_quote_volume,ignore\n"
    static let liquidationHeader =
        "time,side,order_type,time_in_force,original_quantity,price,average_price,order_status,"
        + "last_fill_quantity,accumulated_fill_quantity\n"

    @Test func usdmMetricsAreOpenInterestInBaseWithUSDValue() throws {
        let csv =
            Self.metricsHeader
            + "2023-01-21 00:05:00,BTCUSDT,98666.16300000,2236289208.19726700,0.766568632422291,1.1363333457,"
            + "0.8332767017782309,0.9253075900\n"
        let records = try decodeArchive(csv, .metrics, market: .um, symbol: "BTCUSDT").records
        // 2023-01-21 00:05:00 UTC = 1_674_259_200 s (midnight) + 300 s.
        #expect(
            records == [
                .openInterest(
                    VenueOpenInterest(
                        venue: .binanceUSDM, symbol: "BTCUSDT", timestampMs: 1_674_259_500_000, quantity: 98_666.163,
                        quantityUnit: .base, valueUSD: 2_236_289_208.197267))
            ])
        // Implied price: 2,236,289,208.20 USD / 98,666.163 BTC ≈ 22,665.21 USD per BTC (± 0.01).
        guard case .openInterest(let oi) = records.first else { return }
        #expect(abs(try #require(oi.valueUSD) / oi.quantity - 22_665.21) < 0.01)
    }

    @Test func coinmMetricsAreContractsWithBaseValue() throws {
        // 3,800,000 contracts × 100 USD = 380,000,000 USD; at 22,000 USD/BTC that is 17,272.73 BTC.
        let csv = Self.metricsHeader + "2023-01-21 23:55:00,BTCUSD,3800000,17272.72727273,1.1,1.2,1.3,1.4\r\n"
        let records = try decodeArchive(csv, .metrics, market: .cm, symbol: "BTCUSD_PERP").records
        #expect(
            records == [
                .openInterest(
                    VenueOpenInterest(
                        venue: .binanceCOINM, symbol: "BTCUSD_PERP", timestampMs: 1_674_345_300_000,
                        quantity: 3_800_000, quantityUnit: .contracts, valueUSD: nil, valueBase: 17_272.72727273))
            ])
    }

    @Test func metricsWithoutHeaderUseDocumentedPositions() throws {
        let records = try decodeArchive(
            "2024-02-29 12:00:00,ETHUSDT,1.5,4500.5,1,1,1,1\n", .metrics, market: .um, symbol: "ETHUSDT"
        ).records
        #expect(
            records == [
                .openInterest(
                    VenueOpenInterest(
                        venue: .binanceUSDM, symbol: "ETHUSDT", timestampMs: 1_709_208_000_000, quantity: 1.5,
                        quantityUnit: .base, valueUSD: 4500.5))
            ])
    }

    @Test func fundingRateCarriesItsInterval() throws {
        let csv =
            "calc_time,funding_interval_hours,last_funding_rate\n1751328000007,8,0.00010000\n1751342400003,4,-0.00002500\n"
        let records = try decodeArchive(csv, .fundingRate, market: .um, symbol: "BTCUSDT").records
        #expect(
            records == [
                .funding(
                    VenueFunding(
                        venue: .binanceUSDM, symbol: "BTCUSDT", timestampMs: 1_751_328_000_007, rate: 0.0001,
                        intervalHours: 8, kind: .settled)),
                .funding(
                    VenueFunding(
                        venue: .binanceUSDM, symbol: "BTCUSDT", timestampMs: 1_751_342_400_003, rate: -0.000025,
                        intervalHours: 4, kind: .settled)),
            ])
        // Annualised: 0.0001 × (24 / 8) × 365 = 10.95 %; −0.000025 × (24 / 4) × 365 = −5.475 % (± 1e-9).
        let annualised = records.compactMap { record -> Double? in
            guard case .funding(let funding) = record, let hours = funding.intervalHours else { return nil }
            return funding.rate * 24 / hours * 365
        }
        try #require(annualised.count == 2)
        #expect(abs(annualised[0] - 0.1095) < 1e-9 && abs(annualised[1] + 0.05475) < 1e-9)
    }

    @Test func fundingIntervalMustBePositive() throws {
        #expect(
            throws: ArchiveCSVError(
                origin: "test.csv", line: 2, column: "funding_interval_hours", expected: "a positive number of hours",
                found: "0")
        ) {
            try decodeArchive(
                "calc_time,funding_interval_hours,last_funding_rate\n1751328000007,0,0.0001\n", .fundingRate,
                market: .um, symbol: "BTCUSDT")
        }
    }

    static let usdmKlineRows =
        "1709164800000,61130.0,61150.5,61120.1,61140.2,12.345,1709164859999,754612.9,310,7.001,428000.1,0\n"
        + "1709164860000,61140.2,61160.0,61100.0,61101.3,8.5,1709164919999,519700.0,200,2.25,137500.0,0\n"

    @Test func usdmKlinesWithAndWithoutHeaderAgree() throws {
        let expected: [VenueRecord] = [
            .priceBar(
                VenuePriceBar(
                    venue: .binanceUSDM, symbol: "BTCUSDT", bucketStartMs: 1_709_164_800_000, intervalMs: 60_000,
                    open: 61130.0, high: 61150.5, low: 61120.1, close: 61140.2, volume: 12.345, volumeUnit: .base,
                    takerBuyVolume: 7.001)),
            .priceBar(
                VenuePriceBar(
                    venue: .binanceUSDM, symbol: "BTCUSDT", bucketStartMs: 1_709_164_860_000, intervalMs: 60_000,
                    open: 61140.2, high: 61160.0, low: 61100.0, close: 61101.3, volume: 8.5, volumeUnit: .base,
                    takerBuyVolume: 2.25)),
        ]
        let withHeader = try decodeArchive(
            Self.klineHeader + Self.usdmKlineRows, .klines, market: .um, symbol: "BTCUSDT")
        let withoutHeader = try decodeArchive(Self.usdmKlineRows, .klines, market: .um, symbol: "BTCUSDT")
        #expect(withHeader.records == expected)
        #expect(withoutHeader.records == expected)
        #expect(withHeader.decoder.header?.count == 12)
        #expect(withoutHeader.decoder.header == nil)
    }

    @Test func coinmKlineVolumeIsTheBaseColumn() throws {
        // COIN-M: `volume` 409953 counts contracts; `quote_volume` 1202.97118037 is BTC (409,953 × 100 USD /
        // 34,024 USD ≈ 1,205 BTC, within 0.3 %), and so is the taker-buy 564.12041453.
        let rows =
            "1698364800000,34161.6,34182.5,33977.4,34024.2,409953,1698368399999,1202.97118037,15095,192220,564.12041453,0\n"
        let expected: [VenueRecord] = [
            .priceBar(
                VenuePriceBar(
                    venue: .binanceCOINM, symbol: "BTCUSD_PERP", bucketStartMs: 1_698_364_800_000,
                    intervalMs: 3_600_000,
                    open: 34161.6, high: 34182.5, low: 33977.4, close: 34024.2, volume: 1202.97118037,
                    volumeUnit: .base,
                    takerBuyVolume: 564.12041453))
        ]
        #expect(
            try decodeArchive(Self.klineHeader + rows, .klines, market: .cm, symbol: "BTCUSD_PERP").records == expected)
        #expect(try decodeArchive(rows, .klines, market: .cm, symbol: "BTCUSD_PERP").records == expected)
    }

    @Test func klinesFindColumnsByNameWhateverTheirOrder() throws {
        let csv =
            "close_time,open_time,taker_buy_volume,volume,close,low,high,open\n1709164859999,1709164800000,1,2,5,3,6,4\n"
        #expect(
            try decodeArchive(csv, .klines, market: .um, symbol: "BTCUSDT").records == [
                .priceBar(
                    VenuePriceBar(
                        venue: .binanceUSDM, symbol: "BTCUSDT", bucketStartMs: 1_709_164_800_000, intervalMs: 60_000,
                        open: 4, high: 6, low: 3, close: 5, volume: 2, volumeUnit: .base, takerBuyVolume: 1))
            ])
    }

    @Test func missingColumnsAreErrors() throws {
        #expect(
            throws: ArchiveCSVError(
                origin: "test.csv", line: 1, column: "taker_buy_volume", expected: "a column named taker_buy_volume",
                found: "the header open_time,open,high,low,close,volume,close_time")
        ) {
            try decodeArchive(
                "open_time,open,high,low,close,volume,close_time\n1709164800000,1,1,1,1,1,1709164859999\n", .klines,
                market: .um, symbol: "BTCUSDT")
        }
        #expect(
            throws: ArchiveCSVError(
                origin: "test.csv", line: 1, column: nil, expected: "at least 10 columns", found: "a row of 7 fields")
        ) { try decodeArchive("1709164800000,1,1,1,1,1,1709164859999\n", .klines, market: .um, symbol: "BTCUSDT") }
        #expect(
            throws: ArchiveCSVError(
                origin: "test.csv", line: 3, column: "#6",
                expected: "a timestamp (epoch s/ms/µs or YYYY-MM-DD HH:MM:SS UTC)", found: "a row of 3 fields")
        ) { try decodeArchive(Self.usdmKlineRows + "1,2,3\n", .klines, market: .um, symbol: "BTCUSDT") }
    }

    @Test func markPriceIsTheCloseAtTheCloseTime() throws {
        let rows = "1709164800000,61130.0,61150.5,61120.1,61140.2,0,1709164859999,0,60,0,0,0\n"
        let expected: [VenueRecord] = [
            .markPrice(
                VenueMarkPrice(
                    venue: .binanceUSDM, symbol: "BTCUSDT", timestampMs: 1_709_164_859_999, markPrice: 61140.2,
                    indexPrice: nil))
        ]
        #expect(
            try decodeArchive(Self.klineHeader + rows, .markPriceKlines, market: .um, symbol: "BTCUSDT").records
                == expected)
        #expect(try decodeArchive(rows, .markPriceKlines, market: .um, symbol: "BTCUSDT").records == expected)
    }

    @Test func liquidationsReadLikeTheForceOrderStreamAndRepeatsCountOnce() throws {
        let sell = "1584059031421,SELL,LIMIT,IOC,0.014,4793.91,4706.04,FILLED,0.015,0.014\n"
        let buy = "1584059032500,BUY,LIMIT,IOC,0.5,4800.00,4810.50,PARTIALLY_FILLED,0.2,0.3\n"
        let unfilled = "1584059033000,SELL,LIMIT,IOC,1,4700,0,EXPIRED,0,0\n"
        let csv = Self.liquidationHeader + sell + sell + buy + unfilled + buy + unfilled
        let result = try decodeArchive(csv, .liquidationSnapshot, market: .um, symbol: "BTCUSDT", chunkSize: 17)
        // SELL closes a long: 0.014 BTC (z, not l 0.015) at ap 4706.04 = 65.88 USD (± 0.01).
        // BUY closes a short: 0.3 BTC (z) at 4810.50 = 1,443.15 USD.
        #expect(
            result.records == [
                .liquidation(
                    VenueLiquidation(
                        venue: .binanceUSDM, symbol: "BTCUSDT", timestampMs: 1_584_059_031_421, side: .long,
                        price: 4706.04, priceKind: .fill, quantity: 0.014, quantityUnit: .base, completeness: .sampled)),
                .liquidation(
                    VenueLiquidation(
                        venue: .binanceUSDM, symbol: "BTCUSDT", timestampMs: 1_584_059_032_500, side: .short,
                        price: 4810.5, priceKind: .fill, quantity: 0.3, quantityUnit: .base, completeness: .sampled)),
            ])
        let notional = result.records.compactMap { record -> Double? in
            guard case .liquidation(let liquidation) = record else { return nil }
            return liquidation.quantity * liquidation.price
        }
        try #require(notional.count == 2)
        #expect(abs(notional[0] - 65.88) < 0.01 && abs(notional[1] - 1443.15) < 0.01)
        #expect(result.decoder.rows == 6)
        #expect(result.decoder.records == 2)
    }

    @Test func coinmLiquidationsAreContracts() throws {
        // 3 contracts × 100 USD = 300 USD; 300 / 9352.7 = 0.03208 BTC (the normaliser's job, with the contract size).
        let row = "1594622954021,SELL,LIMIT,IOC,3,9314.5,9352.7,FILLED,3,3\n"
        var decoder = BinanceArchiveLiquidationDecoder(market: .cm, symbol: "BTCUSD_200925")
        var records: [VenueRecord?] = []
        var parser = ArchiveCSVParser(origin: "test.csv")
        try parser.feed(Array((Self.liquidationHeader + row + row).utf8)) { row in
            records.append(try decoder.decode(row))
        }
        #expect(
            records == [
                .liquidation(
                    VenueLiquidation(
                        venue: .binanceCOINM, symbol: "BTCUSD_200925", timestampMs: 1_594_622_954_021, side: .long,
                        price: 9352.7, priceKind: .fill, quantity: 3, quantityUnit: .contracts, completeness: .sampled)),
                nil,
            ])
        #expect(decoder.duplicates == 1)
    }

    @Test func unknownLiquidationValuesAreErrors() throws {
        #expect(
            throws: ArchiveCSVError(
                origin: "test.csv", line: 2, column: "side", expected: "\"BUY\" or \"SELL\"", found: "\"HOLD\"")
        ) {
            try decodeArchive(
                Self.liquidationHeader + "1584059031421,HOLD,LIMIT,IOC,1,1,1,FILLED,1,1\n", .liquidationSnapshot,
                market: .um, symbol: "BTCUSDT")
        }
        #expect(
            throws: ArchiveCSVError(
                origin: "test.csv", line: 1, column: "#7",
                expected: "an order status (NEW, PARTIALLY_FILLED, FILLED, CANCELED, EXPIRED)", found: "\"DONE\"")
        ) {
            try decodeArchive(
                "1584059031421,SELL,LIMIT,IOC,1,1,1,DONE,1,1\n", .liquidationSnapshot, market: .um, symbol: "BTCUSDT")
        }
    }

    @Test func recordsArriveInBatchesAndChunkingDoesNotMatter() throws {
        var rows = ""
        for minute in 0..<5 {
            let open = 1_709_164_800_000 + Int64(minute) * 60_000
            rows += "\(open),1.0,2.0,0.5,1.5,10,\(open + 59_999),15,3,4,6,0\n"
        }
        let whole = try decodeArchive(Self.klineHeader + rows, .klines, market: .um, symbol: "X", batchSize: 2)
        #expect(whole.batches == [2, 2, 1])
        #expect(whole.records.count == 5)
        for chunkSize in [1, 7, 64, 1000] {
            let chunked = try decodeArchive(
                Self.klineHeader + rows, .klines, market: .um, symbol: "X", chunkSize: chunkSize, batchSize: 2)
            #expect(chunked.records == whole.records, "chunk size \(chunkSize)")
        }
    }
}
