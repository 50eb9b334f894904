import LiqCore
import Testing

@testable import LiqCLI

/// The plan and its shards: every item in exactly one shard, the split the same in every process.
@Suite struct BackfillPlanTests {
    let sources: [any BackfillSource] = [
        ScriptedBackfillSource(), ScriptedBackfillSource(dataset: "fundingRate", monthly: true),
    ]
    let symbols: [Venue: [String]] = [.binanceUSDM: ["BTCUSDT", "ETHUSDT"]]
    let from = UTCDate(year: 2025, month: 9, day: 20)
    let to = UTCDate(year: 2025, month: 11, day: 2)

    func plan(_ shard: BackfillShard) -> [String] {
        BackfillPlan(sources: sources, symbols: symbols, from: from, to: to, shard: shard).entries.map(\.item.key)
    }

    @Test func thePlanHoldsEveryDayAndMonthOfEverySymbolSortedByKey() {
        let keys = plan(.whole)
        // 44 days (Sep 20 … Nov 2) × 2 symbols daily + 3 months (Sep, Oct, Nov) × 2 symbols monthly.
        #expect(keys.count == 44 * 2 + 3 * 2)
        #expect(keys == keys.sorted())
        #expect(keys.first == "binance-usdm/fundingRate/BTCUSDT/2025-09")
        #expect(keys.contains("binance-usdm/liquidationSnapshot/ETHUSDT/2025-11-02"))
        #expect(!keys.contains("binance-usdm/liquidationSnapshot/ETHUSDT/2025-11-03"))
    }

    @Test(arguments: [1, 2, 3, 7])
    func shardsPartitionThePlan(count: Int) {
        let whole = plan(.whole)
        var seen: [String: Int] = [:]
        for index in 1...count {
            let keys = plan(BackfillShard(index: index, count: count))
            for key in keys { seen[key, default: 0] += 1 }
        }
        #expect(Set(seen.keys) == Set(whole))
        #expect(seen.values.allSatisfy { $0 == 1 })
    }

    @Test func shardsSplitRoughlyEvenly() {
        // 94 items over 3 shards: each gets some, none gets most.
        let sizes = (1...3).map { plan(BackfillShard(index: $0, count: 3)).count }
        #expect(sizes.reduce(0, +) == 94)
        #expect(sizes.allSatisfy { (15...50).contains($0) })
    }

    @Test func theHashIsFNV1a64() {
        // Published FNV-1a 64 test vectors: "" → offset basis, "a" → 0xaf63dc4c8601ec8c.
        #expect(BackfillShard.fnv1a64("") == 0xcbf2_9ce4_8422_2325)
        #expect(BackfillShard.fnv1a64("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(BackfillShard.fnv1a64("foobar") == 0x8594_4171_f739_67e8)
    }

    @Test(arguments: [
        ("1/1", BackfillShard(index: 1, count: 1)), ("3/7", BackfillShard(index: 3, count: 7)),
        ("1024/1024", BackfillShard(index: 1024, count: 1024)),
    ])
    func shardsParse(text: String, shard: BackfillShard) {
        #expect(BackfillShard(text) == shard)
    }

    @Test(arguments: ["0/3", "4/3", "1/0", "1/1025", "1", "a/b", "1/2/3", "-1/2", ""])
    func badShardsAreRefused(text: String) {
        #expect(BackfillShard(text) == nil)
    }

    @Test func periodsCoverTheirDaysAndMonths() {
        let months = BackfillPeriod.months(
            from: UTCDate(year: 2024, month: 12, day: 31), to: UTCDate(year: 2025, month: 2, day: 1))
        #expect(months.map(\.description) == ["2024-12", "2025-01", "2025-02"])
        // February 2025: 28 days.
        #expect(months[2].endMs - months[2].startMs == 28 * BackfillPeriod.dayMs)
        #expect(months[0].endMs == months[1].startMs)
        let days = BackfillPeriod.days(
            from: UTCDate(year: 2024, month: 2, day: 28), to: UTCDate(year: 2024, month: 3, day: 1))
        #expect(days.map(\.description) == ["2024-02-28", "2024-02-29", "2024-03-01"])
    }
}

/// Where the store and the ledger go: the spec's `backfill` block (resolved against the spec's directory), else
/// beside the output directory.
@Suite struct BackfillDirectoriesTests {
    @Test func theBackfillBlockResolvesAgainstTheSpecDirectory() throws {
        let text =
            #"{"name":"x","venues":[{"venue":"okx","symbols":["BTC-USDT-SWAP"]}],"backfill":{"directory":"hist"}}"#
        let spec = try SpecLoader.parse(Array(text.utf8), path: "Pipelines/t.json")
        #expect(spec.backfill == BackfillSpec(directory: "Pipelines/hist", stateDirectory: nil))
    }

    @Test func anEmptyDirectoryIsRefused() {
        let text =
            #"{"name":"x","venues":[{"venue":"okx","symbols":["BTC-USDT-SWAP"]}],"backfill":{"stateDirectory":""}}"#
        #expect(throws: JSONError.self) { try SpecLoader.parse(Array(text.utf8), path: "t.json") }
    }

    @Test(arguments: [
        ("out", "store", "store"), ("/srv/liq/out", "state", "/srv/liq/state"), ("a/b/", "store", "a/store"),
        ("/out", "state", "/state"),
    ])
    func defaultsSitBesideTheOutputDirectory(output: String, name: String, expected: String) {
        #expect(PipelineSpec.beside(output, name) == expected)
    }
}
