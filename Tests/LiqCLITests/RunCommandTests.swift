import Foundation
import LiqCLI
import LiqCore
import LiqEmit
import LiqTestSupport
import Testing

@Suite struct RunCommandTests {
    struct Outcome {
        var code: Int32
        var out: String
        var err: String
        var directory: String

        func file(_ name: String) throws -> [UInt8] { try FileBytes.read(directory + "/" + name, maxBytes: 64 << 20) }
        func text(_ name: String) throws -> String { String(decoding: try file(name), as: UTF8.self) }
    }

    func run(spec: String, label: String) throws -> Outcome {
        let directory = try ProjectPaths.temporaryDirectory(label)
        let captured = CapturedConsole()
        let code = CLI.run(["run", spec, "--out", directory, "--quiet"], console: captured.console)
        return Outcome(code: code, out: captured.out, err: captured.err, directory: directory)
    }

    func writeSpec(_ text: String) throws -> String {
        let path = try ProjectPaths.temporaryDirectory("spec") + "/spec.json"
        try AtomicFile.write(Array(text.utf8), to: path)
        return path
    }

    @Test func demoWritesEveryOutputAndReRunsAreByteIdentical() throws {
        let first = try run(spec: ProjectPaths.demoSpec, label: "demo1")
        #expect(first.code == 0, "\(first.err)")
        let second = try run(spec: ProjectPaths.demoSpec, label: "demo2")
        let names = try Self.outputFiles(first.directory)
        #expect(names == (try Self.outputFiles(second.directory)))
        for name in names {
            #expect(try first.file(name) == second.file(name), "\(name) differs between runs")
        }
        let header = try first.text("liquidations.csv").split(separator: "\n").first
        #expect(
            header
                == "timestamp_ms,venue,symbol,base,side,price,price_kind,quantity_base,notional_usd,completeness,event_id"
        )
        #expect(first.out.contains("wrote \(first.directory)/liquidations.csv"))
    }

    /// Every file under `directory`, as relative paths, sorted.
    static func outputFiles(_ directory: String) throws -> [String] {
        (FileManager.default.enumerator(atPath: directory)?.compactMap { $0 as? String } ?? [])
            .filter { FileBytes.isRegularFile(directory + "/" + $0) }.sorted()
    }

    @Test func demoWritesEveryHeatmapAndTheyConserveTheLiquidations() throws {
        let outcome = try run(spec: ProjectPaths.demoSpec, label: "heatmaps")
        #expect(outcome.code == 0, "\(outcome.err)")
        let perAsset = [
            "heatmap_realized.csv", "heatmap_realized.json", "heatmap_wide.csv", "heatmap_plotly.json",
            "heatmap_estimated.csv", "heatmap_estimated.json", "liquidation_map.csv", "heatmap_validation.json",
        ]
        for asset in ["BTC", "ETH"] {
            for name in perAsset {
                #expect(FileBytes.isRegularFile(outcome.directory + "/heatmaps/\(asset)/\(name)"), "\(asset)/\(name)")
            }
        }
        // The primary asset (BTC) is also at the top level, byte for byte.
        for name in perAsset {
            #expect(try outcome.file(name) == outcome.file("heatmaps/BTC/" + name), "\(name)")
        }
        #expect(
            try outcome.text("heatmap_estimated.csv").split(separator: "\n")[0]
                == "bucket_start_ms,band_low,band_high,long_usd,short_usd,long_p10,long_p90,short_p10,short_p90")
        #expect(
            try outcome.text("liquidation_map.csv").split(separator: "\n")[0]
                == "band_low,band_high,long_usd,short_usd,cum_long_usd,cum_short_usd")
        // Conservation per asset: Σ long + short of the realised heatmap = Σ notional_usd of that asset's rows in
        // liquidations.csv (both printed at 8 decimals; tolerance 1e-4 USD for the rounding of thousands of rows).
        let liquidations = try outcome.text("liquidations.csv").split(separator: "\n").dropFirst()
            .map { $0.split(separator: ",") }
        var assetsTotal = 0.0
        for asset in ["BTC", "ETH"] {
            let expected = liquidations.filter { $0[3] == asset }.reduce(0.0) { $0 + Double($1[8])! }
            let cells = try outcome.text("heatmaps/\(asset)/heatmap_realized.csv").split(separator: "\n").dropFirst()
                .map { $0.split(separator: ",") }
            let total = cells.reduce(0.0) { $0 + Double($1[3])! + Double($1[4])! }
            #expect(abs(total - expected) < 1e-4, "\(asset): heatmap \(total) vs liquidations \(expected)")
            #expect(cells.reduce(0) { $0 + Int($1[5])! } == liquidations.filter { $0[3] == asset }.count)
            assetsTotal += total
        }
        let all = liquidations.reduce(0.0) { $0 + Double($1[8])! }
        #expect(abs(assetsTotal - all) < 1e-4)
        // Pictures: a PNG signature and an IHDR of the renderer's 1200 × 700, and an SVG document, per asset.
        for name in ["heatmap_BTC", "heatmap_realized_BTC", "heatmap_ETH", "heatmap_realized_ETH"] {
            let png = try outcome.file(name + ".png")
            #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "\(name).png")
            #expect(Array(png[12..<24]) == Array("IHDR".utf8) + [0, 0, 0x04, 0xB0, 0, 0, 0x02, 0xBC], "\(name).png")
            #expect(try outcome.text(name + ".svg").hasPrefix("<svg"), "\(name).svg")
        }
    }

    @Test func demoDetectsTheDesignedCascadeNearItsGroundTruth() throws {
        let outcome = try run(spec: ProjectPaths.demoSpec, label: "signals")
        #expect(outcome.code == 0, "\(outcome.err)")
        let truth = try JSONNode.parse(
            try FileBytes.read(ProjectPaths.fixtures + "/ground_truth.json", maxBytes: 1 << 20), origin: "ground_truth")
        let rows = try outcome.text("signals.csv").split(separator: "\n")
        #expect(
            rows[0]
                == "event_id,base,side,state,start_ms,peak_ms,end_ms,total_usd,peak_minute_usd,price_move_bps,exhaustion_score,branching_ratio,coverage,reasons"
        )
        for cascade in try truth.member("cascades").elements() {
            let asset = try cascade.member("asset").string()
            let event = try #require(
                rows.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
                    .first { $0[1] == asset && $0[2] == "long" }, "no \(asset) long cascade detected")
            // Onset within 2 minutes of the truth, exhaustion within 5 (issue 5), and the event is exhausted.
            #expect(abs(Int64(event[4])! - (try cascade.member("onsetMs").int64())) <= 120_000, "\(asset) onset")
            #expect(abs(Int64(event[6])! - (try cascade.member("exhaustionMs").int64())) <= 300_000, "\(asset) end")
            #expect(event[3] == "exhausted")
            #expect(Double(event[9])! < 0, "\(asset): a long flush moves the price down")
        }
        // snapshot.json carries each asset's state; the panels are written per asset.
        let snapshot = try JSONNode.parse(try outcome.file("snapshot.json"), origin: "snapshot.json")
        #expect(try snapshot.member("cascades").elements().count == 4)
        #expect(try outcome.text("panel_BTC.csv").hasPrefix("minute_ms,long_usd,short_usd"))
    }

    @Test func demoCountsEveryFixtureLiquidationOnceAndTotalsAddUp() throws {
        let outcome = try run(spec: ProjectPaths.demoSpec, label: "demo3")
        // Expected count from the fixtures themselves: every capture line is a FILLED order of a selected symbol,
        // plus every distinct OKX detail row over all pages (pages overlap at their boundary millisecond on
        // purpose, and the run must count those events once).
        var expected = 0
        for capture in [
            "/binance-usdm/captures/fstream-market-forceOrder-2025-10-10T20.ndjson",
            "/binance-coinm/captures/dstream-forceOrder-2025-10-10T20.ndjson",
        ] {
            expected += try FileBytes.read(ProjectPaths.fixtures + capture, maxBytes: 16 << 20).filter { $0 == 0x0A }
                .count
        }
        let pages = ProjectPaths.fixtures + "/okx/api/v5/public/liquidation-orders"
        var details: Set<String> = []
        for name in try FileManager.default.contentsOfDirectory(atPath: pages) {
            let page = try JSONNode.parse(try FileBytes.read(pages + "/" + name, maxBytes: 16 << 20), origin: name)
            for row in try page.member("data").elements() {
                let instrument = try row.member("instId").string()
                for detail in try row.member("details").elements() {
                    let fields = try ["ts", "posSide", "bkPx", "sz"].map { try detail.member($0).string() }
                    details.insert(([instrument] + fields).joined(separator: "|"))
                }
            }
        }
        expected += details.count
        // Bybit, BitMEX and Deribit events are counted against their fixtures by their own DemoFixtureTests.
        let rows = try outcome.text("liquidations.csv").split(separator: "\n").dropFirst()
        let counted = rows.filter { ["binance-usdm", "binance-coinm", "okx"].contains($0.split(separator: ",")[1]) }
        #expect(counted.count == expected)
        #expect(Set(rows.map { $0.split(separator: ",")[10] }).count == rows.count, "event ids are unique")
        // Second method: sum the CSV's notional column and compare with the snapshot total.
        let csvTotal = rows.reduce(0.0) { $0 + Double($1.split(separator: ",")[8])! }
        let snapshot = try JSONNode.parse(try outcome.file("snapshot.json"), origin: "snapshot.json")
        let snapshotTotal = try snapshot.member("liquidations").member("totalUSD").decimal()
        #expect(abs(csvTotal - snapshotTotal) < 1e-3)
        #expect(try snapshot.member("liquidations").member("lowerBound").bool())
    }

    /// Serves the OKX fixture directory over loopback HTTP, mapping `/path?query` to `path/query.json` on its own.
    static func okxFixtureServer(failing: @escaping @Sendable (String) -> Int? = { _ in nil }) throws
        -> LoopbackHTTPServer
    {
        try LoopbackHTTPServer { request in
            if let status = failing(request.target) {
                return CannedResponse(status: status, text: #"{"code":"50013","msg":"Systems are busy","data":[]}"#)
            }
            return okxFixtureResponse(request.target)
        }
    }

    /// The OKX fixture file a request target names, as a 200 answer; 404 when there is none.
    static func okxFixtureResponse(_ target: String) -> CannedResponse {
        let parts = target.split(separator: "?", maxSplits: 1)
        let file =
            ProjectPaths.fixtures + "/okx" + parts[0] + "/" + (parts.count > 1 ? parts[1] + ".json" : "index.json")
        guard let body = try? FileBytes.read(file, maxBytes: 16 << 20) else { return CannedResponse(status: 404) }
        return CannedResponse(status: 200, headers: [("Content-Type", "application/json")], body: body)
    }

    /// Two attempts and at most a second of backoff keep the failure cases fast; retries themselves are tested
    /// in ResilientFetcherTests.
    static func okxSpec(_ source: String) -> String {
        """
        {"name": "okx-only", "venues": [{"venue": "okx", \(source),
          "symbols": ["BTC-USDT-SWAP", "ETH-USDT-SWAP", "BTC-USD-SWAP"]}],
         "http": {"maxAttempts": 2, "maxBackoffSeconds": 1}}
        """
    }

    @Test func liveHTTPPathThroughLibcurlMatchesTheFixturePath() throws {
        let server = try Self.okxFixtureServer()
        defer { server.stop() }
        let live = try run(spec: try writeSpec(Self.okxSpec(#""baseURL": "\#(server.baseURL)""#)), label: "live")
        #expect(live.code == 0, "\(live.err)")
        let offline = try run(
            spec: try writeSpec(Self.okxSpec(#""fixtures": "\#(ProjectPaths.fixtures)/okx""#)), label: "offline")
        #expect(offline.code == 0, "\(offline.err)")
        for name in ["liquidations.csv", "open_interest.csv", "funding.csv", "snapshot.json"] {
            #expect(try live.file(name) == offline.file(name), "\(name) differs between HTTP and fixtures")
        }
        let requests = server.receivedRequests
        // 1 instruments + 3 funding-rate (reference) + 3 liquidation pages + 1 open interest + 3 funding histories
        // + 1 mark-price + 3 candle pages (no feeds listed: all of them).
        #expect(requests.count == 15)
        #expect(requests.allSatisfy { $0.header("User-Agent") == "liqpipe/0.1.0" })
        #expect(
            requests.contains {
                $0.target == "/api/v5/public/liquidation-orders?instType=SWAP&uly=BTC-USD&state=filled&limit=100"
            })
    }

    @Test func aFailingSourceGivesPartialOutputsAndExitThree() throws {
        let server = try Self.okxFixtureServer { target in
            target.hasPrefix("/api/v5/public/funding-rate-history") && target.contains("ETH") ? 500 : nil
        }
        defer { server.stop() }
        let outcome = try run(spec: try writeSpec(Self.okxSpec(#""baseURL": "\#(server.baseURL)""#)), label: "partial")
        #expect(outcome.code == 3)
        #expect(
            outcome.err.contains(
                "liqpipe: warning: okx funding: okx GET \(server.baseURL)/api/v5/public/funding-rate-history?instId=ETH-USDT-SWAP&limit=100: HTTP 500: "
                    + #"{"code":"50013","msg":"Systems are busy","data":[]} (2 attempts)"#))
        let snapshot = try JSONNode.parse(try outcome.file("snapshot.json"), origin: "snapshot.json")
        let coverage = try snapshot.member("coverage").elements()
        let funding = try #require(coverage.first { try $0.member("feed").string() == "funding" })
        #expect(try funding.member("status").string() == "failed")
        let liquidations = try #require(coverage.first { try $0.member("feed").string() == "liquidations" })
        #expect(try liquidations.member("status").string() == "covered")
        #expect(try outcome.text("liquidations.csv").split(separator: "\n").count > 100)
    }

    @Test func failingReferenceDataFailsEveryFeedAndExitsOne() throws {
        let server = try Self.okxFixtureServer { $0.hasPrefix("/api/v5/public/instruments") ? 503 : nil }
        defer { server.stop() }
        let outcome = try run(
            spec: try writeSpec(Self.okxSpec(#""baseURL": "\#(server.baseURL)""#)), label: "reference")
        #expect(outcome.code == 1)
        for feed in ["funding", "liquidations", "markPrice", "openInterest", "priceBars"] {
            #expect(
                outcome.err.contains(
                    "okx \(feed): okx GET \(server.baseURL)/api/v5/public/instruments?instType=SWAP: HTTP 503")
            )
        }
        // Nothing was ingested, so nothing was written: earlier outputs would have been left as they were.
        #expect(!FileBytes.isRegularFile(outcome.directory + "/liquidations.csv"))
        #expect(outcome.out.contains("nothing ingested: outputs left unchanged"))
        // The instruments failure explains every feed; no follow-on "symbol not listed" noise.
        #expect(!outcome.err.contains("not listed"))
    }

    @Test func aTotalFailureLeavesThePreviousOutputsIntact() throws {
        let good = try run(
            spec: try writeSpec(Self.okxSpec(#""fixtures": "\#(ProjectPaths.fixtures)/okx""#)), label: "keep")
        #expect(good.code == 0)
        let before = try good.file("liquidations.csv")
        let port = try RefusingLoopbackPort()
        let captured = CapturedConsole()
        let spec = try writeSpec(Self.okxSpec(#""baseURL": "http://127.0.0.1:\#(port.port)""#))
        let code = CLI.run(["run", spec, "--out", good.directory, "--quiet"], console: captured.console)
        #expect(code == 1)
        #expect(try FileBytes.read(good.directory + "/liquidations.csv", maxBytes: 64 << 20) == before)
    }

    @Test func unreachableVenueIsReportedWithItsURL() throws {
        let port = try RefusingLoopbackPort()
        let outcome = try run(
            spec: try writeSpec(Self.okxSpec(#""baseURL": "http://127.0.0.1:\#(port.port)""#)), label: "refused")
        #expect(outcome.code == 1)
        #expect(outcome.err.contains("could not connect"))
        #expect(outcome.err.contains("http://127.0.0.1:\(port.port)/api/v5/public/instruments?instType=SWAP"))
    }
}
