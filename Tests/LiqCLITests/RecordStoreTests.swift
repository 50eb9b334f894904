import LiqCore
import LiqEmit
import Testing

@testable import LiqCLI

/// The store as `run` uses it: keyed merges, the window measured from the data, files of one partition read
/// together, and the paging rule that stops at the cursors.
@Suite struct RecordStoreTests {
    static let day: Int64 = 1_760_054_400_000  // 2025-10-10T00:00:00Z

    static func sample(_ symbol: String, _ time: Int64, _ base: Double) -> OpenInterestSample {
        OpenInterestSample(
            venue: .okx, symbol: symbol, baseAsset: "BTC", timestampMs: time, openInterestBase: base,
            openInterestUSD: base * 100_000)
    }

    @Test func mergeKeepsOneRecordPerKeyTheNewestFetchWinning() throws {
        let store = RecordStore(directory: try ProjectPaths.temporaryDirectory("store-merge"))
        var first = NormalisedBatch()
        first.openInterest = [Self.sample("A", Self.day + 60_000, 1), Self.sample("A", Self.day + 120_000, 2)]
        let merged = try store.merge(first)
        #expect(merged.added == 2)
        #expect(merged.files == ["feed=openInterest/venue=okx/symbol=A/date=2025-10-10/run.csv"])
        #expect(merged.newestMs == [SourceKey(venue: .okx, feed: .openInterest, symbol: "A"): Self.day + 120_000])

        // The second fetch overlaps: the 120,000 sample is restated (the venue revised it), 180,000 is new.
        var second = NormalisedBatch()
        second.openInterest = [Self.sample("A", Self.day + 120_000, 2.5), Self.sample("A", Self.day + 180_000, 3)]
        #expect(try store.merge(second).added == 1)
        // Merging the same again rewrites nothing.
        #expect(try store.merge(second).files.isEmpty)
        let path = store.directory + "/feed=openInterest/venue=okx/symbol=A/date=2025-10-10/run.csv"
        let stored = try OpenInterestCSV.decode(try FileBytes.read(path, maxBytes: 1 << 20), origin: path)
        #expect(stored.map(\.timestampMs) == [Self.day + 60_000, Self.day + 120_000, Self.day + 180_000])
        #expect(stored.map(\.openInterestBase) == [1, 2.5, 3])
    }

    @Test func theWindowEndsAtTheNewestRecordAndCountsAFactStoredTwiceOnce() throws {
        let store = RecordStore(directory: try ProjectPaths.temporaryDirectory("store-window"))
        var batch = NormalisedBatch()
        // Three days of hourly samples; a predicted funding rate 8 h after the newest sample.
        batch.openInterest = (0..<72).map { Self.sample("A", Self.day + Int64($0) * 3_600_000, Double($0)) }
        let newest = Self.day + 71 * 3_600_000
        batch.funding = [
            FundingSample(
                venue: .okx, symbol: "A", baseAsset: "BTC", timestampMs: newest + 8 * 3_600_000, rate: 0.0001,
                intervalHours: 8, kind: .predicted)
        ]
        _ = try store.merge(batch)
        // A backfill file in the newest partition holding the newest sample again (with another value).
        let partition = store.directory + "/feed=openInterest/venue=okx/symbol=A/date=2025-10-12"
        try AtomicFile.write(OpenInterestCSV.encode([Self.sample("A", newest, 999)]), to: partition + "/metrics.csv")

        let window = try #require(try store.window(venues: [.okx], hours: 24))
        // 24 h before the newest record, both ends included: 25 hourly samples, the newest once (run.csv wins).
        #expect(window.rangeMs == (newest - 24 * 3_600_000)...newest)
        #expect(window.records.openInterest.count == 25)
        #expect(window.records.openInterest.last?.openInterestBase == 71)
        // The predicted rate lies ahead of the newest record and is kept: it is the current estimate.
        #expect(window.records.funding.count == 1)
        #expect(try store.window(venues: [.bybit], hours: 24) == nil)
    }

    @Test func pagingStopsOnlyWhenEverySymbolOnThePageReachesItsCursor() {
        func liquidation(_ symbol: String, _ time: Int64) -> VenueRecord {
            .liquidation(
                VenueLiquidation(
                    venue: .okx, symbol: symbol, timestampMs: time, side: .long, price: 1, priceKind: .bankruptcy,
                    quantity: 1, quantityUnit: .contracts, completeness: .complete, venueID: nil))
        }
        let cursors: [SourceKey: Int64] = [
            SourceKey(venue: .okx, feed: .liquidations, symbol: "A"): 1_000,
            SourceKey(venue: .okx, feed: .liquidations, symbol: "B"): 5_000,
        ]
        let page = [liquidation("A", 900), liquidation("A", 2_000), liquidation("B", 6_000)]
        // B's oldest (6,000) is newer than its cursor (5,000): an older page may hold B's missing records.
        #expect(!IngestRun.reachesCursors(page, venue: .okx, cursors: cursors))
        #expect(IngestRun.reachesCursors(page + [liquidation("B", 5_000)], venue: .okx, cursors: cursors))
        // A symbol never stored keeps the paging going; so does an empty page or no cursors at all.
        #expect(!IngestRun.reachesCursors([liquidation("C", 1)], venue: .okx, cursors: cursors))
        #expect(!IngestRun.reachesCursors([], venue: .okx, cursors: cursors))
        #expect(!IngestRun.reachesCursors(page, venue: .okx, cursors: [:]))
    }
}
