import LiqCLI
import LiqCore
import LiqEmit
import Testing

@Suite struct CLITests {
    func run(_ arguments: [String]) -> (code: Int32, out: String, err: String) {
        let captured = CapturedConsole()
        let code = CLI.run(arguments, console: captured.console)
        return (code, captured.out, captured.err)
    }

    @Test func helpAndVersionSucceedOnStandardOutput() {
        for arguments in [["--help"], ["-h"], ["help"]] {
            let result = run(arguments)
            #expect(result.code == 0)
            #expect(result.out.contains("USAGE: liqpipe <command> [options]"))
            #expect(result.err.isEmpty)
        }
        #expect(run(["help", "run"]).out.contains("USAGE: liqpipe run [SPEC]"))
        #expect(run(["liqprice", "--help"]).out.contains("USAGE: liqpipe liqprice --side long|short"))
        #expect(run(["run", "-h"]).code == 0)
        #expect(run(["--version"]).out == "liqpipe 0.1.0\n")
    }

    @Test(arguments: [
        (["bogus"], "liqpipe: error: unknown command 'bogus'"),
        (["run", "--nope"], "liqpipe: error: unknown option '--nope'"),
        (["run", "a.json", "b.json"], "liqpipe: error: unexpected argument 'b.json'"),
        (["run", "--out"], "liqpipe: error: option '--out' needs a value"),
        (["liqprice", "--side", "long"], "liqpipe: error: missing required option '--entry'"),
        (["liqprice", "--side", "up"], "liqpipe: error: option '--side': expected long or short, got 'up'"),
        (
            ["liqprice", "--side", "long", "--entry", "nan"],
            "liqpipe: error: option '--entry': expected a number, got 'nan'"
        ),
        (["liqprice", "--json", "--json"], "liqpipe: error: option '--json' given twice"),
        (["help", "bogus"], "liqpipe: error: no help for unknown command 'bogus'"),
        (["backfill"], "liqpipe: error: missing SPEC"),
        (["collect"], "liqpipe: error: missing SPEC"),
    ])
    func usageErrorsExitTwoWithOneLineAndTheSynopsis(arguments: [String], firstLine: String) {
        let result = run(arguments)
        #expect(result.code == 2)
        #expect(result.out.isEmpty)
        let lines = result.err.split(separator: "\n")
        #expect(lines.first.map(String.init) == firstLine)
        #expect(lines.count > 1 && lines[1].hasPrefix("USAGE: liqpipe"))
    }

    @Test func noArgumentsPrintsUsageAndExitsTwo() {
        let result = run([])
        #expect(result.code == 2)
        #expect(result.err.contains("USAGE: liqpipe <command>"))
    }

    @Test func specErrorsExitTwoNamingTheFile() throws {
        let directory = try ProjectPaths.temporaryDirectory("spec")
        let path = directory + "/bad.json"
        try Array(#"{"name":"x","venues":[{"venue":"okx","symbols":[]}]}"#.utf8).write(to: path)
        let result = run(["run", path])
        #expect(result.code == 2)
        #expect(
            result.err
                == "liqpipe: spec error: \(path): venues[0].symbols: expected a non-empty array of symbols, found array of 0\n"
        )
        let missing = run(["run", directory + "/absent.json"])
        #expect(missing.code == 2)
        #expect(missing.err.contains("absent.json: No such file or directory"))
    }
}

extension Array where Element == UInt8 {
    /// Writes the bytes to `path` (test helper).
    func write(to path: String) throws {
        try AtomicFile.write(self, to: path)
    }
}
