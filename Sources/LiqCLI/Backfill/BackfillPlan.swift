import LiqCore

/// Every item a backfill covers in this shard, sorted by key, each paired with the source that runs it.
struct BackfillPlan: Sendable {
    struct Entry: Sendable {
        var item: BackfillItem
        /// Index into the runner's sources.
        var sourceIndex: Int
    }

    var entries: [Entry]

    /// Items of every source for its venue's symbols (`symbols[venue]`, none when absent) over [from, to], kept
    /// when `shard` contains their key. Two sources listing the same key (a misconfiguration) run it once, by the
    /// first.
    init(
        sources: [any BackfillSource], symbols: [Venue: [String]], from: UTCDate, to: UTCDate, shard: BackfillShard
    ) {
        var byKey: [String: Entry] = [:]
        for (index, source) in sources.enumerated() {
            for item in source.items(symbols: symbols[source.venue] ?? [], from: from, to: to)
            where shard.contains(key: item.key) && byKey[item.key] == nil {
                byKey[item.key] = Entry(item: item, sourceIndex: index)
            }
        }
        entries = byKey.keys.sorted().map { byKey[$0]! }
    }
}
