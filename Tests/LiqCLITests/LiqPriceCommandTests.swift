import LiqCLI
import LiqCore
import Testing

@Suite struct LiqPriceCommandTests {
    func json(_ arguments: [String]) throws -> (liquidation: Double, bankruptcy: Double, mode: String, side: String) {
        let captured = CapturedConsole()
        let code = CLI.run(["liqprice"] + arguments + ["--json"], console: captured.console)
        try #require(code == 0, "\(captured.err)")
        let root = try JSONNode.parse(Array(captured.out.utf8), origin: "stdout")
        return (
            try root.member("liquidationPrice").decimal(), try root.member("bankruptcyPrice").decimal(),
            try root.member("mode").string(), try root.member("side").string()
        )
    }

    // DOMAIN.md §3 worked checks, each verified by hand:
    // isolated long: IM = 20,000/50 = 400, MM = 20,000 × 0.005 = 100 → 20,000 − 300 = 19,700; bankruptcy 19,600.
    // short + 3,000 extra: 20,000 + 300 + 3,000 = 23,300. Long with 200 funding paid: 19,700 + 200 = 19,900.
    // Binance: (6,000 + 50 − 60,000)/(0.005 − 1) = 54,221.1055…; short (6,000 + 50 + 60,000)/1.005 = 65,721.3930…
    // Seed 002: 0.6 BTC at 50,000, 10,000 margin (3x): 50,000 − (10,000 − 600)/0.6 = 34,333.33…;
    // mark-notional form (10,000 − 30,000)/(0.012 − 0.6) = 34,013.6054…
    @Test(arguments: [
        (
            ["--side", "long", "--entry", "20000", "--quantity", "1", "--leverage", "50", "--mmr", "0.005"], 19_700.0,
            19_600.0
        ),
        (
            [
                "--side", "short", "--entry", "20000", "--quantity", "1", "--leverage", "50", "--mmr", "0.005",
                "--extra-margin", "3000",
            ], 23_300, 23_400
        ),
        (
            [
                "--side", "long", "--entry", "20000", "--quantity", "1", "--leverage", "50", "--mmr", "0.005",
                "--funding-paid", "200",
            ], 19_900, 19_800
        ),
        (
            [
                "--side", "long", "--entry", "60000", "--quantity", "1", "--leverage", "10", "--mmr", "0.005",
                "--maint-amount", "50", "--mode", "binance", "--wallet-balance", "6000",
            ], 54_221.11, 54_000
        ),
        (
            [
                "--side", "short", "--entry", "60000", "--quantity", "1", "--leverage", "10", "--mmr", "0.005",
                "--maint-amount", "50", "--mode", "binance",
            ], 65_721.39, 66_000
        ),
        (
            ["--side", "long", "--entry", "50000", "--quantity", "0.6", "--leverage", "3", "--mmr", "0.02"], 34_333.33,
            33_333.33
        ),
        (
            [
                "--side", "long", "--entry", "50000", "--quantity", "0.6", "--leverage", "3", "--mmr", "0.02", "--mode",
                "binance",
            ], 34_013.61, 33_333.33
        ),
    ])
    func reproducesTheWorkedExamplesToTheCent(arguments: [String], liquidation: Double, bankruptcy: Double) throws {
        let result = try json(arguments)
        #expect(abs(result.liquidation - liquidation) <= 0.005)
        #expect(abs(result.bankruptcy - bankruptcy) <= 0.005)
        #expect(result.side == arguments[1])
    }

    @Test func plainOutputIsReadable() {
        let captured = CapturedConsole()
        let code = CLI.run(
            [
                "liqprice", "--side", "long", "--entry", "20000", "--quantity", "1", "--leverage", "50", "--mmr",
                "0.005",
            ],
            console: captured.console)
        #expect(code == 0)
        #expect(captured.out.contains("liquidation price  19700"))
        #expect(captured.out.contains("bankruptcy price   19600"))
        #expect(captured.out.contains("initial margin     400 USD"))
    }

    @Test(arguments: [
        (["--leverage", "0"], "invalid --leverage"),
        (["--leverage", "-3"], "invalid --leverage"),
        // 1x long with 20,000 extra margin: LP formula gives 20,000 − (20,000 − 100)/1 − 20,000 < 0.
        (["--leverage", "1", "--extra-margin", "20000"], "no liquidation price"),
        (["--mode", "cross"], "cross mode needs --available"),
    ])
    func impossiblePositionsAreUsageErrors(extra: [String], message: String) {
        let captured = CapturedConsole()
        var arguments = ["liqprice", "--side", "long", "--entry", "20000", "--quantity", "1", "--mmr", "0.005"]
        if !extra.contains("--leverage") { arguments += ["--leverage", "50"] }
        let code = CLI.run(arguments + extra, console: captured.console)
        #expect(code == 2)
        #expect(captured.err.hasPrefix("liqpipe: error: "))
        #expect(captured.err.contains(message), "\(captured.err)")
        #expect(captured.out.isEmpty)
    }
}
