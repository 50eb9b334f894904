import Foundation
import LiqCLI
import LiqCore
import LiqTestSupport
import Testing

/// The detector against `liqpipe synth`'s ground truth, end to end: raw venue payloads → run → signals. Three hours
/// (one of calm baseline, then the cascade at 01:00 and its two-hour decay) keep a debug-build run near 8 s.
@Suite struct SynthGroundTruthTests {
    struct Signal {
        var base: String
        var side: String
        var startMs: Int64
        var endMs: Int64?
    }

    func synthAndRun(_ label: String, _ extra: [String]) throws -> (dir: String, signals: [Signal], json: [String: Any])
    {
        let directory = try ProjectPaths.temporaryDirectory(label)
        let captured = CapturedConsole()
        let arguments = ["synth", "--out", directory, "--hours", "3", "--assets", "BTC,ETH,SOL"] + extra
        #expect(CLI.run(arguments, console: captured.console) == 0, "\(captured.err)")
        let run = CapturedConsole()
        let code = CLI.run(
            ["run", directory + "/spec.json", "--out", directory + "/out", "--quiet"], console: run.console)
        #expect(code == 0, "\(run.err)")
        let csv = String(
            decoding: try FileBytes.read(directory + "/out/signals.csv", maxBytes: 1 << 20), as: UTF8.self)
        let signals = csv.split(separator: "\n").dropFirst().map { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            return Signal(
                base: String(fields[1]), side: String(fields[2]), startMs: Int64(fields[4])!,
                endMs: Int64(fields[6]))
        }
        let json = try #require(
            try JSONSerialization.jsonObject(
                with: Data(try FileBytes.read(directory + "/out/signals.json", maxBytes: 64 << 20)))
                as? [String: Any])
        return (directory, signals, json)
    }

    /// Onset within 2 minutes and exhaustion within 5 of the truth for every asset, and the market-wide flag
    /// (three assets within five minutes). Over 20 seeds of the 6-hour variant the errors are listed in the
    /// closing note of issue 5; these three seeds are the first three, not picked.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func cascadeMatchesItsGroundTruth(seed: UInt64) throws {
        let (directory, signals, json) = try synthAndRun(
            "truth-\(seed)", ["--cascade-at", "01:00", "--seed", "\(seed)"])
        let truth = try #require(
            try JSONSerialization.jsonObject(
                with: Data(try FileBytes.read(directory + "/ground_truth.json", maxBytes: 1 << 20)))
                as? [String: Any])
        let cascades = try #require(truth["cascades"] as? [[String: Any]])
        #expect(cascades.count == 3)
        for cascade in cascades {
            let asset = try #require(cascade["asset"] as? String)
            let onset = try #require(cascade["onsetMs"] as? Int64)
            let exhaustion = try #require(cascade["exhaustionMs"] as? Int64)
            let longs = signals.filter { $0.base == asset && $0.side == "long" }
            #expect(longs.count == 1, "\(asset): \(longs)")
            let event = try #require(longs.first)
            #expect(abs(event.startMs - onset) <= 2 * 60_000, "\(asset) onset \(event.startMs) vs \(onset)")
            let end = try #require(event.endMs, "\(asset) never exhausted")
            #expect(abs(end - exhaustion) <= 5 * 60_000, "\(asset) exhaustion \(end) vs \(exhaustion)")
        }
        let flags = try #require(json["marketWide"] as? [[String: Any]])
        let onset = try #require(cascades.first?["onsetMs"] as? Int64)
        #expect(
            flags.contains {
                ($0["assets"] as? [String]) == ["BTC", "ETH", "SOL"]
                    && abs(($0["minuteMs"] as? Int64 ?? 0) - onset) <= 5 * 60_000
            }, "\(flags)")
    }

    @Test(arguments: [1, 2] as [UInt64])
    func calmDayRaisesNothing(seed: UInt64) throws {
        let (_, signals, json) = try synthAndRun("calm-\(seed)", ["--calm", "--seed", "\(seed)"])
        #expect(signals.isEmpty, "\(signals)")
        #expect((json["marketWide"] as? [Any])?.isEmpty == true)
    }
}
