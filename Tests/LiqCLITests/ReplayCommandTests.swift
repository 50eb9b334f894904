import LiqCLI
import LiqCore
import LiqEmit
import LiqFetch
import LiqTestSupport
import Testing

/// `replay`'s argument checks: each capture must be attributable to a venue of the spec that ingests stream
/// liquidations, and every refusal happens before the pipeline runs, naming the file (exit 2).
@Suite struct ReplayCommandTests {
    func replay(_ arguments: [String]) -> (code: Int32, out: String, err: String) {
        let captured = CapturedConsole()
        let code = CLI.run(["replay"] + arguments, console: captured.console)
        return (code, captured.out, captured.err)
    }

    /// The first line of a usage error, after checking the exit code, the empty standard output and the synopsis.
    func usageError(_ arguments: [String]) -> String? {
        let result = replay(arguments)
        #expect(result.code == 2)
        #expect(result.out.isEmpty)
        let lines = result.err.split(separator: "\n").map(String.init)
        #expect(lines.count > 1 && lines[1].hasPrefix("USAGE: liqpipe replay SPEC CAPTURE..."))
        return lines.first
    }

    static let envelope = #"{"receivedMs":1760126400000,"venue":"okx","connection":"/ws/v5/public","message":{}}"#

    @Test func capturesThatCannotBeAttributedAreRefusedNamingTheFile() throws {
        let directory = try ProjectPaths.temporaryDirectory("replay-errors")
        let spec = try CollectorCapturesTests.writeSpec(directory)
        let bare = directory + "/liquidations.ndjson"
        try Array(#"{"stream":"!forceOrder@arr","data":{}}"#.utf8).write(to: bare)
        let okx = directory + "/okx.ndjson"
        try Array((Self.envelope + "\n").utf8).write(to: okx)
        let okxNamed = directory + "/okx-20251010T20.ndjson.gz"
        try Gzip.compress(Array(#"{"arg":{}}"#.utf8)).write(to: okxNamed)
        let okxOpen = directory + "/okx-20251010T21.ndjson.gz.part"
        try Gzip.compress(Array(#"{"arg":{}}"#.utf8)).write(to: okxOpen)
        let empty = directory + "/empty"
        try AtomicFile.write([], to: empty + "/binance-usdm/2025-10-10/binance-usdm-20251010T20.ndjson.gz.part")

        #expect(
            usageError([spec, bare])
                == "liqpipe: error: capture '\(bare)': cannot tell its venue (no capture envelope on its first line "
                + "and not a segment file name); pass --venue ID")
        #expect(
            usageError([spec, okx])
                == "liqpipe: error: capture '\(okx)' is of venue 'okx', which is not in the spec \(spec) "
                + "(its venues: binance-usdm)")
        #expect(
            usageError([spec, okxNamed])
                == "liqpipe: error: capture '\(okxNamed)' is of venue 'okx', which is not in the spec \(spec) "
                + "(its venues: binance-usdm)")
        #expect(
            usageError([spec, okxOpen])
                == "liqpipe: error: capture '\(okxOpen)' is of venue 'okx', which is not in the spec \(spec) "
                + "(its venues: binance-usdm)")
        #expect(
            usageError([spec, okx, "--venue", "binance-usdm"])
                == "liqpipe: error: capture '\(okx)': its envelope says venue 'okx', but --venue binance-usdm was given"
        )
        #expect(
            usageError([spec, okxNamed, "--venue", "bybit"])
                == "liqpipe: error: --venue bybit is not a venue of the spec \(spec) (its venues: binance-usdm)")
        #expect(
            usageError([spec, empty])
                == "liqpipe: error: capture directory '\(empty)' holds no closed segments (*.ndjson.gz)")
        #expect(
            usageError([spec, directory + "/absent"])
                == "liqpipe: error: capture '\(directory)/absent': No such file or directory")
        #expect(usageError([spec]) == "liqpipe: error: missing CAPTURE (a file or directory)")
        #expect(usageError([]) == "liqpipe: error: missing SPEC and CAPTURE")
    }

    @Test func aVenueWithoutTheLiquidationsFeedTakesNoCaptures() throws {
        let directory = try ProjectPaths.temporaryDirectory("replay-feeds")
        let spec = directory + "/spec.json"
        try Array(
            #"{"name":"x","venues":[{"venue":"okx","symbols":["BTC-USDT-SWAP"],"feeds":["funding"]}]}"#.utf8
        ).write(to: spec)
        let okx = directory + "/okx.ndjson"
        try Array((Self.envelope + "\n").utf8).write(to: okx)
        #expect(
            usageError([spec, okx])
                == "liqpipe: error: capture '\(okx)' is of venue 'okx', whose feeds in the spec \(spec) do not "
                + "include liquidations (the stream input)")
    }

    @Test func specErrorsComeFirstAndHelpIsThere() throws {
        let result = replay(["/nonexistent/spec.json", "x"])
        #expect(result.code == 2)
        #expect(result.err == "liqpipe: spec error: /nonexistent/spec.json: No such file or directory\n")
        let captured = CapturedConsole()
        #expect(CLI.run(["help", "replay"], console: captured.console) == 0)
        #expect(captured.out.hasPrefix("USAGE: liqpipe replay SPEC CAPTURE... [--venue ID] [--out DIR] [--quiet]\n"))
    }
}
