import Foundation
import LiqCLI
import LiqCore
import LiqEmit
import LiqTestSupport
import Synchronization
import Testing

#if canImport(Glibc)
    @preconcurrency import Glibc
#endif

/// `run` with a `store` block: incremental, locked, crash-safe. OKX over loopback HTTP (the fixture directory
/// served by `RunCommandTests.okxFixtureServer`), paging up to 10 pages.
@Suite struct StoreRunTests {
    struct Setup {
        var directory: String
        var spec: String
        var out: String { directory + "/out" }
        var store: String { directory + "/store" }
        var state: String { directory + "/state" }

        func text(_ name: String) throws -> String {
            String(decoding: try FileBytes.read(out + "/" + name, maxBytes: 64 << 20), as: UTF8.self)
        }
    }

    static func setup(_ label: String, venue: String) throws -> Setup {
        let directory = try ProjectPaths.temporaryDirectory(label)
        let spec = """
            {"name": "okx-store", "venues": [{"venue": "okx", \(venue), "maxPages": 10, "feeds": ["liquidations", "openInterest", "funding"],
              "symbols": ["BTC-USDT-SWAP", "ETH-USDT-SWAP", "BTC-USD-SWAP"]}],
             "outputs": {"directory": "\(directory)/out"},
             "store": {"directory": "store", "stateDirectory": "state", "windowHours": 72},
             "http": {"maxAttempts": 2, "maxBackoffSeconds": 1}}
            """
        try AtomicFile.write(Array(spec.utf8), to: directory + "/spec.json")
        return Setup(directory: directory, spec: directory + "/spec.json")
    }

    struct Outcome {
        var code: Int32
        var out: String
        var err: String
    }

    static func run(_ setup: Setup) -> Outcome {
        let captured = CapturedConsole()
        let code = CLI.run(["run", setup.spec, "--quiet"], console: captured.console)
        return Outcome(code: code, out: captured.out, err: captured.err)
    }

    /// The fixture's first pages with one more liquidation per instrument, a second after its newest: what the
    /// venue published between two runs. Returns the page bodies by target and how many details were added.
    static func firstPagesWithNewerLiquidations() throws -> (pages: [String: [UInt8]], added: Int) {
        let folder = ProjectPaths.fixtures + "/okx/api/v5/public/liquidation-orders"
        var pages: [String: [UInt8]] = [:]
        var added = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) where !name.contains("after=") {
            let body = try FileBytes.read(folder + "/" + name, maxBytes: 1 << 24)
            var root = try #require(try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any])
            var data = try #require(root["data"] as? [[String: Any]])
            for index in data.indices {
                var details = try #require(data[index]["details"] as? [[String: Any]])
                guard
                    var newest = details.max(by: {
                        Int($0["ts"] as! String)! < Int($1["ts"] as! String)!
                    })
                else { continue }
                newest["ts"] = String(Int(newest["ts"] as! String)! + 1_000)
                details.insert(newest, at: 0)
                added += 1
                data[index]["details"] = details
            }
            root["data"] = data
            let target = "/api/v5/public/liquidation-orders?" + String(name.dropLast(".json".count))
            pages[target] = Array(try JSONSerialization.data(withJSONObject: root, options: [.sortedKeys]))
        }
        return (pages, added)
    }

    @Test func overlappingRunsStoreEveryLiquidationOnceAndPageOnlyToTheCursor() throws {
        let (pages, added) = try Self.firstPagesWithNewerLiquidations()
        #expect(added >= 3)
        let secondPhase = Mutex(false)
        let server = try LoopbackHTTPServer { request in
            if secondPhase.withLock({ $0 }), let page = pages[request.target] {
                return CannedResponse(status: 200, headers: [("Content-Type", "application/json")], body: page)
            }
            return RunCommandTests.okxFixtureResponse(request.target)
        }
        defer { server.stop() }
        let setup = try Self.setup("store-overlap", venue: #""baseURL": "\#(server.baseURL)""#)

        let first = Self.run(setup)
        #expect(first.code == 0, "\(first.err)")
        let firstPages = server.receivedRequests.filter { $0.target.contains("liquidation-orders") }.count
        let firstRows = try setup.text("liquidations.csv").split(separator: "\n").count - 1

        secondPhase.withLock { $0 = true }
        let before = server.receivedRequests.count
        let second = Self.run(setup)
        #expect(second.code == 0, "\(second.err)")
        let secondRequests = server.receivedRequests.dropFirst(before)
        let secondPages = secondRequests.filter { $0.target.contains("liquidation-orders") }.count
        // Each underlying's first page now reaches back past the cursor: one page each, not the whole history.
        #expect(secondPages == 3, "\(secondRequests.map(\.target))")
        #expect(firstPages > 3)
        #expect(second.out.contains("\(added) new in the store"), "\(second.out)")

        let rows = try setup.text("liquidations.csv").split(separator: "\n").dropFirst()
        #expect(rows.count == firstRows + added)
        #expect(Set(rows.map { $0.split(separator: ",")[10] }).count == rows.count, "event ids are unique")
        // The same liquidations as one plain run over the full data.
        let plain = try ProjectPaths.temporaryDirectory("store-overlap-plain")
        let captured = CapturedConsole()
        let plainSpec = setup.directory + "/plain.json"
        try AtomicFile.write(
            Array(
                try String(contentsOfFile: setup.spec, encoding: .utf8).replacingOccurrences(
                    of: #""store": {"directory": "store", "stateDirectory": "state", "windowHours": 72},"#, with: ""
                ).utf8), to: plainSpec)
        #expect(CLI.run(["run", plainSpec, "--out", plain, "--quiet"], console: captured.console) == 0)
        #expect(
            try FileBytes.read(plain + "/liquidations.csv", maxBytes: 1 << 26)
                == FileBytes.read(
                    setup.out + "/liquidations.csv", maxBytes: 1 << 26))

        // A third run over the same data adds nothing and writes the same data files.
        let data = ["liquidations.csv", "open_interest.csv", "funding.csv", "price_bars.csv", "signals.csv"]
        let kept = try data.map { try setup.text($0) }
        let third = Self.run(setup)
        #expect(third.code == 0)
        #expect(third.out.contains(" 0 new in the store (0 partition files rewritten)"), "\(third.out)")
        #expect(try data.map { try setup.text($0) } == kept)
    }

    @Test func aRunWhileAnotherHoldsTheLockDoesNothing() throws {
        let setup = try Self.setup("store-lock", venue: #""fixtures": "\#(ProjectPaths.fixtures)/okx""#)
        let holder = try Self.holdLock(setup.state + "/run.lock")
        defer { close(holder) }
        let outcome = Self.run(setup)
        #expect(outcome.code == 1)
        #expect(
            outcome.err.contains(
                "liqpipe: run: another run is running (lock \(setup.state)/run.lock is held by pid 4242 started ")
                && outcome.err.contains("this run does nothing"), "\(outcome.err)")
        #expect(!FileManager.default.fileExists(atPath: setup.store))
        #expect(!FileManager.default.fileExists(atPath: setup.out))
    }

    @Test func aDeadRunsLockIsRecoveredWithAWarning() throws {
        let setup = try Self.setup("store-stale", venue: #""fixtures": "\#(ProjectPaths.fixtures)/okx""#)
        // What a SIGKILLed run leaves: its line, no flock.
        try AtomicFile.write(Array("pid 4242 started 2026-11-21T03:00:00.000Z\n".utf8), to: setup.state + "/run.lock")
        let outcome = Self.run(setup)
        #expect(outcome.code == 0, "\(outcome.err)")
        #expect(
            outcome.err.contains(
                "liqpipe: warning: \(setup.state)/run.lock: the previous run did not finish "
                    + "(pid 4242 started 2026-11-21T03:00:00.000Z); recovered"), "\(outcome.err)")
        // Released cleanly: the next run has nothing to recover.
        #expect(try FileBytes.read(setup.state + "/run.lock", maxBytes: 4096).isEmpty)
        #expect(!Self.run(setup).err.contains("recovered"))
    }

    /// Takes the flock another run would hold, with that run's line in the file.
    static func holdLock(_ path: String) throws -> Int32 {
        try AtomicFile.createDirectories(String(path[..<path.lastIndex(of: "/")!]))
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        #expect(descriptor >= 0)
        #expect(flock(descriptor, LOCK_EX | LOCK_NB) == 0)
        let line = "pid 4242 started 2026-11-21T03:00:00.000Z\n"
        #expect(pwrite(descriptor, line, line.utf8.count, 0) == line.utf8.count)
        return descriptor
    }

    @Test func healthOutputsTrackSuccessAndFailurePerFeed() throws {
        let failFunding = Mutex(false)
        let server = try RunCommandTests.okxFixtureServer { target in
            failFunding.withLock { $0 } && target.hasPrefix("/api/v5/public/funding-rate-history") ? 500 : nil
        }
        defer { server.stop() }
        let setup = try Self.setup("store-health", venue: #""baseURL": "\#(server.baseURL)""#)
        #expect(Self.run(setup).code == 0)
        failFunding.withLock { $0 = true }
        let outcome = Self.run(setup)
        #expect(outcome.code == 3, "\(outcome.err)")

        let snapshot = try JSONNode.parse(Array(try setup.text("snapshot.json").utf8), origin: "snapshot.json")
        let sources = try snapshot.member("sources")
        let checkedAt = try sources.member("checkedAtMs").int64()
        var byFeed: [String: JSONNode] = [:]
        for feed in try sources.member("feeds").elements() { byFeed[try feed.member("feed").string()] = feed }
        let funding = try #require(byFeed["funding"])
        #expect(try funding.member("status").string() == "failing")
        #expect(try funding.member("consecutiveFailures").int64() == 1)
        #expect(try funding.member("lastErrorMs").int64() == checkedAt)
        #expect(try funding.member("lastError").string().contains("HTTP 500"))
        // It last succeeded in the first run, before this one.
        #expect(try funding.member("lastSuccessMs").int64() < checkedAt)
        let liquidations = try #require(byFeed["liquidations"])
        #expect(try liquidations.member("status").string() == "ok")
        #expect(try liquidations.member("lastSuccessMs").int64() == checkedAt)
        let newest = try liquidations.member("newestRecordMs").int64()
        #expect(try liquidations.member("lagMs").int64() == checkedAt - newest)

        let prom = try setup.text("liqpipe.prom")
        #expect(prom.contains("liqpipe_run_exit_code{spec=\"okx-store\"} 3\n"), "\(prom)")
        #expect(prom.contains("liqpipe_source_up{spec=\"okx-store\",venue=\"okx\",feed=\"funding\"} 0\n"))
        #expect(prom.contains("liqpipe_source_up{spec=\"okx-store\",venue=\"okx\",feed=\"liquidations\"} 1\n"))
        #expect(prom.contains("liqpipe_source_errors_total{spec=\"okx-store\",venue=\"okx\",feed=\"funding\"} 1\n"))
        let rows = try setup.text("liquidations.csv").split(separator: "\n").count - 1
        #expect(
            prom.contains(
                "liqpipe_records_ingested_total{spec=\"okx-store\",venue=\"okx\",feed=\"liquidations\"} \(rows)\n"))
    }
}
