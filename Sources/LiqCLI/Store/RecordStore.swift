import Foundation
import LiqCore
import LiqEmit

/// The partitioned store as `run` uses it: `<directory>/feed=<feed>/venue=<venue>/symbol=<symbol>/date=<day>/`,
/// the layout `backfill` writes, with the run's records in `run.csv` beside backfill's dataset files.
///
/// A run merges what it fetched into `run.csv` of each partition it touches: the file is read back, records are
/// keyed (`RecordKey`), a new record replaces the stored one with its key (a bar still forming is fetched again
/// once closed), and the file is rewritten atomically only when its bytes change. So re-fetching the same data
/// changes nothing, and a run killed between two partitions leaves every file whole; the next run, whose cursors
/// were not advanced, fetches the rest again and merges it the same way.
struct RecordStore: Sendable {
    var directory: String

    static let runFileName = "run.csv"
    /// A partition file larger than this is refused rather than read whole (a day of one symbol's liquidations is
    /// a few MB; this is a damaged or foreign file).
    static let maxFileBytes = 512 << 20

    /// What a merge changed.
    struct Merged: Sendable, Equatable {
        /// Store-relative paths rewritten, in order.
        var files: [String] = []
        /// Records whose key was not in their partition's `run.csv` before, in all and per source.
        var added = 0
        var addedBySource: [SourceKey: Int] = [:]
        /// Newest record time merged per source (`SourceKey`), for the run's cursors.
        var newestMs: [SourceKey: Int64] = [:]
    }

    /// Merges `batch` into the partitions its records fall in.
    func merge(_ batch: NormalisedBatch) throws -> Merged {
        var merged = Merged()
        try merge(LiquidationsCSV.self, batch.liquidations, feed: .liquidations, into: &merged)
        try merge(OpenInterestCSV.self, batch.openInterest, feed: .openInterest, into: &merged)
        try merge(FundingCSV.self, batch.funding, feed: .funding, into: &merged)
        try merge(MarkPriceCSV.self, batch.markPrices, feed: .markPrice, into: &merged)
        try merge(PriceBarsCSV.self, batch.priceBars, feed: .priceBars, into: &merged)
        return merged
    }

    private func merge<Schema: StoredRecordSchema>(
        _ schema: Schema.Type, _ records: [Schema.Record], feed: Feed, into merged: inout Merged
    ) throws where Schema.Record: StoreRecord {
        var partitions: [String: [Schema.Record]] = [:]
        for record in records {
            partitions[
                Self.partition(feed: feed, venue: record.venue, symbol: record.symbol, timeMs: record.timeMs),
                default: []
            ].append(record)
            // A predicted funding rate is stamped with the coming settlement: not a record of what happened.
            guard record.isObserved else { continue }
            let source = SourceKey(venue: record.venue, feed: feed, symbol: record.symbol)
            merged.newestMs[source] = max(merged.newestMs[source] ?? .min, record.timeMs)
        }
        for partition in partitions.keys.sorted() {
            let relative = partition + "/" + Self.runFileName
            let path = directory + "/" + relative
            let existingBytes = try Self.readIfPresent(path)
            var byKey: [String: Schema.Record] = [:]
            for record in try existingBytes.map({ try Schema.decode($0, origin: path) }) ?? [] {
                byKey[record.key] = record
            }
            for record in partitions[partition]! where byKey.updateValue(record, forKey: record.key) == nil {
                merged.added += 1
                merged.addedBySource[SourceKey(venue: record.venue, feed: feed, symbol: record.symbol), default: 0] += 1
            }
            let bytes = Schema.encode(Array(byKey.values))
            guard bytes != existingBytes else { continue }
            try AtomicFile.write(bytes, to: path)
            merged.files.append(relative)
        }
    }

    /// The store's records of `venues` over the `hours` before its newest observed record (liquidation, sample
    /// or bar of any feed but funding, whose predicted rates lie ahead), every file of each partition read and
    /// keyed so a fact held twice (backfill and run, archive and REST) counts once; nil when the store holds
    /// nothing of them. Predicted funding after the newest record is kept: it is the current estimate.
    func window(venues: Set<Venue>, hours: Int) throws -> (records: NormalisedBatch, rangeMs: ClosedRange<Int64>)? {
        let partitions = try listPartitions(venues: venues)
        guard let latest = partitions.filter({ $0.feed != .funding }).map(\.date).max() else { return nil }
        let first = UTCDate(timestampMs: latest.startMs - Int64(hours / 24 + 1) * 86_400_000)
        let selected = partitions.filter { $0.date >= first }
        var liquidations: [String: LiquidationEvent] = [:]
        var openInterest: [String: OpenInterestSample] = [:]
        var funding: [String: FundingSample] = [:]
        var marks: [String: MarkPriceSample] = [:]
        var bars: [String: PriceBar] = [:]
        for partition in selected {
            for file in try partition.files() {
                let bytes = try Self.readIfPresent(file) ?? []
                switch partition.feed {
                case .liquidations: try Self.read(LiquidationsCSV.self, bytes, origin: file, into: &liquidations)
                case .openInterest: try Self.read(OpenInterestCSV.self, bytes, origin: file, into: &openInterest)
                case .funding: try Self.read(FundingCSV.self, bytes, origin: file, into: &funding)
                case .markPrice: try Self.read(MarkPriceCSV.self, bytes, origin: file, into: &marks)
                case .priceBars: try Self.read(PriceBarsCSV.self, bytes, origin: file, into: &bars)
                }
            }
        }
        let observed =
            liquidations.values.map(\.timeMs) + openInterest.values.map(\.timeMs) + marks.values.map(\.timeMs)
            + bars.values.map(\.timeMs) + funding.values.filter(\.isObserved).map(\.timeMs)
        guard let newest = observed.max() else { return nil }
        let start = newest - Int64(hours) * 3_600_000
        func inside<Record: StoreRecord>(_ records: [String: Record]) -> [Record] {
            records.values.filter { $0.timeMs >= start && ($0.timeMs <= newest || !$0.isObserved) }
                .sorted { $0.key < $1.key }
        }
        var batch = NormalisedBatch()
        batch.liquidations = inside(liquidations)
        batch.openInterest = inside(openInterest)
        batch.funding = inside(funding)
        batch.markPrices = inside(marks)
        batch.priceBars = inside(bars)
        return (batch, start...newest)
    }

    /// `feed=…/venue=…/symbol=…/date=…` of a record.
    static func partition(feed: Feed, venue: Venue, symbol: String, timeMs: Int64) -> String {
        "feed=\(feed.rawValue)/venue=\(venue.rawValue)/symbol=\(symbol)/date=\(UTCDate(timestampMs: timeMs))"
    }

    /// One `date=` folder of the store.
    struct Partition {
        var feed: Feed
        var venue: Venue
        var date: UTCDate
        var path: String

        /// Its CSV files, `run.csv` last: the run's fetch is the newest word on a record both hold.
        func files() throws -> [String] {
            let names = try FileManager.default.contentsOfDirectory(atPath: path).filter {
                $0.hasSuffix(".csv") && !$0.hasPrefix(".")
            }
            return names.sorted {
                ($0 == RecordStore.runFileName ? 1 : 0, $0) < ($1 == RecordStore.runFileName ? 1 : 0, $1)
            }
            .map { path + "/" + $0 }
        }
    }

    /// Every partition of `venues`; names that are not `key=value` of a known feed, venue or day are ignored
    /// (a user's notes, a temporary file).
    func listPartitions(venues: Set<Venue>) throws -> [Partition] {
        var partitions: [Partition] = []
        for feedName in try Self.entries(directory, prefix: "feed=") {
            guard let feed = Feed(rawValue: feedName) else { continue }
            let feedPath = "\(directory)/feed=\(feedName)"
            for venueName in try Self.entries(feedPath, prefix: "venue=") {
                guard let venue = Venue(rawValue: venueName), venues.contains(venue) else { continue }
                let venuePath = "\(feedPath)/venue=\(venueName)"
                for symbol in try Self.entries(venuePath, prefix: "symbol=") {
                    let symbolPath = "\(venuePath)/symbol=\(symbol)"
                    for day in try Self.entries(symbolPath, prefix: "date=") {
                        guard let date = UTCDate(day) else { continue }
                        partitions.append(
                            Partition(feed: feed, venue: venue, date: date, path: "\(symbolPath)/date=\(day)"))
                    }
                }
            }
        }
        return partitions
    }

    /// The values of `prefix…` entries of `path` (none when it does not exist).
    private static func entries(_ path: String, prefix: String) throws -> [String] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        return try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.hasPrefix(prefix) }
            .map { String($0.dropFirst(prefix.count)) }.sorted()
    }

    private static func read<Schema: StoredRecordSchema>(
        _ schema: Schema.Type, _ bytes: [UInt8], origin: String, into records: inout [String: Schema.Record]
    ) throws where Schema.Record: StoreRecord {
        for record in try Schema.decode(bytes, origin: origin) { records[record.key] = record }
    }

    private static func readIfPresent(_ path: String) throws -> [UInt8]? {
        guard FileBytes.isRegularFile(path) else { return nil }
        return try FileBytes.read(path, maxBytes: maxFileBytes)
    }
}
