import Foundation
import LiqCLI
import LiqCore
import LiqEmit
import LiqFetch
import LiqTestSupport
import Testing

/// `run` with a `collector` block reads the collector's closed segments (not the open `.part` hour, not what lies
/// beyond the look-back) and keeps a capture cursor; `replay` of the same captures gives the same outputs.
@Suite struct CollectorCapturesTests {
    static let fixtureCapture =
        ProjectPaths.fixtures + "/binance-usdm/captures/fstream-market-forceOrder-2025-10-10T20.ndjson"
    /// 2025-10-10T20:00Z, the start of the fixture window.
    static let hour20Ms: Int64 = 1_760_126_400_000
    static let hourMs: Int64 = 3_600_000

    /// A Binance USDⓈ-M spec (fixtures, BTCUSDT, liquidations only) with the given extra top-level members.
    static func writeSpec(_ directory: String, extra: String = "", captures: [String] = []) throws -> String {
        let path = directory + "/spec-\(UUID().uuidString).json"
        let list = captures.map { "\"\($0)\"" }.joined(separator: ", ")
        let text = """
            {"name": "collector", "venues": [{"venue": "binance-usdm", "fixtures": "\(ProjectPaths.fixtures)/binance-usdm",
              "captures": [\(list)], "symbols": ["BTCUSDT"], "feeds": ["liquidations"]}]\(extra)}
            """
        try AtomicFile.write(Array(text.utf8), to: path)
        return path
    }

    static func collectorBlock(_ directory: String) -> String {
        #", "collector": {"directory": "\#(directory)/captures", "stateDirectory": "\#(directory)/state"}"#
    }

    /// The fixture's BTCUSDT messages (bare lines).
    static func btcLines() throws -> [[UInt8]] {
        try FileBytes.read(fixtureCapture, maxBytes: 16 << 20).split(separator: 0x0A).map(Array.init)
            .filter { String(decoding: $0, as: UTF8.self).contains(#""s":"BTCUSDT""#) }
    }

    /// A BTCUSDT liquidation no fixture line has: trade time `tradeMs` (its CSV line starts with it).
    static func uniqueMessage(tradeMs: Int64) -> [UInt8] {
        Array(
            #"{"stream":"!forceOrder@arr","data":{"e":"forceOrder","E":\#(tradeMs),"o":{"s":"BTCUSDT","S":"SELL","o":"LIMIT","f":"IOC","q":"0.777","p":"120000.0","ap":"120000.0","X":"FILLED","l":"0.777","z":"0.777","T":\#(tradeMs)}}}"#
                .utf8)
    }

    static func record(_ receivedMs: Int64, _ message: [UInt8]) -> CaptureRecord {
        CaptureRecord(receivedMs: receivedMs, venue: "binance-usdm", connection: "/market/stream", message: message)
    }

    struct Outcome {
        var code: Int32
        var out: String
        var err: String
        var directory: String

        func text(_ name: String) throws -> String {
            String(decoding: try FileBytes.read(directory + "/" + name, maxBytes: 64 << 20), as: UTF8.self)
        }
    }

    static func cli(_ arguments: [String], out: String) -> Outcome {
        let captured = CapturedConsole()
        let code = CLI.run(arguments + ["--out", out, "--quiet"], console: captured.console)
        return Outcome(code: code, out: captured.out, err: captured.err, directory: out)
    }

    /// Every output file of `first` equals the same file of `second`, and both wrote the same files.
    static func expectSameOutputs(_ first: Outcome, _ second: Outcome) throws {
        let names = try RunCommandTests.outputFiles(first.directory)
        #expect(names == (try RunCommandTests.outputFiles(second.directory)))
        #expect(names.contains("liquidations.csv"))
        for name in names {
            #expect(try first.text(name) == second.text(name), "\(name) differs")
        }
    }

    /// Four full runs in one test (each renders the heatmaps, a few seconds in debug builds).
    @Test func runReadsClosedSegmentsWithinTheLookBackKeepsACursorAndReplayGivesTheSameOutputs() throws {
        let directory = try ProjectPaths.temporaryDirectory("collector")
        let captures = directory + "/captures"
        let lines = try Self.btcLines()
        let half = lines.count / 2
        // Hours 20 and 21 of 2025-10-10 hold the fixture's messages; 2025-10-08T21 is exactly 48 h before the newest
        // closed hour (inside the look-back) and 2025-10-08T20 49 h (outside); hour 22 is still open (.part).
        let boundaryMs = Self.hour20Ms + Self.hourMs - 48 * Self.hourMs
        let oldMs = boundaryMs - Self.hourMs
        let writer = CaptureSegmentWriter(directory: captures)
        try writer.append(Self.record(oldMs + 5, Self.uniqueMessage(tradeMs: 1_760_127_000_111)))
        try writer.append(Self.record(boundaryMs + 5, Self.uniqueMessage(tradeMs: 1_760_127_000_222)))
        for (index, line) in lines.enumerated() {
            try writer.append(Self.record(Self.hour20Ms + (index < half ? 0 : Self.hourMs) + Int64(index), line))
        }
        try writer.close()
        let open = CaptureSegmentWriter(directory: captures)
        try open.append(
            Self.record(Self.hour20Ms + 2 * Self.hourMs + 5, Self.uniqueMessage(tradeMs: 1_760_127_000_333)))
        try open.flush()
        #expect(
            open.openSegmentPaths == [captures + "/binance-usdm/2025-10-10/binance-usdm-20251010T22.ndjson.gz.part"])

        let spec = try Self.writeSpec(directory, extra: Self.collectorBlock(directory))
        let first = Self.cli(["run", spec], out: directory + "/run1")
        #expect(first.code == 0, "\(first.err)")
        #expect(
            first.err
                == "liqpipe: collector captures: read 3 closed segments, 3 new since the cursor: binance-usdm 3 (3 new)\n"
        )
        let csv = try first.text("liquidations.csv")
        #expect(csv.contains("\n1760127000222,"))  // the boundary segment is read
        #expect(!csv.contains("\n1760127000111,"))  // the segment beyond the look-back is not
        #expect(!csv.contains("\n1760127000333,"))  // nor the open hour
        let cursorPath = directory + "/state/run-captures.json"
        #expect(
            String(decoding: try FileBytes.read(cursorPath, maxBytes: 1 << 20), as: UTF8.self) == """
                {
                  "schemaVersion": 1,
                  "venues": {
                    "binance-usdm": {
                      "lastSegment": "binance-usdm/2025-10-10/binance-usdm-20251010T21.ndjson.gz",
                      "segments": 3,
                      "newSegments": 3,
                      "lines": \(lines.count + 1)
                    }
                  }
                }

                """)

        // The same messages as a bare file (venue forced) plus the boundary segment: the same outputs.
        let bare = directory + "/btc-liquidations.ndjson"
        try AtomicFile.write(Array(lines.joined(separator: [0x0A])), to: bare)
        let boundarySegment = captures + "/binance-usdm/2025-10-08/binance-usdm-20251008T21.ndjson.gz"
        let bareReplay = Self.cli(
            ["replay", try Self.writeSpec(directory), bare, boundarySegment, "--venue", "binance-usdm"],
            out: directory + "/replay1")
        #expect(bareReplay.code == 0, "\(bareReplay.err)")
        #expect(bareReplay.err == "")
        #expect(bareReplay.out.hasPrefix("liqpipe replay collector: \(lines.count + 1) liquidations"))
        try Self.expectSameOutputs(first, bareReplay)

        // A collector restarted within hour 21 closes a `.1` segment: one new since the cursor.
        let restarted = CaptureSegmentWriter(directory: captures)
        try restarted.append(
            Self.record(Self.hour20Ms + Self.hourMs + 7, Self.uniqueMessage(tradeMs: 1_760_127_000_444)))
        try restarted.close()
        let second = Self.cli(["run", spec], out: directory + "/run2")
        #expect(second.code == 0, "\(second.err)")
        #expect(
            second.err
                == "liqpipe: collector captures: read 4 closed segments, 1 new since the cursor: binance-usdm 4 (1 new)\n"
        )
        #expect(try second.text("liquidations.csv").contains("\n1760127000444,"))
        let cursor = String(decoding: try FileBytes.read(cursorPath, maxBytes: 1 << 20), as: UTF8.self)
        #expect(cursor.contains(#""lastSegment": "binance-usdm/2025-10-10/binance-usdm-20251010T21.1.ndjson.gz""#))
        #expect(cursor.contains(#""segments": 4,"#) && cursor.contains(#""newSegments": 1,"#))
        #expect(cursor.contains(#""lines": \#(lines.count + 2)"#))

        // Replay of a day's directory (closed segments only, the .part left out) and one segment file.
        let replay = Self.cli(
            ["replay", spec, captures + "/binance-usdm/2025-10-10", boundarySegment], out: directory + "/replay2")
        #expect(replay.code == 0, "\(replay.err)")
        #expect(replay.err == "")
        try Self.expectSameOutputs(second, replay)
        // Replay leaves the cursor alone.
        #expect(String(decoding: try FileBytes.read(cursorPath, maxBytes: 1 << 20), as: UTF8.self) == cursor)
    }

    /// A run that ingests nothing fails (exit 1) and leaves the cursor unwritten, though it read a segment.
    @Test func aFailedRunWritesNoCursor() throws {
        let directory = try ProjectPaths.temporaryDirectory("collector-failed")
        let writer = CaptureSegmentWriter(directory: directory + "/captures")
        try writer.append(Self.record(Self.hour20Ms, Array("not json".utf8)))
        try writer.close()
        let outcome = Self.cli(
            ["run", try Self.writeSpec(directory, extra: Self.collectorBlock(directory))], out: directory + "/out")
        #expect(outcome.code == 1)
        #expect(
            outcome.err.hasSuffix(
                "liqpipe: collector captures: read 1 closed segment, 1 new since the cursor: binance-usdm 1 (1 new)\n"))
        #expect(!FileBytes.isRegularFile(directory + "/state/run-captures.json"))
    }

    @Test func lookbackHoursIsReadAndChecked() throws {
        func parse(_ collector: String) throws -> PipelineSpec {
            try SpecLoader.parse(
                Array(
                    #"{"name":"x","venues":[{"venue":"binance-usdm","symbols":["BTCUSDT"]}],"collector":\#(collector)}"#
                        .utf8), path: "Pipelines/t.json")
        }
        #expect(try parse(#"{"directory": "c"}"#).collector?.lookbackHours == 48)
        #expect(try parse(#"{"directory": "c", "lookbackHours": 1}"#).collector?.lookbackHours == 1)
        #expect(try parse(#"{"directory": "c", "lookbackHours": 8760}"#).collector?.lookbackHours == 8760)
        for (value, found) in [("0", "number 0"), ("8761", "number 8761"), ("-1", "number -1")] {
            #expect {
                try parse(#"{"directory": "c", "lookbackHours": \#(value)}"#)
            } throws: { error in
                "\(error)" == "Pipelines/t.json: collector.lookbackHours: expected hours from 1 to 8760, found \(found)"
            }
        }
    }
}
