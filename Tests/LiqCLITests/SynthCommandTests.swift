import Foundation
import LiqCLI
import LiqCore
import LiqTestSupport
import Testing

@Suite struct SynthCommandTests {
    /// 2025-10-10T00:00:00Z in ms; the 4 h test day ends at 04:00, the cascade starts at 01:00.
    static let dayStartMs: Int64 = 1_760_054_400_000
    static let onsetMs: Int64 = dayStartMs + 3_600_000

    func synth(_ label: String, _ extra: [String] = ["--cascade-at", "01:00"]) throws -> (
        code: Int32, dir: String, out: String
    ) {
        let directory = try ProjectPaths.temporaryDirectory(label)
        let captured = CapturedConsole()
        let code = CLI.run(["synth", "--out", directory, "--hours", "4"] + extra, console: captured.console)
        return (code, directory, captured.out)
    }

    /// (timestamp ms, venue, notional USD) of every row of the run's liquidations.csv.
    func liquidations(of directory: String) throws -> [(ms: Int64, venue: String, usd: Double)] {
        let text = String(
            decoding: try FileBytes.read(directory + "/liquidations.csv", maxBytes: 64 << 20), as: UTF8.self)
        return text.split(separator: "\n").dropFirst().map { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            return (Int64(fields[0])!, String(fields[1]), Double(fields[8])!)
        }
    }

    func runSpec(in directory: String) -> (code: Int32, err: String) {
        let captured = CapturedConsole()
        let code = CLI.run(
            ["run", directory + "/spec.json", "--out", directory + "/out", "--quiet"], console: captured.console)
        return (code, captured.err)
    }

    func groundTruth(_ directory: String) throws -> [String: Any] {
        let bytes = try FileBytes.read(directory + "/ground_truth.json", maxBytes: 1 << 20)
        return try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    @Test func sameArgumentsWriteIdenticalBytes() throws {
        let first = try synth("synth-a")
        let second = try synth("synth-b")
        let names = try RunCommandTests.outputFiles(first.dir)
        #expect(names.count > 20)
        #expect(names == (try RunCommandTests.outputFiles(second.dir)))
        for name in names {
            let a = try FileBytes.read(first.dir + "/" + name, maxBytes: 64 << 20)
            let b = try FileBytes.read(second.dir + "/" + name, maxBytes: 64 << 20)
            #expect(a == b, "\(name) differs")
        }
        let other = try synth("synth-seed", ["--cascade-at", "01:00", "--seed", "2"])
        let capture = "binance-usdm/captures/fstream-market-stream-synth.ndjson"
        #expect(
            try FileBytes.read(first.dir + "/" + capture, maxBytes: 64 << 20)
                != FileBytes.read(other.dir + "/" + capture, maxBytes: 64 << 20))
    }

    @Test func synthesisedDayRunsThroughThePipelineAndItsGroundTruthMarksTheCascade() throws {
        // One asset keeps the debug-build run short; ETH and SOL go through the same writers.
        let synth = try synth("synth-truth", ["--cascade-at", "01:00", "--assets", "BTC"])
        #expect(synth.code == 0)
        let run = runSpec(in: synth.dir)
        #expect(run.code == 0, "\(run.err)")
        #expect(!run.err.contains("warning"), "\(run.err)")
        let truth = try groundTruth(synth.dir)
        #expect(truth["seed"] as? Int == 1)
        #expect(truth["assets"] as? [String] == ["BTC"])
        let cascades = try #require(truth["cascades"] as? [[String: Any]])
        #expect(cascades.map { $0["asset"] as? String } == ["BTC"])
        let rows = try liquidations(of: synth.dir + "/out")
        #expect(Set(rows.map(\.venue)) == ["binance-usdm", "okx", "bybit"])
        for cascade in cascades {
            #expect(cascade["side"] as? String == "long")
            let onset = try #require(cascade["onsetMs"] as? Int64)
            let peak = try #require(cascade["peakMs"] as? Int64)
            let exhaustion = try #require(cascade["exhaustionMs"] as? Int64)
            #expect(onset == Self.onsetMs)
            #expect(onset < peak && peak < exhaustion && exhaustion < Self.dayStartMs + 4 * 3_600_000)
            #expect(peak % 60_000 == 0 && exhaustion % 60_000 == 0)
            // The cascade window holds many times the liquidated USD of an equally long calm window before it.
            let span = exhaustion - onset
            let inCascade = rows.filter { (onset..<exhaustion).contains($0.ms) }.reduce(0) { $0 + $1.usd }
            let before = rows.filter { ((onset - span)..<onset).contains($0.ms) }.reduce(0) { $0 + $1.usd }
            #expect(inCascade > 5 * before, "cascade \(inCascade) vs calm \(before)")
        }
    }

    /// The market-wide count `synth` reports ("…, N liquidations → DIR").
    func reportedCount(_ out: String) throws -> Int {
        let words = out.split(separator: " ")
        let index = try #require(words.firstIndex(of: "liquidations"))
        return try #require(Int(words[index - 1]))
    }

    @Test func calmDayHasNoCascadeAndFarFewerLiquidations() throws {
        let calm = try synth("synth-calm", ["--calm", "--assets", "BTC,ETH,SOL"])
        let stormy = try synth("synth-stormy", ["--cascade-at", "01:00", "--assets", "BTC,ETH,SOL"])
        #expect(calm.code == 0)
        #expect((try groundTruth(calm.dir)["cascades"] as? [Any])?.isEmpty == true)
        #expect((try groundTruth(stormy.dir)["cascades"] as? [Any])?.count == 3)
        let run = runSpec(in: calm.dir)
        #expect(run.code == 0, "\(run.err)")
        #expect(try liquidations(of: calm.dir + "/out").count > 0)
        let calmCount = try reportedCount(calm.out)
        let stormyCount = try reportedCount(stormy.out)
        #expect(calmCount > 0 && 3 * calmCount < stormyCount, "calm \(calmCount), cascade \(stormyCount)")
    }

    @Test(arguments: [
        ["synth", "--hours", "6"],
        ["synth", "--out", "/dev/null/synth", "--assets", "BTC,XRP"],
        ["synth", "--out", "/dev/null/synth", "--assets", "BTC,BTC"],
        ["synth", "--out", "/dev/null/synth", "--day", "2025-13-01"],
        ["synth", "--out", "/dev/null/synth", "--cascade-at", "25:00"],
        ["synth", "--out", "/dev/null/synth", "--hours", "49"],
        ["synth", "--out", "/dev/null/synth", "--calm", "--cascade-at", "02:00"],
        ["synth", "--out", "/dev/null/synth", "--hours", "0"],
        ["synth", "--out", "/dev/null/synth", "--hours", "2", "--cascade-at", "01:00"],
        ["synth", "--out", "/dev/null/synth", "--seed", "-1"],
        ["synth", "--out", "/dev/null/synth", "--bogus"],
    ])
    func badFlagsExitTwo(arguments: [String]) {
        let captured = CapturedConsole()
        #expect(CLI.run(arguments, console: captured.console) == 2)
        #expect(captured.err.contains("USAGE: liqpipe synth"), "\(captured.err)")
    }

    @Test func takerFlowSellsIntoTheFlush() throws {
        // Binance klines carry taker-buy volume (column 9 of 12). Before the onset the flow is balanced (calm
        // liquidations are small next to the turnover); in the flush's first half hour forced long sells pull the
        // taker-buy share clearly below the calm level (seed 1: 0.50 → 0.44).
        let synth = try synth("synth-taker", ["--cascade-at", "01:00", "--assets", "BTC"])
        #expect(synth.code == 0)
        let page = try JSONNode.parse(
            try FileBytes.read(
                synth.dir + "/binance-usdm/fapi/v1/klines/symbol=BTCUSDT&interval=1m&limit=1000.json",
                maxBytes: 16 << 20), origin: "klines")
        var before: [Double] = []
        var flush: [Double] = []
        for row in try page.elements() {
            let opened = try row.element(0).int64()
            let share = try row.element(9).decimal() / (try row.element(5).decimal())
            if opened < Self.onsetMs - 600_000 { before.append(share) }
            if opened >= Self.onsetMs, opened < Self.onsetMs + 1_800_000 { flush.append(share) }
        }
        let calmMean = before.reduce(0, +) / Double(before.count)
        let flushMean = flush.reduce(0, +) / Double(flush.count)
        #expect(abs(calmMean - 0.5) < 0.05, "calm taker-buy share \(calmMean)")
        #expect(flushMean < calmMean - 0.03, "flush taker-buy share \(flushMean), calm \(calmMean)")
    }
}
