import Foundation
import LiqCore
import LiqTestSupport
import Testing

@testable import LiqCLI

/// The backfill store's cheap identities and day grouping, against the text keys and calendar they replace, and
/// the ledger's unsynced rename.
@Suite struct BackfillStoreKeyTests {
    static func bar(
        _ venue: Venue = .binanceUSDM, _ symbol: String = "BTCUSDT", start: Int64 = 60_000,
        interval: Int64 = 60_000, close: Double = 1
    ) -> PriceBar {
        PriceBar(
            venue: venue, symbol: symbol, baseAsset: "BTC", bucketStartMs: start, intervalMs: interval, open: 1,
            high: 1, low: 1, close: close, volumeBase: 1, takerBuyVolumeBase: nil)
    }

    static func funding(_ kind: FundingKind, time: Int64 = 0, rate: Double = 0.0001) -> FundingSample {
        FundingSample(
            venue: .bybit, symbol: "BTCUSDT", baseAsset: "BTC", timestampMs: time, rate: rate, intervalHours: 8,
            kind: kind)
    }

    /// Every pair: equal field keys exactly when the text keys are equal (values outside the key never count).
    @Test func fieldKeysAgreeWithTextKeys() {
        let bars = [
            Self.bar(), Self.bar(close: 2), Self.bar(.binanceCOINM), Self.bar(.binanceUSDM, "ETHUSDT"),
            Self.bar(start: 120_000), Self.bar(interval: 300_000),
        ]
        for a in bars {
            for b in bars {
                #expect((RecordKey.fields(a) == RecordKey.fields(b)) == (RecordKey.of(a) == RecordKey.of(b)))
            }
        }
        #expect(RecordKey.fields(bars[0]) == RecordKey.fields(bars[1]))
        let funding = [
            Self.funding(.settled), Self.funding(.settled, rate: 0.0002), Self.funding(.predicted),
            Self.funding(.settled, time: 1),
        ]
        for a in funding {
            for b in funding {
                #expect((RecordKey.fields(a) == RecordKey.fields(b)) == (RecordKey.of(a) == RecordKey.of(b)))
            }
        }
        #expect(RecordKey.fields(funding[0]) != RecordKey.fields(funding[2]))
    }

    /// Day numbers floor as `UTCDate` does, before 1970 included: 1969-12-31T23:59:59.999Z is day −1.
    @Test(arguments: [Int64(0), 86_399_999, 86_400_000, -1, -86_400_000, -86_400_001, 1_759_276_800_000])
    func dayNumbersMatchTheCalendar(timestampMs: Int64) {
        let day = BackfillStore.dayNumber(timestampMs)
        #expect(UTCDate(timestampMs: day * BackfillPeriod.dayMs) == UTCDate(timestampMs: timestampMs))
        #expect(day * BackfillPeriod.dayMs <= timestampMs && timestampMs < (day + 1) * BackfillPeriod.dayMs)
    }

    /// A monthly item's bars: out of order across two days, one duplicate (same key, other close: the first
    /// kept), one outside the month. Files in day order, counts as reported.
    @Test func groupsByDayInDayOrderAndDropsDuplicates() throws {
        let directory = try ProjectPaths.temporaryDirectory("backfill-store-keys")
        let october = UTCDate(year: 2025, month: 10, day: 1).startMs
        let day2 = october + BackfillPeriod.dayMs
        var batch = NormalisedBatch()
        batch.priceBars = [
            Self.bar(start: day2), Self.bar(start: october), Self.bar(start: day2, close: 9),
            Self.bar(start: october - 60_000), Self.bar(start: october + 60_000),
        ]
        let item = BackfillItem(
            venue: .binanceUSDM, dataset: "klines", symbol: "BTCUSDT", period: .month(year: 2025, month: 10))
        let written = try BackfillStore(directory: directory).write(batch, for: item)
        let prefix = "feed=priceBars/venue=binance-usdm/symbol=BTCUSDT/date="
        #expect(written.files == [prefix + "2025-10-01/klines.csv", prefix + "2025-10-02/klines.csv"])
        #expect(written.records == 3)
        #expect(written.duplicates == 1)
        #expect(written.outsidePeriod == 1)
        let second = try String(contentsOfFile: directory + "/" + written.files[1], encoding: .utf8)
        #expect(second.split(separator: "\n").count == 2)  // header + the first of the two 2 Oct bars
        #expect(second.split(separator: "\n")[1].contains(",1,1,1,1,"), "\(second)")
    }

    /// The ledger renames `.<name>.tmp` into place: nothing left beside the entry, a leftover of a killed run is
    /// replaced, and an empty entry (what a power cut can leave of an unsynced file) reads as none.
    @Test func ledgerEntriesReplaceLeftoversAndEmptyEntriesReadAsNone() throws {
        let directory = try ProjectPaths.temporaryDirectory("backfill-ledger")
        let ledger = BackfillLedger(directory: directory)
        let item = BackfillItem(
            venue: .binanceUSDM, dataset: "klines", symbol: "BTCUSDT",
            period: .day(UTCDate(year: 2025, month: 10, day: 10)))
        let path = ledger.path(for: item)
        let folder = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let leftover = folder + "/.2025-10-10.json.tmp"
        try Data("{\"torn".utf8).write(to: URL(fileURLWithPath: leftover))
        try ledger.recordDone(item, records: 1_440, files: ["a.csv"])
        #expect(ledger.status(of: item) == .done)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["2025-10-10.json"])
        try Data().write(to: URL(fileURLWithPath: path))
        #expect(ledger.status(of: item) == nil)
    }
}
