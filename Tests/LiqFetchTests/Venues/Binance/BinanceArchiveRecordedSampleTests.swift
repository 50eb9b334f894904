import LiqCore
import LiqFetch
import Testing

/// The real archive CSV rows in `../shared/feeds/` (pasted into binance-public-data issues), skipped where the
/// directory is absent.
@Suite(.enabled(if: RecordedFeeds.directory != nil, "no recorded samples in ../shared/feeds"))
struct BinanceArchiveRecordedSampleTests {
    @Test func coinmKlinesWithHeader() throws {
        let text = try RecordedFeeds.text("binance_cm_klines_csv_with_header_issue283.csv")
        let result = try decodeArchive(text, .klines, market: .cm, symbol: "BTCUSD_PERP", chunkSize: 100)
        #expect(result.decoder.header?.first == "open_time")
        // BTCUSD_PERP 1h bars: base volume from column 7 (1202.97118037 BTC), not 409953 contracts.
        #expect(result.records.count == 3)
        #expect(
            result.records.first
                == .priceBar(
                    VenuePriceBar(
                        venue: .binanceCOINM, symbol: "BTCUSD_PERP", bucketStartMs: 1_698_364_800_000,
                        intervalMs: 3_600_000, open: 34161.6, high: 34182.5, low: 33977.4, close: 34024.2,
                        volume: 1202.97118037, volumeUnit: .base, takerBuyVolume: 564.12041453)))
    }

    @Test func spotKlinesWithoutHeaderShareTheLayout() throws {
        let text = try RecordedFeeds.text("binance_spot_klines_csv_no_header_issue283.csv")
        let result = try decodeArchive(text, .klines, market: .um, symbol: "BTCUSDT", chunkSize: 33)
        #expect(result.decoder.header == nil)
        #expect(result.records.count == 3)
        guard case .priceBar(let bar) = result.records.first else { return }
        #expect(bar.bucketStartMs == 1_698_364_800_000 && bar.intervalMs == 3_600_000)
        #expect(bar.volume == 908.27901 && bar.takerBuyVolume == 416.48838)
    }

    @Test func usdmMetricsRowAsPasted() throws {
        let text = try RecordedFeeds.text("binance_um_metrics_csv_issue211.csv")
        // The pasted row lost its time of day ("2023-01-21"): a 5-minute row without one is refused, not put at
        // midnight.
        #expect(
            throws: ArchiveCSVError(
                origin: "test.csv", line: 2, column: "create_time",
                expected: "a timestamp (epoch s/ms/µs or YYYY-MM-DD HH:MM:SS UTC)", found: "\"2023-01-21\"")
        ) { try decodeArchive(text, .metrics, market: .um, symbol: "BTCUSDT") }
        var parser = ArchiveCSVParser(origin: "metrics.csv")
        var values: [Double] = []
        try parser.feed(Array(text.utf8)) { row in values = [try row.decimal(2), try row.decimal(3)] }
        #expect(parser.header?.prefix(4) == ["create_time", "symbol", "sum_open_interest", "sum_open_interest_value"])
        // 98,666.163 BTC worth 2,236,289,208.20 USDT: 22,665.21 USD per BTC (± 0.01).
        #expect(values == [98_666.163, 2_236_289_208.197267])
        #expect(abs(values[1] / values[0] - 22_665.21) < 0.01)
    }
}
