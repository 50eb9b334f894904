import Foundation
import LiqCore
import LiqPipeline
import Testing

@testable import LiqCLI

/// `liqpipe backfill` end to end with scripted sources: the store's layout and content, resuming after a kill,
/// idempotent re-runs, missing and failed items, and the argument checks.
@Suite struct BackfillCommandTests {
    /// A temporary directory with a spec of two venues whose store and state live inside it.
    struct Workspace {
        let directory: String
        var spec: String { directory + "/spec.json" }
        var store: String { directory + "/store" }
        var ledger: String { directory + "/state/backfill" }

        init() throws {
            directory = try ProjectPaths.temporaryDirectory("backfill")
            let fixtures = ProjectPaths.fixtures
            let text = """
                {"name": "bf", "venues": [
                  {"venue": "binance-usdm", "fixtures": "\(fixtures)/binance-usdm", "symbols": ["BTCUSDT", "ETHUSDT"],
                   "feeds": ["liquidations", "funding"]},
                  {"venue": "okx", "fixtures": "\(fixtures)/okx", "symbols": ["BTC-USDT-SWAP"],
                   "feeds": ["markPrice"]}],
                 "backfill": {"directory": "store", "stateDirectory": "state"}}
                """
            try Data(text.utf8).write(to: URL(fileURLWithPath: spec))
        }

        /// Runs `backfill SPEC arguments…` with `sources` as binance-usdm's (okx has none).
        func backfill(_ arguments: [String], _ sources: [any BackfillSource]) throws -> (
            code: ExitCode, out: String, err: String
        ) {
            let captured = CapturedConsole()
            let code = try BackfillCommand.perform(
                [spec] + arguments, console: captured.console,
                makeSources: { venue, _ in venue.venue == .binanceUSDM ? sources : [] })
            return (code, captured.out, captured.err)
        }

        /// Every file under `root`, by path relative to it.
        func files(_ root: String) throws -> [String: Data] {
            var files: [String: Data] = [:]
            let enumerator = FileManager.default.enumerator(atPath: root)
            while let relative = enumerator?.nextObject() as? String {
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isDirectory),
                    !isDirectory.boolValue
                {
                    files[relative] = try Data(contentsOf: URL(fileURLWithPath: root + "/" + relative))
                }
            }
            return files
        }

        func modificationDates(_ root: String) throws -> [String: Date] {
            try files(root).keys.reduce(into: [:]) { dates, path in
                dates[path] =
                    try FileManager.default.attributesOfItem(atPath: root + "/" + path)[.modificationDate]
                    as? Date
            }
        }
    }

    static let range = ["--from", "2025-10-09", "--to", "2025-10-12"]

    /// Daily liquidations and monthly funding, sharing one run counter.
    static func sources(
        counter: ScriptedBackfillSource.Counter = .init(), missing: Set<String> = [], failing: Set<String> = []
    ) -> [any BackfillSource] {
        [
            ScriptedBackfillSource(missing: missing, failing: failing, counter: counter),
            ScriptedBackfillSource(dataset: "fundingRate", monthly: true, missing: missing, counter: counter),
        ]
    }

    @Test func oneDayOfOneSymbolIsStoredInItsPartitionWithTheRunColumns() throws {
        let workspace = try Workspace()
        let result = try workspace.backfill(
            [
                "--from", "2025-10-10", "--to", "2025-10-10", "--venues", "binance-usdm", "--symbols", "BTCUSDT",
                "--quiet",
            ],
            [ScriptedBackfillSource()])
        #expect(result.code == .success)
        let path = "feed=liquidations/venue=binance-usdm/symbol=BTCUSDT/date=2025-10-10/liquidationSnapshot.csv"
        let store = try workspace.files(workspace.store)
        #expect(Array(store.keys) == [path])
        // 2025-10-10 00:00 UTC = 1760054400000 ms = day 20371 since 1970; the source prices at 100 + (20371 % 100)
        // + hour: 01:00 → 172, 02:00 → 173, 03:00 → 174. Quantity 2 BTC (base unit), so notional = 2 × price:
        // 344, 346, 348 USD, exact. The 02:00 liquidation came twice (two overlapping batches) and is stored once.
        let lines = String(decoding: store[path]!, as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(
            lines.first
                == "timestamp_ms,venue,symbol,base,side,price,price_kind,quantity_base,notional_usd,completeness,event_id"
        )
        #expect(lines.count == 4)
        let rows = lines.dropFirst().map { $0.split(separator: ",").dropLast().joined(separator: ",") }
        #expect(
            rows == [
                "1760058000000,binance-usdm,BTCUSDT,BTC,long,172,order,2,344,sampled",
                "1760061600000,binance-usdm,BTCUSDT,BTC,short,173,order,2,346,sampled",
                "1760065200000,binance-usdm,BTCUSDT,BTC,long,174,order,2,348,sampled",
            ])
        let ledger = try workspace.files(workspace.ledger)
        #expect(
            ledger == [
                "binance-usdm/liquidationSnapshot/BTCUSDT/2025-10-10.json": Data(
                    (#"{"key": "binance-usdm/liquidationSnapshot/BTCUSDT/2025-10-10", "status": "done", "records": 3, "#
                        + #""files": ["\#(path)"]}"# + "\n").utf8)
            ])
        #expect(result.out.contains("1 items planned: 1 done (3 records in 1 files), 0 already complete, 0 missing"))
        #expect(result.out.contains("1 duplicate records dropped"))
        #expect(result.err.contains("okx has no backfill source yet; skipped") == false)
    }

    @Test func recordsOutsideTheItemsPeriodAreCountedNotStored() throws {
        let workspace = try Workspace()
        let result = try workspace.backfill(
            ["--from", "2025-10-10", "--to", "2025-10-10", "--symbols", "BTCUSDT", "--quiet"],
            [ScriptedBackfillSource(strays: true)])
        #expect(result.code == .success)
        // The stray at 2025-10-11 00:00 belongs to the next day's item, whose file this item must not overwrite.
        #expect(
            try Array(workspace.files(workspace.store).keys) == [
                "feed=liquidations/venue=binance-usdm/symbol=BTCUSDT/date=2025-10-10/liquidationSnapshot.csv"
            ])
        #expect(result.out.contains("1 done (3 records in 1 files)"))
        #expect(result.out.contains("  1 records outside their item's period not stored"))
    }

    @Test func aMonthlyItemWritesEveryDayOfItsMonth() throws {
        let workspace = try Workspace()
        let result = try workspace.backfill(
            ["--from", "2024-02-10", "--to", "2024-02-10", "--symbols", "ETHUSDT", "--quiet"],
            [ScriptedBackfillSource(dataset: "fundingRate", monthly: true)])
        #expect(result.code == .success)
        let store = try workspace.files(workspace.store)
        // February 2024 has 29 days, three settlements a day.
        #expect(store.count == 29)
        let last = "feed=funding/venue=binance-usdm/symbol=ETHUSDT/date=2024-02-29/fundingRate.csv"
        let lines = String(decoding: try #require(store[last]), as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines[1].hasPrefix("1709164800000,binance-usdm,ETHUSDT,ETH,settled,0.0001,8,"))
        #expect(result.out.contains("87 records in 29 files"))
        // --symbols ETHUSDT leaves okx (BTC-USDT-SWAP only) out before its sources are asked for.
        #expect(!result.err.contains("okx"))
    }

    @Test func aKilledRunResumesToTheSameStoreAsAnUninterruptedOne() throws {
        let whole = try Workspace()
        #expect(try whole.backfill(Self.range + ["--quiet"], Self.sources()).code == .success)

        let interrupted = try Workspace()
        // 4 days × 2 symbols + 1 month × 2 symbols = 10 items; the run is stopped as the fifth starts.
        #expect(throws: PipelineError.self) {
            try interrupted.backfill(Self.range + ["--quiet"], Self.sources(counter: .init(stopAfter: 4)))
        }
        #expect(try interrupted.files(interrupted.ledger).count == 4)
        let resumed = try interrupted.backfill(Self.range + ["--quiet"], Self.sources())
        #expect(resumed.code == .success)
        #expect(resumed.out.contains("10 items planned: 6 done"))
        #expect(resumed.out.contains("4 already complete"))
        #expect(try interrupted.files(interrupted.store) == whole.files(whole.store))
        #expect(try interrupted.files(interrupted.ledger) == whole.files(whole.ledger))
        #expect(try whole.files(whole.store).count == 2 * 4 + 2 * 31)
    }

    @Test func aSecondRunSkipsEverythingAndTouchesNoFile() throws {
        let workspace = try Workspace()
        #expect(try workspace.backfill(Self.range + ["--quiet"], Self.sources()).code == .success)
        let before = try (workspace.files(workspace.directory), workspace.modificationDates(workspace.directory))
        let counter = ScriptedBackfillSource.Counter()
        let again = try workspace.backfill(Self.range + ["--quiet"], Self.sources(counter: counter))
        #expect(again.code == .success)
        #expect(again.out.contains("10 items planned: 0 done (0 records in 0 files), 10 already complete"))
        #expect(counter.runs.load(ordering: .relaxed) == 0)
        #expect(try workspace.files(workspace.directory) == before.0)
        // The shard's lock file records each holder (pid, start); every data and ledger file is untouched.
        let dates = try workspace.modificationDates(workspace.directory)
        #expect(dates.filter { !$0.key.hasSuffix(".lock") } == before.1.filter { !$0.key.hasSuffix(".lock") })
    }

    @Test func aRunWithNothingLeftLoadsNoReferenceData() throws {
        let workspace = try Workspace()
        #expect(try workspace.backfill(Self.range + ["--quiet"], Self.sources()).code == .success)
        // The venue's fixtures vanish: loading its instruments would now fail with a warning.
        let spec = try String(contentsOfFile: workspace.spec, encoding: .utf8)
        try Data(spec.replacingOccurrences(of: "/binance-usdm\"", with: "/nowhere\"").utf8)
            .write(to: URL(fileURLWithPath: workspace.spec))
        let again = try workspace.backfill(Self.range, Self.sources())
        #expect(again.code == .success)
        #expect(again.err.contains("10 items, 0 to run"))
        #expect(!again.err.contains("warning"))
        // With an item left to run, the same spec does load it, fails, and the item fails with the reason.
        let more = try workspace.backfill(["--from", "2025-10-13", "--to", "2025-10-13", "--quiet"], Self.sources())
        #expect(more.err.contains("liqpipe: warning: binance-usdm"))
        #expect(more.code == .failure)
        #expect(more.out.contains("FAILED binance-usdm/liquidationSnapshot/BTCUSDT/2025-10-13: reference data: "))
    }

    @Test func aSecondBackfillOfTheSameShardStopsWhileTheFirstRuns() throws {
        let workspace = try Workspace()
        let held = try ProcessLock(
            path: workspace.directory + "/state/backfill-shard-2-of-3.lock", activity: "backfill of this shard")
        let counter = ScriptedBackfillSource.Counter()
        let blocked = try workspace.backfill(Self.range + ["--shard", "2/3"], Self.sources(counter: counter))
        #expect(blocked.code == .failure)
        #expect(
            blocked.err.contains(
                "liqpipe: backfill: another backfill of this shard is running (lock \(workspace.directory)/state/"
                    + "backfill-shard-2-of-3.lock is held by pid \(getpid()) started "))
        #expect(counter.runs.load(ordering: .relaxed) == 0)
        // Other shards are not blocked, and the shard runs once the lock is released.
        #expect(try workspace.backfill(Self.range + ["--shard", "1/3", "--quiet"], Self.sources()).code == .success)
        held.release()
        #expect(try workspace.backfill(Self.range + ["--shard", "2/3", "--quiet"], Self.sources()).code == .success)
    }

    @Test func aMissingItemIsReportedRecordedAndOnlyRetriedOnRequest() throws {
        let workspace = try Workspace()
        let key = "binance-usdm/liquidationSnapshot/ETHUSDT/2025-10-11"
        let first = try workspace.backfill(Self.range + ["--quiet"], Self.sources(missing: [key]))
        #expect(first.code == .success)
        #expect(first.out.contains("9 done"))
        #expect(first.out.contains("1 missing"))
        #expect(first.out.contains("  missing \(key): HTTP 404 for \(key)"))
        let entry = try workspace.files(workspace.ledger)[key + ".json"]
        #expect(
            entry.map { String(decoding: $0, as: UTF8.self) }
                == #"{"key": "\#(key)", "status": "missing", "reason": "HTTP 404 for \#(key)"}"# + "\n")
        #expect(try !workspace.files(workspace.store).keys.contains { $0.contains("ETHUSDT/date=2025-10-11/liq") })

        let counter = ScriptedBackfillSource.Counter()
        let second = try workspace.backfill(Self.range + ["--quiet"], Self.sources(counter: counter))
        #expect(second.out.contains("9 already complete, 0 missing, 1 recorded missing earlier"))
        #expect(counter.runs.load(ordering: .relaxed) == 0)

        let retried = try workspace.backfill(
            Self.range + ["--quiet", "--retry-missing"], Self.sources(counter: counter))
        #expect(retried.code == .success)
        #expect(retried.out.contains("1 done"))
        #expect(counter.runs.load(ordering: .relaxed) == 1)
        #expect(try workspace.files(workspace.store).keys.contains { $0.contains("ETHUSDT/date=2025-10-11/liq") })
    }

    @Test func aFailedItemExitsThreeStoresTheOthersAndIsRetriedNextRun() throws {
        let workspace = try Workspace()
        let key = "binance-usdm/liquidationSnapshot/BTCUSDT/2025-10-12"
        let first = try workspace.backfill(Self.range + ["--quiet"], Self.sources(failing: [key]))
        #expect(first.code == .partial)
        #expect(first.out.contains("9 done"))
        #expect(first.out.contains("1 failed"))
        #expect(first.out.contains("  FAILED \(key): scripted failure of \(key)"))
        #expect(try !workspace.files(workspace.ledger).keys.contains(key + ".json"))
        #expect(try workspace.files(workspace.store).count == 2 * 4 + 2 * 31 - 1)

        let counter = ScriptedBackfillSource.Counter()
        let second = try workspace.backfill(Self.range + ["--quiet"], Self.sources(counter: counter))
        #expect(second.code == .success)
        #expect(second.out.contains("1 done"))
        #expect(counter.runs.load(ordering: .relaxed) == 1)
    }

    @Test func everyAttemptedItemFailingExitsOne() throws {
        let workspace = try Workspace()
        let keys: Set<String> = ["binance-usdm/liquidationSnapshot/BTCUSDT/2025-10-10"]
        let result = try workspace.backfill(
            ["--from", "2025-10-10", "--to", "2025-10-10", "--symbols", "BTCUSDT", "--quiet"],
            [ScriptedBackfillSource(failing: keys)])
        #expect(result.code == .failure)
    }

    @Test func progressLinesGoToStandardErrorUnlessQuiet() throws {
        let workspace = try Workspace()
        let result = try workspace.backfill(Self.range, Self.sources())
        #expect(result.err.contains("liqpipe backfill bf: 2025-10-09 to 2025-10-12, shard 1/1: 10 items, 10 to run → "))
        #expect(result.err.contains("liqpipe: backfill: okx has no backfill source yet; skipped\n"))
        let quiet = try Workspace().backfill(Self.range + ["--quiet"], Self.sources())
        #expect(!quiet.err.contains("items →"))
    }

    @Test func theProgressLineCountsRatesAndEstimates() {
        var summary = BackfillSummary()
        for index in 0..<4 {
            summary.add(
                BackfillItemResult(
                    item: BackfillItem(
                        venue: .binanceUSDM, dataset: "d", symbol: "S",
                        period: .day(UTCDate(year: 2025, month: 1, day: index + 1))),
                    status: .done(BackfillStore.Written(files: ["f"], records: 10))))
        }
        // 4 of 10 items in 2 s: 2.0 items/s, 6 left → 3 s.
        #expect(
            BackfillTally.progressLine(summary, pending: 10, elapsed: .seconds(2))
                == "backfill 4/10 items (0 missing, 0 failed), 40 records, 2.0 items/s, ETA 3s")
    }

    // MARK: - The command line

    func cli(_ arguments: [String]) -> (code: Int32, out: String, err: String) {
        let captured = CapturedConsole()
        let code = CLI.run(arguments, console: captured.console)
        return (code, captured.out, captured.err)
    }

    @Test(arguments: [
        ([], "liqpipe: error: missing required option '--from' (YYYY-MM-DD)"),
        (["--from", "2025-10-10"], "liqpipe: error: missing required option '--to' (YYYY-MM-DD)"),
        (
            ["--from", "2025-02-30", "--to", "2025-03-01"],
            "liqpipe: error: option '--from': expected a UTC day YYYY-MM-DD, got '2025-02-30'"
        ),
        (
            ["--from", "2025-10-10", "--to", "10/11/2025"],
            "liqpipe: error: option '--to': expected a UTC day YYYY-MM-DD, got '10/11/2025'"
        ),
        (
            ["--from", "2025-10-10", "--to", "2025-10-09"],
            "liqpipe: error: '--from' 2025-10-10 is after '--to' 2025-10-09"
        ),
        (
            ["--from", "2015-01-01", "--to", "2025-12-31"],
            "liqpipe: error: 4018 days from 2015-01-01 to 2025-12-31; at most 3660 per backfill"
        ),
        (
            ["--from", "2025-10-10", "--to", "2025-10-10", "--shard", "4/3"],
            "liqpipe: error: option '--shard': expected K/N with 1 ≤ K ≤ N ≤ 1024, got '4/3'"
        ),
        (
            ["--from", "2025-10-10", "--to", "2025-10-10", "--venues", "bybit,okx,deribit"],
            "liqpipe: error: option '--venues': not in the spec: bybit, deribit (the spec has binance-usdm, okx)"
        ),
        (
            ["--from", "2025-10-10", "--to", "2025-10-10", "--symbols", "BTCUSDT,DOGEUSDT"],
            "liqpipe: error: option '--symbols': not a symbol of the selected venues: DOGEUSDT"
        ),
        (
            ["--from", "2025-10-10", "--to", "2025-10-10", "--venues", "okx", "--symbols", "BTCUSDT"],
            "liqpipe: error: option '--symbols': not a symbol of the selected venues: BTCUSDT"
        ),
        (["--from", "2025-10-10", "--to", "2025-10-10", "--bogus"], "liqpipe: error: unknown option '--bogus'"),
        (
            ["--from", "2025-10-10", "--to", "2025-10-10", "--venues", ","],
            "liqpipe: error: option '--venues': empty list"
        ),
    ])
    func badArgumentsExitTwoNamingTheProblem(arguments: [String], firstLine: String) throws {
        let workspace = try Workspace()
        let result = cli(["backfill", workspace.spec] + arguments)
        #expect(result.code == 2)
        let lines = result.err.split(separator: "\n")
        #expect(lines.first.map(String.init) == firstLine)
        #expect(lines.count > 1 && lines[1].hasPrefix("USAGE: liqpipe backfill SPEC --from DATE --to DATE"))
        #expect(!FileManager.default.fileExists(atPath: workspace.store))
    }

    @Test func anUnknownKeyInTheBackfillBlockIsASpecError() throws {
        let workspace = try Workspace()
        try Data(
            #"{"name": "x", "venues": [{"venue": "okx", "symbols": ["BTC-USDT-SWAP"]}], "backfill": {"dir": "s"}}"#.utf8
        )
        .write(to: URL(fileURLWithPath: workspace.spec))
        let result = cli(["backfill", workspace.spec, "--from", "2025-10-10", "--to", "2025-10-10"])
        #expect(result.code == 2)
        #expect(result.err.hasPrefix("liqpipe: spec error: "))
        #expect(result.err.contains("backfill"))
    }

    @Test func venuesWithoutABackfillSourceExitOne() throws {
        let workspace = try Workspace()
        let result = cli(["backfill", workspace.spec, "--from", "2025-10-10", "--to", "2025-10-10", "--venues", "okx"])
        #expect(result.code == 1)
        #expect(result.err.contains("okx has no backfill source yet; skipped"))
        #expect(result.err.contains("none of the selected venues has a backfill source; nothing to do"))
    }

    @Test func helpDescribesTheStore() {
        let result = cli(["help", "backfill"])
        #expect(result.code == 0)
        #expect(
            result.out.hasPrefix("USAGE: liqpipe backfill SPEC --from DATE --to DATE [--venues A,B] [--symbols A,B]"))
        #expect(result.out.contains("STORE/feed=<feed>/venue=<venue>/symbol=<symbol>/date=<YYYY-MM-DD>/<dataset>.csv"))
        #expect(cli(["--help"]).out.contains("backfill SPEC --from DATE --to DATE"))
    }
}
