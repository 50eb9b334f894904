import Foundation
import LiqCLI
import LiqCore
import LiqTestSupport
import Testing

/// `liqpipe backfill` against a loopback copy of data.binance.vision (zips with `.CHECKSUM` siblings in the
/// archive's exact layout and CSV shapes): a month of two symbols, resumed after SIGKILL, run in shards, with a
/// missing day and a corrupted file. Instruments come from the demo fixtures; nothing leaves 127.0.0.1.
@Suite(.serialized) struct BinanceArchiveBackfillTests {
    static let symbols = ["BTCUSDT", "ETHUSDT"]
    static let october: [UTCDate] = (1...31).map { UTCDate(year: 2025, month: 10, day: $0) }
    static let month = ["--from", "2025-10-01", "--to", "2025-10-31"]

    /// A mirror of October 2025 for both symbols, served on 127.0.0.1.
    final class Mirror: Sendable {
        let root: String
        let server: LoopbackHTTPServer

        init() throws {
            root = try ProjectPaths.temporaryDirectory("archive-mirror")
            try BinanceArchiveMirror.write(root: root, symbols: BinanceArchiveBackfillTests.symbols, days: october)
            server = try LoopbackHTTPServer(handler: StaticFiles.handler(root: root))
        }

        deinit { server.stop() }

        /// The mirror's files served by a second loopback server that waits `delaySeconds` before each answer, so
        /// a process killed after some items is killed mid-run.
        func slowServer(delaySeconds: Double) throws -> LoopbackHTTPServer {
            let files = StaticFiles.handler(root: root)
            return try LoopbackHTTPServer { request in
                var response = files(request)
                response.delaySeconds = delaySeconds
                return response
            }
        }
    }

    /// A spec whose Binance venue reads instruments from the demo fixtures and the archive from `mirror`.
    static func workspace(_ mirror: Mirror, label: String, archiveURL: String? = nil) throws -> String {
        let directory = try ProjectPaths.temporaryDirectory(label)
        let spec = """
            {"name": "archive", "venues": [
              {"venue": "binance-usdm", "fixtures": "\(ProjectPaths.fixtures)/binance-usdm",
               "archiveURL": "\(archiveURL ?? mirror.server.baseURL)/", "symbols": ["BTCUSDT", "ETHUSDT"],
               "feeds": ["openInterest", "funding", "priceBars"]}],
             "backfill": {"directory": "store", "stateDirectory": "state"}}
            """
        try Data(spec.utf8).write(to: URL(fileURLWithPath: directory + "/spec.json"))
        return directory
    }

    static func backfill(_ directory: String, _ arguments: [String]) -> (code: Int32, out: String, err: String) {
        let captured = CapturedConsole()
        let code = CLI.run(
            ["backfill", directory + "/spec.json", "--quiet"] + arguments, console: captured.console)
        return (code, captured.out, captured.err)
    }

    /// Every file under `root` with its bytes.
    static func files(_ root: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for case let relative as String in FileManager.default.enumerator(atPath: root)?.allObjects ?? [] {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isDirectory),
                !isDirectory.boolValue
            {
                files[relative] = try Data(contentsOf: URL(fileURLWithPath: root + "/" + relative))
            }
        }
        return files
    }

    /// Archive items the ledger of `directory` records (the REST history items are recorded missing at once).
    /// Ledger entries of archive items (not REST open-interest history; not a temporary file a kill left behind).
    static func archiveItemsRecorded(_ directory: String) -> Int {
        ((try? files(directory + "/state/backfill").keys) ?? [:].keys).filter {
            !$0.contains("/openInterestHistory/") && !($0.split(separator: "/").last?.hasPrefix(".") ?? true)
        }.count
    }

    static func lines(_ data: Data?) -> [Substring] {
        String(decoding: data ?? Data(), as: UTF8.self).split(separator: "\n")
    }

    @Test func aMonthOfTwoSymbolsResumesAfterAKillAndShardsCoverEveryItemOnce() throws {
        let mirror = try Mirror()
        // 2 symbols × (31 metrics + 31 klines days + 1 fundingRate month) = 126 archive items, and 2 × 31 REST
        // open-interest-history items, all missing without a request: October 2025 is beyond Binance's 30 days.
        let whole = try Self.workspace(mirror, label: "archive-whole")
        let first = Self.backfill(whole, Self.month)
        #expect(first.code == 0, "\(first.err)\(first.out)")
        let ledger = try Self.files(whole + "/state/backfill")
        #expect(ledger.count == 188)
        #expect(first.out.contains("188 items planned: 126 done"), "\(first.out)")
        #expect(first.out.contains(", 62 missing,"), "\(first.out)")
        let store = try Self.files(whole + "/store")
        // Per symbol and day: open interest (288 five-minute rows) and price bars (1,440 minutes); funding: 3 a day.
        #expect(store.count == 2 * 31 * 3)
        let bars = "feed=priceBars/venue=binance-usdm/symbol=BTCUSDT/date=2025-10-01/klines.csv"
        let oi = "feed=openInterest/venue=binance-usdm/symbol=ETHUSDT/date=2025-10-31/metrics.csv"
        let funding = "feed=funding/venue=binance-usdm/symbol=BTCUSDT/date=2025-10-15/fundingRate.csv"
        #expect(Self.lines(store[bars]).count == 1 + 1_440)
        #expect(Self.lines(store[oi]).count == 1 + 288)
        #expect(Self.lines(store[funding]).count == 1 + 3)
        // The first minute of 1 Oct: the mirror's open is 100 + (1,759,276,800,000 / 60,000 mod 1,000)/100 = 102.80.
        let firstBar = try #require(Self.lines(store[bars]).dropFirst().first)
        #expect(firstBar.hasPrefix("1759276800000,60000,binance-usdm,BTCUSDT,BTC,102.8,"), "\(firstBar)")

        // A second run fetches nothing and rewrites nothing.
        let again = Self.backfill(whole, Self.month)
        #expect(again.code == 0)
        #expect(mirror.server.receivedRequests.count == 2 * 126)  // checksum + zip per item, from the first run only
        #expect(try Self.files(whole + "/store") == store)

        // SIGKILL a run mid-way (the built binary, a process of its own), then resume in-process: same store.
        if let binary = CollectCommandTests.binary {
            // The same files, 40 ms a request: slow enough that the kill lands mid-run.
            let slow = try mirror.slowServer(delaySeconds: 0.04)
            defer { slow.stop() }
            let killed = try Self.workspace(mirror, label: "archive-killed", archiveURL: slow.baseURL)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = ["backfill", killed + "/spec.json", "--quiet"] + Self.month
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let deadline = Date().addingTimeInterval(60)
            while process.isRunning, Date() < deadline,
                Self.archiveItemsRecorded(killed) < 20
            {
                usleep(20_000)
            }
            let wasRunning = process.isRunning
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(wasRunning, "the backfill ended by itself with status \(process.terminationStatus)")
            let done = Self.archiveItemsRecorded(killed)
            #expect(done >= 20 && done < 126, "killed after \(done) items")
            let resumed = Self.backfill(killed, Self.month)
            #expect(resumed.code == 0, "\(resumed.err)")
            #expect(resumed.out.contains("188 items planned: \(126 - done) done"), "\(resumed.out)")
            #expect(resumed.out.contains("\(done) already "), "\(resumed.out)")
            #expect(try Self.files(killed + "/store") == store)
            #expect(try Self.files(killed + "/state/backfill").count == 188)
        }

        // Three shards into one workspace: together exactly the whole backfill.
        let sharded = try Self.workspace(mirror, label: "archive-sharded")
        for shard in 1...3 {
            #expect(Self.backfill(sharded, Self.month + ["--shard", "\(shard)/3"]).code == 0)
        }
        #expect(try Self.files(sharded + "/store") == store)
        #expect(try Self.files(sharded + "/state/backfill") == ledger)
    }

    /// A downloaded zip is read from memory, never written to a scratch file: the built binary, run with its
    /// temporary directory set to a path under a regular file (where nothing can be created, even by root),
    /// still stores every item.
    @Test func archiveItemsWriteNoScratchFile() throws {
        let binary = try #require(CollectCommandTests.binary, "needs the built liqpipe (swift build)")
        let mirror = try Mirror()
        let directory = try Self.workspace(mirror, label: "archive-no-scratch")
        let notADirectory = directory + "/not-a-directory"
        try Data().write(to: URL(fileURLWithPath: notADirectory))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = [
            "backfill", directory + "/spec.json", "--quiet", "--from", "2025-10-01", "--to", "2025-10-02",
            "--symbols", "BTCUSDT",
        ]
        process.environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": notADirectory + "/tmp"]) {
            $1
        }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        // 2 days × (metrics, klines) + the month's funding file = 5 archive items, each done; 2 REST
        // open-interest-history items, missing.
        #expect(text.contains("7 items planned: 5 done"), "\(text)")
        let store = try Self.files(directory + "/store")
        #expect(store["feed=priceBars/venue=binance-usdm/symbol=BTCUSDT/date=2025-10-02/klines.csv"] != nil)
        #expect(mirror.server.receivedRequests.count == 2 * 5)
    }

    @Test func aMissingDayIsReportedAndACorruptFileFailsOnlyItsItem() throws {
        let mirror = try Mirror()
        let days = "data/futures/um/daily"
        // No metrics for 3 Oct (a day the archive never published); 4 Oct's klines zip damaged after publication.
        for suffix in ["", ".CHECKSUM"] {
            try FileManager.default.removeItem(
                atPath: mirror.root + "/\(days)/metrics/BTCUSDT/BTCUSDT-metrics-2025-10-03.zip" + suffix)
        }
        let damaged = mirror.root + "/\(days)/klines/BTCUSDT/1m/BTCUSDT-1m-2025-10-04.zip"
        var bytes = try Data(contentsOf: URL(fileURLWithPath: damaged))
        bytes[bytes.count / 2] ^= 0xFF
        try bytes.write(to: URL(fileURLWithPath: damaged))
        let directory = try Self.workspace(mirror, label: "archive-faults")
        let result = Self.backfill(directory, ["--from", "2025-10-02", "--to", "2025-10-05", "--symbols", "BTCUSDT"])
        #expect(result.code == 3, "\(result.err)\(result.out)")
        #expect(result.out.contains("BTCUSDT-metrics-2025-10-03.zip.CHECKSUM: 404"), "\(result.out)")
        #expect(result.out.contains("SHA-256") || result.out.contains("mismatch"), "\(result.out)")
        let store = try Self.files(directory + "/store")
        #expect(store["feed=openInterest/venue=binance-usdm/symbol=BTCUSDT/date=2025-10-03/metrics.csv"] == nil)
        #expect(store["feed=priceBars/venue=binance-usdm/symbol=BTCUSDT/date=2025-10-04/klines.csv"] == nil)
        #expect(store["feed=priceBars/venue=binance-usdm/symbol=BTCUSDT/date=2025-10-05/klines.csv"] != nil)
    }
}
