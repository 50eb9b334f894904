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
        func add<Schema: RecordSchema, Key: Hashable>(
            _: Schema.Type, _ records: [Schema.Record], feed: Feed, time: (Schema.Record) -> Int64,
            identity: (Schema.Record) -> Key
        ) {
            guard !records.isEmpty else { return }
            // Days by day number, in first-seen order; a day's records in input order (`encode` sorts them). The
            // records of an item are nearly always of one day in a row: the dictionary is asked only on a change.
            var days: [(day: Int64, records: [Schema.Record])] = []
            var dayIndex: [Int64: Int] = [:]
            var current = -1
            var seen = Set<Key>(minimumCapacity: records.count)
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
                let day = Self.dayNumber(timestampMs)
                if current < 0 || days[current].day != day {
                    if let index = dayIndex[day] {
                        current = index
                    } else {
                        current = days.count
                        dayIndex[day] = current
                        days.append((day, []))
                    }
                }
                days[current].records.append(record)
            }
            for (day, records) in days.sorted(by: { $0.day < $1.day }) {
                written.records += records.count
                let date = UTCDate(timestampMs: day * BackfillPeriod.dayMs)
                files.append((relativePath(feed: feed, item: item, day: date), Schema.encode(records)))
            }
        }
        add(
            LiquidationsCSV.self, batch.liquidations, feed: .liquidations, time: \.timestampMs,
            identity: RecordKey.fields)
        add(
            OpenInterestCSV.self, batch.openInterest, feed: .openInterest, time: \.timestampMs,
            identity: RecordKey.fields)
        add(
            FundingCSV.self, batch.funding, feed: .funding, time: \.timestampMs,
            identity: RecordKey.fields)
        add(
            MarkPriceCSV.self, batch.markPrices, feed: .markPrice, time: \.timestampMs,
            identity: RecordKey.fields)
        add(
            PriceBarsCSV.self, batch.priceBars, feed: .priceBars, time: \.bucketStartMs,
            identity: RecordKey.fields)
        for file in files {
            try AtomicFile.write(file.bytes, to: directory + "/" + file.path)
            written.files.append(file.path)
        }
        return written
    }

    /// Days since 1970-01-01 of the UTC day holding `timestampMs` (floor, as `UTCDate(timestampMs:)`).
    static func dayNumber(_ timestampMs: Int64) -> Int64 {
        (timestampMs >= 0 ? timestampMs : timestampMs - (BackfillPeriod.dayMs - 1)) / BackfillPeriod.dayMs
    }

    func relativePath(feed: Feed, item: BackfillItem, day: UTCDate) -> String {
        "feed=\(feed.rawValue)/venue=\(item.venue.rawValue)/symbol=\(item.symbol)/date=\(day)/\(item.dataset).csv"
    }
}
