import Foundation
import LiqCLI
import LiqCore
import LiqEmit
import LiqTestSupport
import Testing

/// `run` reads a spec's captures as the collector writes them (gzip members of enveloped lines) exactly as it
/// reads the old plain files of bare messages, and reports a torn gzip tail as a warning.
@Suite struct CaptureRunTests {
    static let plainCapture =
        ProjectPaths.fixtures + "/binance-usdm/captures/fstream-market-forceOrder-2025-10-10T20.ndjson"

    static func spec(capture: String, directory: String) throws -> String {
        let path = directory + "/spec.json"
        let text = """
            {"name": "captures", "venues": [{"venue": "binance-usdm", "fixtures": "\(ProjectPaths.fixtures)/binance-usdm",
              "captures": ["\(capture)"], "symbols": ["BTCUSDT", "ETHUSDT"], "feeds": ["liquidations"]}]}
            """
        try AtomicFile.write(Array(text.utf8), to: path)
        return path
    }

    static func run(capture: String, directory: String) throws -> (code: Int32, err: String, csv: [UInt8]) {
        let out = directory + "/out-\(UUID().uuidString)"
        let captured = CapturedConsole()
        let code = CLI.run(
            ["run", try spec(capture: capture, directory: directory), "--out", out, "--quiet"],
            console: captured.console)
        return (code, captured.err, try FileBytes.read(out + "/liquidations.csv", maxBytes: 64 << 20))
    }

    /// The fixture's bare lines in collector envelopes, compressed as three gzip members.
    static func envelopedMembers() throws -> [UInt8] {
        let lines = try FileBytes.read(plainCapture, maxBytes: 16 << 20).split(separator: 0x0A)
        let enveloped = lines.enumerated().map { index, line in
            Array(
                #"{"receivedMs":\#(1_760_126_400_000 + index),"venue":"binance-usdm","connection":"/market/stream","message":"#
                    .utf8)
                + line + Array("}\n".utf8)
        }
        let third = (enveloped.count + 2) / 3
        return stride(from: 0, to: enveloped.count, by: third).flatMap {
            Gzip.compress(Array(enveloped[$0..<min($0 + third, enveloped.count)].joined()))
        }
    }

    /// One test with three runs (each renders every output, a few seconds in debug builds).
    @Test func gzipEnvelopeCaptureGivesThePlainOnesLiquidationsAndATornTailIsAWarning() throws {
        let directory = try ProjectPaths.temporaryDirectory("captures")
        let plain = try Self.run(capture: Self.plainCapture, directory: directory)
        #expect(plain.code == 0, "\(plain.err)")
        #expect(plain.csv.filter { $0 == 0x0A }.count > 10)

        let members = try Self.envelopedMembers()
        let gzipPath = directory + "/binance-usdm-20251010T20.ndjson.gz"
        try AtomicFile.write(members, to: gzipPath)
        let gzip = try Self.run(capture: gzipPath, directory: directory)
        #expect(gzip.code == 0, "\(gzip.err)")
        #expect(gzip.csv == plain.csv)

        // The collector's open hour after a crash: complete members, then a member cut short.
        let torn = Gzip.compress(Array(#"{"receivedMs":1,"venue":"binance-usdm","connection":"c","message":{}}"#.utf8))
        let partPath = directory + "/binance-usdm-20251010T21.ndjson.gz.part"
        try AtomicFile.write(members + torn.dropLast(5), to: partPath)
        let outcome = try Self.run(capture: partPath, directory: directory)
        #expect(outcome.code == 3)
        #expect(outcome.csv == plain.csv)
        #expect(
            outcome.err
                == "liqpipe: warning: binance-usdm liquidations: \(partPath): gzip member at byte offset "
                + "\(members.count) is truncated (the file ends at byte \(members.count + torn.count - 5))\n")
    }
}
