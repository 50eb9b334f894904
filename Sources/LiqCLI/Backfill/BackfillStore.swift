import LiqCore
import LiqEmit

/// The partitioned history store: `<directory>/feed=<feed>/venue=<venue>/symbol=<symbol>/date=<YYYY-MM-DD>/
/// <dataset>.csv`, the canonical records in the CSV schemas `run` writes (sorted the same way), deduplicated
/// within each file (liquidations by event id, samples by venue, symbol and time), each file replaced atomically.
///
/// A file holds one dataset of one symbol on one UTC day, so exactly one item writes it and re-running the item
/// rewrites the same bytes. An item may span several days (a monthly file): each day's file is written.
struct BackfillStore: Sendable {
    var directory: String

    /// What writing one item produced.
    struct Written: Sendable, Equatable {
        /// Paths relative to the store directory, in the order written.
        var files: [String] = []
        /// Records written (after deduplication).
        var records = 0
        /// Records dropped as duplicates within their file.
        var duplicates = 0
        /// Records outside the item's period, not written: they belong to another item's files.
        var outsidePeriod = 0
    }

    /// Writes `batch` (the item's normalised records) into its files.
    func write(_ batch: NormalisedBatch, for item: BackfillItem) throws(OutputError) -> Written {
        var written = Written()
        var files: [(path: String, bytes: [UInt8])] = []
        func add<Schema: RecordSchema>(
            _: Schema.Type, _ records: [Schema.Record], feed: Feed, time: (Schema.Record) -> Int64,
            identity: (Schema.Record) -> String
        ) {
            var byDay: [UTCDate: [Schema.Record]] = [:]
            var seen: Set<String> = []
            for record in records {
                let timestampMs = time(record)
                guard item.period.contains(timestampMs: timestampMs) else {
                    written.outsidePeriod += 1
                    continue
                }
                guard seen.insert(identity(record)).inserted else {
                    written.duplicates += 1
                    continue
                }
                byDay[UTCDate(timestampMs: timestampMs), default: []].append(record)
            }
            for day in byDay.keys.sorted() {
                let records = byDay[day]!
                written.records += records.count
                files.append((relativePath(feed: feed, item: item, day: day), Schema.encode(records)))
            }
        }
        add(
            LiquidationsCSV.self, batch.liquidations, feed: .liquidations, time: \.timestampMs,
            identity: RecordKey.of)
        add(
            OpenInterestCSV.self, batch.openInterest, feed: .openInterest, time: \.timestampMs,
            identity: RecordKey.of)
        add(
            FundingCSV.self, batch.funding, feed: .funding, time: \.timestampMs,
            identity: RecordKey.of)
        add(
            MarkPriceCSV.self, batch.markPrices, feed: .markPrice, time: \.timestampMs,
            identity: RecordKey.of)
        add(
            PriceBarsCSV.self, batch.priceBars, feed: .priceBars, time: \.bucketStartMs,
            identity: RecordKey.of)
        for file in files {
            try AtomicFile.write(file.bytes, to: directory + "/" + file.path)
            written.files.append(file.path)
        }
        return written
    }

    func relativePath(feed: Feed, item: BackfillItem, day: UTCDate) -> String {
        "feed=\(feed.rawValue)/venue=\(item.venue.rawValue)/symbol=\(item.symbol)/date=\(day)/\(item.dataset).csv"
    }
}
