import Foundation
import LiqCore
import LiqEmit
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `cron/liqpipe-cron.sh` run with `LIQPIPE_BIN` pointed at a stub that prints its arguments and exits with
/// `STUB_EXIT`: timestamped log lines, exit-code mapping, the per-job lock, rotation at a size, `@yesterday` and `@daysago:N`.
@Suite struct CronWrapperTests {
    static let script = ProjectPaths.root + "/cron/liqpipe-cron.sh"

    struct Outcome {
        var code: Int32
        var stderr: String
    }

    /// A home with the stub binary.
    static func home() throws -> String {
        let home = try ProjectPaths.temporaryDirectory("cron")
        let stub = home + "/stub.sh"
        try AtomicFile.write(
            Array("#!/usr/bin/env bash\necho \"args: $*\"\necho 'a warning' >&2\nexit \"${STUB_EXIT:-0}\"\n".utf8),
            to: stub)
        chmod(stub, 0o755)
        return home
    }

    static func wrapper(_ home: String, _ arguments: [String], environment: [String: String] = [:]) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [script] + arguments
        process.environment = ["LIQPIPE_HOME": home, "LIQPIPE_BIN": home + "/stub.sh", "PATH": "/usr/bin:/bin"]
            .merging(environment) { $1 }
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(code: process.terminationStatus, stderr: String(decoding: data, as: UTF8.self))
    }

    /// The log's lines without their timestamps (each checked to be `YYYY-MM-DDTHH:MM:SSZ `).
    static func logLines(_ path: String) throws -> [String] {
        let text = String(decoding: try FileBytes.read(path, maxBytes: 1 << 20), as: UTF8.self)
        return text.split(separator: "\n").map { line in
            #expect(Timestamp.parseISO8601(String(line.prefix(20))) != nil, "\(line)")
            return String(line.dropFirst(21))
        }
    }

    @Test func theScriptParses() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-n", Self.script]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test func exitCodesMapToOKWarnAndErrorAndOnlyAnErrorPrints() throws {
        let home = try Self.home()
        let ok = try Self.wrapper(home, ["run", "spec.json", "--quiet"])
        #expect(ok.code == 0)
        #expect(ok.stderr == "")
        let partial = try Self.wrapper(home, ["run", "spec.json"], environment: ["STUB_EXIT": "3"])
        #expect(partial.code == 0)
        #expect(partial.stderr == "")
        let failed = try Self.wrapper(home, ["run", "spec.json"], environment: ["STUB_EXIT": "2"])
        #expect(failed.code == 2)
        #expect(
            failed.stderr.hasPrefix("liqpipe-cron.sh: run failed with exit 2 in \(home); last lines of log/run.log:\n"))
        let lines = try Self.logLines(home + "/log/run.log")
        #expect(lines.count == 12)
        #expect(lines[0] == "START run spec.json --quiet")
        #expect(Set(lines[1...2]) == ["args: run spec.json --quiet", "a warning"])
        #expect(lines[3].hasPrefix("OK run (exit 0, "))
        #expect(lines[7].hasPrefix("WARN run: partial (exit 3, "))
        #expect(lines[11].hasPrefix("ERROR run: exit 2 ("))
    }

    @Test func aHeldLockSkipsTheRunWithALogLine() throws {
        let home = try Self.home()
        try AtomicFile.createDirectories(home + "/var/lock")
        let holder = open(home + "/var/lock/maintain.lock", O_RDWR | O_CREAT, 0o644)
        defer { close(holder) }
        #expect(flock(holder, LOCK_EX | LOCK_NB) == 0)
        let skipped = try Self.wrapper(home, ["maintain", "spec.json"])
        #expect(skipped.code == 0)
        #expect(skipped.stderr == "")
        #expect(
            try Self.logLines(home + "/log/maintain.log") == [
                "SKIP maintain: the previous run still holds var/lock/maintain.lock"
            ])
        let quiet = try Self.wrapper(home, ["--quiet-skip", "maintain", "spec.json"])
        #expect(quiet.code == 0)
        #expect(try Self.logLines(home + "/log/maintain.log").count == 1)
    }

    @Test func theLogRotatesAtItsSizeKeepingTheConfiguredNumber() throws {
        let home = try Self.home()
        for run in 1...4 {
            _ = try Self.wrapper(
                home, ["run", "r\(run)"], environment: ["LIQPIPE_LOG_MAX_BYTES": "100", "LIQPIPE_LOG_KEEP": "2"])
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: home + "/log").sorted()
        #expect(names == ["run.log", "run.log.1", "run.log.2"])
        #expect(try Self.logLines(home + "/log/run.log").first == "START run r4")
        #expect(try Self.logLines(home + "/log/run.log.1").first == "START run r3")
        #expect(try Self.logLines(home + "/log/run.log.2").first == "START run r2")
    }

    @Test func dayArgumentsAreReplacedByUTCDates() throws {
        let home = try Self.home()
        _ = try Self.wrapper(home, ["backfill", "spec.json", "--from", "@daysago:3", "--to", "@yesterday"])
        let nowMs = WallClock.nowMs()
        let lines = try Self.logLines(home + "/log/backfill.log")
        // Around midnight the wrapper's clock and this one may straddle the day: accept the day before too.
        let accepted = [nowMs, nowMs - 86_400_000].map { now in
            let yesterday = UTCDate(timestampMs: now - 86_400_000)
            let threeDaysAgo = UTCDate(timestampMs: now - 3 * 86_400_000)
            return "START backfill spec.json --from \(threeDaysAgo) --to \(yesterday)"
        }
        #expect(accepted.contains(lines[0]), "\(lines[0])")
    }
}
