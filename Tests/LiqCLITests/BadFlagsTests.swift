import LiqCore
import Testing

@testable import LiqCLI

/// Every kind of command-line misuse, per command: exit 2, the first line of standard error says what is wrong
/// (and with what), nothing on standard output, and nothing is fetched or written. `$SPEC` stands for the bundled
/// demo spec, `$OUT` for a fresh directory; none of these cases gets far enough to read the network.
@Suite struct BadFlagsTests {
    /// (arguments, the first line of standard error).
    static let cases: [([String], String)] = [
        (["frobnicate"], "liqpipe: error: unknown command 'frobnicate'"),
        (["help", "frobnicate"], "liqpipe: error: no help for unknown command 'frobnicate'"),
        (["run", "--bogus"], "liqpipe: error: unknown option '--bogus'"),
        (["run", "$SPEC", "extra"], "liqpipe: error: unexpected argument 'extra'"),
        (["run", "$SPEC", "--out"], "liqpipe: error: option '--out' needs a value"),
        (["run", "--out", "", "$SPEC"], "liqpipe: error: option '--out' needs a value"),
        (["run", "--out=", "$SPEC"], "liqpipe: error: option '--out' needs a value"),
        (["run", "$SPEC", "--out", "a", "--out", "b"], "liqpipe: error: option '--out' given twice"),
        (["replay"], "liqpipe: error: missing SPEC and CAPTURE"),
        (["replay", "$SPEC"], "liqpipe: error: missing CAPTURE (a file or directory)"),
        (
            ["replay", "$SPEC", "/nonexistent.ndjson"],
            "liqpipe: error: capture '/nonexistent.ndjson': No such file or directory"
        ),
        (
            ["replay", "$SPEC", "--venue", "kraken", "/tmp"],
            "liqpipe: error: --venue kraken is not a venue of the spec $SPEC (its venues: binance-usdm, binance-coinm, "
                + "bybit, okx, bitmex, deribit, hyperliquid)"
        ),
        (["collect"], "liqpipe: error: missing SPEC"),
        (
            ["collect", "$SPEC"],
            #"liqpipe: error: $SPEC has no "collector" block (directory for the captures); see README, Collecting"#
        ),
        (
            ["collect", "$SPEC", "--duration", "0s"],
            "liqpipe: error: option '--duration': expected a positive duration like 90s, 15m, 6h or 1d, got '0s'"
        ),
        (["decode"], "liqpipe: error: missing required option '--venue'"),
        (["decode", "--venue", "okx"], "liqpipe: error: missing required option '--feed'"),
        (
            ["decode", "--venue", "kraken", "--feed", "liquidations"],
            "liqpipe: error: option '--venue': expected one of binance-usdm, binance-coinm, bybit, okx, bitmex, "
                + "deribit, hyperliquid, got 'kraken'"
        ),
        (
            ["decode", "--venue", "okx", "--feed", "trades"],
            "liqpipe: error: option '--feed': expected one of funding, instruments, liquidations, mark-price, "
                + "open-interest, price-bars, got 'trades'"
        ),
        (
            ["decode", "--venue", "okx", "--feed", "liquidations", "--format", "xml"],
            "liqpipe: error: option '--format': expected ndjson or csv, got 'xml'"
        ),
        (
            ["decode", "--venue", "okx", "--feed", "liquidations", "/nonexistent"],
            "liqpipe: error: input '/nonexistent': no such file"
        ),
        (["liqprice"], "liqpipe: error: missing required option '--side'"),
        (
            ["liqprice", "--side", "up", "--entry", "1", "--quantity", "1", "--leverage", "10", "--mmr", "0.005"],
            "liqpipe: error: option '--side': expected long or short, got 'up'"
        ),
        (
            ["liqprice", "--side", "long", "--entry", "-1", "--quantity", "1", "--leverage", "10", "--mmr", "0.005"],
            "liqpipe: error: invalid --entry: must be a finite number > 0, got -1.0"
        ),
        (
            ["liqprice", "--side", "long", "--entry", "1", "--quantity", "1", "--leverage", "0", "--mmr", "0.005"],
            "liqpipe: error: invalid --leverage: must be a finite number > 0, got 0.0"
        ),
        (
            [
                "liqprice", "--side", "long", "--entry", "1", "--quantity", "1", "--leverage", "10", "--mmr", "0.005",
                "--mode", "portfolio",
            ],
            "liqpipe: error: option '--mode': expected isolated, binance or cross, got 'portfolio'"
        ),
        (["synth"], "liqpipe: error: missing required option '--out'"),
        (["synth", "--out", "$OUT", "--hours", "0"], "liqpipe: error: option '--hours': expected 1 to 48, got '0'"),
        (
            ["synth", "--out", "$OUT", "--assets", "DOGE"],
            "liqpipe: error: option '--assets': unknown asset 'DOGE' (known: BTC,ETH,SOL)"
        ),
        (
            ["synth", "--out", "$OUT", "--cascade-at", "25:00"],
            "liqpipe: error: option '--cascade-at': expected HH:MM, got '25:00'"
        ),
        (
            ["synth", "--out", "$OUT", "--calm", "--cascade-at", "03:00"],
            "liqpipe: error: options '--calm' and '--cascade-at' exclude each other"
        ),
        (
            ["synth", "--out", "$OUT", "--day", "2025-02-30"],
            "liqpipe: error: option '--day': expected a UTC day YYYY-MM-DD, got '2025-02-30'"
        ),
        (
            ["synth", "--out", "$OUT", "--seed", "x"],
            "liqpipe: error: option '--seed': expected a non-negative integer, got 'x'"
        ),
        (["backfill", "$SPEC"], "liqpipe: error: missing required option '--from' (YYYY-MM-DD)"),
        (["backfill", "$SPEC", "--from", "2025-10-01"], "liqpipe: error: missing required option '--to' (YYYY-MM-DD)"),
        (
            ["backfill", "$SPEC", "--from", "2025-10-02", "--to", "2025-10-01"],
            "liqpipe: error: '--from' 2025-10-02 is after '--to' 2025-10-01"
        ),
        (
            ["backfill", "$SPEC", "--from", "2025-13-01", "--to", "2025-10-01"],
            "liqpipe: error: option '--from': expected a UTC day YYYY-MM-DD, got '2025-13-01'"
        ),
        (
            ["backfill", "$SPEC", "--from", "2025-10-01", "--to", "2025-10-01", "--shard", "3/2"],
            "liqpipe: error: option '--shard': expected K/N with 1 ≤ K ≤ N ≤ 1024, got '3/2'"
        ),
        (
            ["backfill", "$SPEC", "--from", "2025-10-01", "--to", "2025-10-01", "--venues", "kraken"],
            "liqpipe: error: option '--venues': not in the spec: kraken (the spec has binance-usdm, binance-coinm, "
                + "bybit, okx, bitmex, deribit, hyperliquid)"
        ),
        (
            ["backfill", "$SPEC", "--from", "2025-10-01", "--to", "2025-10-01", "--symbols", "DOGE"],
            "liqpipe: error: option '--symbols': not a symbol of the selected venues: DOGE"
        ),
        (["maintain"], "liqpipe: error: missing SPEC"),
        (
            ["maintain", "$SPEC", "--now", "yesterday"],
            "liqpipe: error: option '--now': expected YYYY-MM-DDTHH:MM:SSZ, got 'yesterday'"
        ),
    ]

    @Test(arguments: cases)
    func misuseExitsTwoSayingWhat(_ arguments: [String], _ message: String) throws {
        let out = try ProjectPaths.temporaryDirectory("bad-flags") + "/synth"
        let resolved = arguments.map { $0 == "$SPEC" ? ProjectPaths.demoSpec : $0 == "$OUT" ? out : $0 }
        let captured = CapturedConsole()
        #expect(CLI.run(resolved, console: captured.console) == 2)
        let first = captured.err.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? ""
        #expect(first == message.replacingOccurrences(of: "$SPEC", with: ProjectPaths.demoSpec))
        #expect(captured.out.isEmpty)
        #expect(!FileBytes.isDirectory(out))
    }

    @Test func noArgumentsPrintsTheUsageAndExitsTwo() {
        let captured = CapturedConsole()
        #expect(CLI.run([], console: captured.console) == 2)
        #expect(captured.err.hasPrefix("liqpipe 0.1.0 — market-wide crypto liquidation analytics"))
    }
}
