import Foundation
import LiqCLI
import LiqCore
import LiqEmit
import LiqFetch
import Testing

/// `liqpipe maintain`: capture days older than the retention ages compacted into daily files (every line kept
/// exactly once, through crashes at any step), capture days and store partitions removed by age, never today or
/// yesterday; `--dry-run` changes nothing; `run` over the compacted directory gives the same outputs.
@Suite struct MaintainCommandTests {
    typealias Captures = CollectorCapturesTests
    static let hourMs: Int64 = 3_600_000
    static let dayMs: Int64 = 86_400_000
    /// 2025-10-13T00:30Z: today is 2025-10-13, yesterday 10-12; with the default compaction age (2) 10-10 is the
    /// newest day compacted.
    static let now = "2025-10-13T00:30:00Z"
    static let day10 = "binance-usdm/2025-10-10"
    static let dailyName = "binance-usdm-20251010.ndjson.gz"

    /// Every file under `root` (relative path → bytes).
    static func tree(_ root: String) throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for path in try RunCommandTests.outputFiles(root) {
            files[path] = try FileBytes.read(root + "/" + path, maxBytes: 64 << 20)
        }
        return files
    }

    /// Every line of every capture file (closed segments, daily files and `.part`s), sorted: a multiset to compare.
    static func allLines(_ captures: String) throws -> [String] {
        var lines: [String] = []
        for path in try tree(captures).keys where path.hasSuffix(".ndjson.gz") || path.hasSuffix(".part") {
            let reader = try CaptureReader(path: captures + "/" + path)
            while let line = try reader.nextLine() { lines.append(String(decoding: line, as: UTF8.self)) }
            #expect(reader.warnings.isEmpty)
        }
        return lines.sorted()
    }

    /// Captures of binance-usdm: the fixture's BTC messages in hours 20 and 21 of 2025-10-10 plus a restart
    /// segment `T21.1`, one message on each of 10-11, 10-12 (yesterday) and 10-13 (today), and today's open hour.
    static func writeCaptures(_ captures: String) throws -> Int {
        let lines = try Captures.btcLines()
        let writer = CaptureSegmentWriter(directory: captures)
        for (index, line) in lines.enumerated() {
            let hour = index < lines.count / 2 ? Captures.hour20Ms : Captures.hour20Ms + hourMs
            try writer.append(Captures.record(hour + Int64(index), line))
        }
        for (day, tradeMs) in [(1, 1_760_127_000_111), (2, 1_760_127_000_222), (3, 1_760_127_000_333)] {
            try writer.append(
                Captures.record(
                    Captures.hour20Ms + Int64(day) * dayMs - 19 * hourMs,
                    Captures.uniqueMessage(tradeMs: Int64(tradeMs))))
        }
        try writer.close()
        let restarted = CaptureSegmentWriter(directory: captures)
        try restarted.append(
            Captures.record(Captures.hour20Ms + hourMs + 7, Captures.uniqueMessage(tradeMs: 1_760_127_000_444)))
        try restarted.close()
        let open = CaptureSegmentWriter(directory: captures)
        try open.append(
            Captures.record(
                Captures.hour20Ms + 3 * dayMs - 18 * hourMs, Captures.uniqueMessage(tradeMs: 1_760_127_000_555)))
        try open.flush()
        return lines.count + 1
    }

    static func spec(_ directory: String, retention: String = "") throws -> String {
        try Captures.writeSpec(
            directory,
            extra: #", "collector": {"directory": "\#(directory)/captures", "stateDirectory": "\#(directory)/state", "#
                + #""lookbackHours": 8760}, "backfill": {"directory": "\#(directory)/store"}"#
                + (retention.isEmpty ? "" : #", "retention": \#(retention)"#))
    }

    static func maintain(_ spec: String, _ extra: [String] = []) -> (code: Int32, out: String, err: String) {
        let captured = CapturedConsole()
        let code = CLI.run(["maintain", spec, "--now", now] + extra, console: captured.console)
        return (code, captured.out, captured.err)
    }

    static func total(
        compacted: Int = 0, segments: Int = 0, lines: Int = 0, finished: Int = 0, captureDays: Int = 0,
        partitions: Int = 0, files: Int = 0, skipped: Int = 0, dryRun: Bool = false
    ) -> String {
        "liqpipe maintain collector: compacted \(compacted) capture day\(compacted == 1 ? "" : "s") (\(segments) "
            + "segments, \(lines) lines), finished \(finished), removed \(captureDays) capture "
            + "day\(captureDays == 1 ? "" : "s") and \(partitions) store partition\(partitions == 1 ? "" : "s") "
            + "(\(files) files), skipped \(skipped)\(dryRun ? " (dry run: nothing changed)" : "")\n"
    }

    @Test func compactionKeepsEveryLineOnceLeavesRecentDaysAndRunReadsTheDailyFileAlike() throws {
        let directory = try ProjectPaths.temporaryDirectory("maintain")
        let captures = directory + "/captures"
        let day10Lines = try Self.writeCaptures(captures)
        let spec = try Self.spec(directory)
        let before = try Self.tree(captures)
        let linesBefore = try Self.allLines(captures)
        let runBefore = Captures.cli(["run", spec], out: directory + "/run1")
        #expect(runBefore.code == 0, "\(runBefore.err)")

        let compaction =
            "compact binance-usdm 2025-10-10: 3 hourly segments (\(day10Lines) lines) → \(Self.day10)/\(Self.dailyName)\n"
        let dry = Self.maintain(spec, ["--dry-run"])
        #expect(dry.code == 0, "\(dry.err)")
        #expect(dry.out == compaction + Self.total(compacted: 1, segments: 3, lines: day10Lines, dryRun: true))
        #expect(try Self.tree(captures) == before)

        let first = Self.maintain(spec)
        #expect(first.code == 0, "\(first.err)")
        #expect(first.err == "")
        #expect(first.out == compaction + Self.total(compacted: 1, segments: 3, lines: day10Lines))
        let after = try Self.tree(captures)
        #expect(after.keys.filter { $0.hasPrefix(Self.day10) } == ["\(Self.day10)/\(Self.dailyName)"])
        // Every other day (10-11 is not older than 2 days; yesterday, today and its .part) is byte for byte as it was.
        for (path, bytes) in before where !path.hasPrefix(Self.day10) { #expect(after[path] == bytes, "\(path)") }
        #expect(after.count == before.count - 2)
        #expect(try Self.allLines(captures) == linesBefore)

        let second = Self.maintain(spec)
        #expect(second.code == 0)
        #expect(second.out == Self.total())
        #expect(try Self.tree(captures) == after)

        let runAfter = Captures.cli(["run", spec], out: directory + "/run2")
        #expect(runAfter.code == 0, "\(runAfter.err)")
        try Captures.expectSameOutputs(runBefore, runAfter)
        // The daily file stands for the day's three segments; it sorts before the cursor's last segment, so not new.
        #expect(runAfter.err.contains("read 4 closed segments, 0 new since the cursor"))
    }

    @Test func aMaintainStoppedAtAnyStepIsFinishedByTheNextWithEveryLineOnce() throws {
        let directory = try ProjectPaths.temporaryDirectory("maintain-crash")
        let captures = directory + "/captures"
        let day10Lines = try Self.writeCaptures(captures)
        let spec = try Self.spec(directory)
        let linesBefore = try Self.allLines(captures)
        let hourlies = try Self.tree(captures).filter { $0.key.hasPrefix(Self.day10) }
        #expect(hourlies.count == 3)
        // Killed while writing the temporary file: a torn temporary is overwritten, the hourly segments were kept.
        let temporary = "\(captures)/\(Self.day10)/.\(Self.dailyName).compacting"
        try AtomicFile.write([0x1F, 0x8B, 0x08, 0x10, 1, 2], to: temporary)
        #expect(Self.maintain(spec).code == 0)
        #expect(!FileBytes.isRegularFile(temporary))
        #expect(try Self.allLines(captures) == linesBefore)

        // Killed after the rename, before (some of) the hourly segments were removed: they come back.
        for (path, bytes) in hourlies { try AtomicFile.write(bytes, to: captures + "/" + path) }
        let finish = Self.maintain(spec)
        #expect(finish.code == 0, "\(finish.err)")
        #expect(
            finish.out
                == "finish binance-usdm 2025-10-10: 3 hourly segments already in \(Self.day10)/\(Self.dailyName) "
                + "removed\n" + Self.total(finished: 1))
        #expect(try Self.allLines(captures) == linesBefore)

        // One segment back from the crash plus one the collector's recovery closed later (not in the daily file):
        // the new one is appended once, the old one only removed.
        let (oldPath, oldBytes) = try #require(hourlies.first { $0.key.hasSuffix("T20.ndjson.gz") })
        try AtomicFile.write(oldBytes, to: captures + "/" + oldPath)
        let late = CaptureSegmentWriter(directory: captures)
        try late.append(
            Captures.record(Captures.hour20Ms + 3 * Self.hourMs, Captures.uniqueMessage(tradeMs: 1_760_127_000_666)))
        try late.close()
        let mixed = Self.maintain(spec)
        #expect(mixed.code == 0, "\(mixed.err)")
        #expect(
            mixed.out
                == "compact binance-usdm 2025-10-10: 1 hourly segment (1 lines) appended to \(Self.day10)/"
                + "\(Self.dailyName) (now \(day10Lines + 1) lines); 1 hourly segment already in it removed\n"
                + Self.total(compacted: 1, segments: 1, lines: 1))
        let lateLine =
            #"{"receivedMs":1760137200000,"venue":"binance-usdm","connection":"/market/stream","message":"#
            + String(decoding: Captures.uniqueMessage(tradeMs: 1_760_127_000_666), as: UTF8.self) + "}"
        #expect(try Self.allLines(captures) == (linesBefore + [lateLine]).sorted())
        #expect(try Self.tree(captures).keys.filter { $0.hasPrefix(Self.day10) } == ["\(Self.day10)/\(Self.dailyName)"])
    }

    @Test func daysWithAnOpenOrUnreadableSegmentAreLeftAsTheyAreWithExitThree() throws {
        let directory = try ProjectPaths.temporaryDirectory("maintain-skip")
        let captures = directory + "/captures"
        let writer = CaptureSegmentWriter(directory: captures)
        try writer.append(
            Captures.record(Captures.hour20Ms - Self.dayMs, Captures.uniqueMessage(tradeMs: 1_760_127_000_222)))
        try writer.append(Captures.record(Captures.hour20Ms, Captures.uniqueMessage(tradeMs: 1_760_127_000_111)))
        try writer.close()
        // 10-10 keeps a .part a crashed collector left; a torn segment on 10-09 (its gzip trailer cut off).
        let open = CaptureSegmentWriter(directory: captures)
        try open.append(
            Captures.record(Captures.hour20Ms + Self.hourMs, Captures.uniqueMessage(tradeMs: 1_760_127_000_333)))
        try open.flush()
        let torn = "\(captures)/binance-usdm/2025-10-09/binance-usdm-20251009T20.ndjson.gz"
        let bytes = try FileBytes.read(torn, maxBytes: 1 << 20)
        try AtomicFile.write(Array(bytes.dropLast(4)), to: torn)
        let before = try Self.tree(captures)
        let spec = try Self.spec(directory)

        let outcome = Self.maintain(spec)
        #expect(outcome.code == 3)
        #expect(
            outcome.out
                == "skip binance-usdm 2025-10-09: unreadable: \(torn): gzip member at byte offset 0 is truncated "
                + "(the file ends at byte \(bytes.count - 4))\n"
                + "skip binance-usdm 2025-10-10: open segment binance-usdm-20251010T21.ndjson.gz.part (the collector "
                + "recovers it when it starts); day left as it is\n" + Self.total(skipped: 2))
        #expect(try Self.tree(captures) == before)
    }

    @Test func removalByAgeNeverTouchesTodayOrYesterdayAndDryRunChangesNothing() throws {
        let directory = try ProjectPaths.temporaryDirectory("maintain-remove")
        let captures = directory + "/captures"
        let store = directory + "/store"
        // One segment and one store partition per day from 10-07 to 10-13 (today).
        let writer = CaptureSegmentWriter(directory: captures)
        for day in 0..<7 {
            let receivedMs = Captures.hour20Ms + Int64(day - 3) * Self.dayMs
            try writer.append(Captures.record(receivedMs, Captures.uniqueMessage(tradeMs: receivedMs)))
            let date = UTCDate(timestampMs: receivedMs)
            try AtomicFile.write(
                Array("x\n".utf8),
                to: "\(store)/feed=liquidations/venue=okx/symbol=BTC-USDT-SWAP/date=\(date)/liquidations.csv")
            if day < 2 {
                try AtomicFile.write(
                    Array("x\n".utf8),
                    to: "\(store)/feed=funding/venue=okx/symbol=ETH-USDT-SWAP/date=\(date)/funding.csv")
            }
        }
        try writer.close()
        try AtomicFile.write(Array("notes\n".utf8), to: "\(store)/README")
        let spec = try Self.spec(
            directory,
            retention: #"{"compactCapturesAfterDays": 1, "removeCapturesAfterDays": 2, "removeStoreAfterDays": 2}"#)
        let before = try Self.tree(directory)

        var expected = ""
        for day in 7...10 {
            expected += "remove captures binance-usdm 2025-10-\(day < 10 ? "0" : "")\(day): 1 file\n"
        }
        expected +=
            "compact binance-usdm 2025-10-11: 1 hourly segment (1 lines) → "
            + "binance-usdm/2025-10-11/binance-usdm-20251011.ndjson.gz\n"
        for day in 7...8 {
            expected += "remove store feed=funding/venue=okx/symbol=ETH-USDT-SWAP/date=2025-10-0\(day): 1 file\n"
        }
        for day in 7...10 {
            expected +=
                "remove store feed=liquidations/venue=okx/symbol=BTC-USDT-SWAP/date=2025-10-"
                + "\(day < 10 ? "0" : "")\(day): 1 file\n"
        }
        let dry = Self.maintain(spec, ["--dry-run"])
        #expect(dry.code == 0, "\(dry.err)")
        #expect(
            dry.out == expected
                + Self.total(
                    compacted: 1, segments: 1, lines: 1, captureDays: 4, partitions: 6, files: 10, dryRun: true))
        #expect(try Self.tree(directory).filter { !$0.key.hasPrefix("state/") } == before)

        let real = Self.maintain(spec)
        #expect(real.code == 0, "\(real.err)")
        #expect(
            real.out == expected
                + Self.total(compacted: 1, segments: 1, lines: 1, captureDays: 4, partitions: 6, files: 10))
        #expect(
            try Self.tree(captures).keys.sorted() == [
                "binance-usdm/2025-10-11/binance-usdm-20251011.ndjson.gz",
                "binance-usdm/2025-10-12/binance-usdm-20251012T20.ndjson.gz",
                "binance-usdm/2025-10-13/binance-usdm-20251013T20.ndjson.gz",
            ])
        #expect(
            try Self.tree(store).keys.sorted() == [
                "README",
                "feed=liquidations/venue=okx/symbol=BTC-USDT-SWAP/date=2025-10-11/liquidations.csv",
                "feed=liquidations/venue=okx/symbol=BTC-USDT-SWAP/date=2025-10-12/liquidations.csv",
                "feed=liquidations/venue=okx/symbol=BTC-USDT-SWAP/date=2025-10-13/liquidations.csv",
            ])
        // The funding feed lost its only partitions: its empty folders are gone too.
        #expect(!FileManager.default.fileExists(atPath: store + "/feed=funding"))
        #expect(FileManager.default.fileExists(atPath: captures + "/binance-usdm"))
    }

    @Test func aHeldLockSkipsWithAMessageAndUsageErrorsExitTwo() throws {
        let directory = try ProjectPaths.temporaryDirectory("maintain-lock")
        let spec = try Self.spec(directory)
        try AtomicFile.createDirectories(directory + "/state")
        let holder = open(directory + "/state/maintain.lock", O_RDWR | O_CREAT, 0o644)
        defer { close(holder) }
        #expect(holder >= 0)
        #expect(flock(holder, LOCK_EX | LOCK_NB) == 0)
        let busy = Self.maintain(spec)
        #expect(busy.code == 0)
        #expect(busy.out == "")
        #expect(
            busy.err
                == "liqpipe: maintain: another maintain is running (lock \(directory)/state/maintain.lock is held); "
                + "skipped\n")

        let captured = CapturedConsole()
        #expect(CLI.run(["maintain", spec, "--now", "yesterday"], console: captured.console) == 2)
        #expect(
            captured.err.hasPrefix(
                "liqpipe: error: option '--now': expected YYYY-MM-DDTHH:MM:SSZ, got 'yesterday'\n"
                    + "USAGE: liqpipe maintain SPEC"))
    }
}
