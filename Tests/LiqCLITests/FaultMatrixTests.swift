import Foundation
import LiqCLI
import LiqCore
import LiqEmit
import LiqTestSupport
import Synchronization
import Testing

/// The venue misbehaving, end to end: `liqpipe run` of OKX over loopback HTTP with one source — ETH's funding
/// history, or BTC's liquidation page — scripted to fail in each way venues do. For every fault: the right retry
/// or stop (request count), a clear error naming the URL (or nothing, when the fault is harmless), the other
/// sources' outputs kept byte for byte, nothing counted twice, and exit 3 when a source failed.
@Suite struct FaultMatrixTests {
    static let fundingTarget = "/api/v5/public/funding-rate-history?instId=ETH-USDT-SWAP&limit=100"
    static let liquidationTarget = "/api/v5/public/liquidation-orders?instType=SWAP&uly=BTC-USDT&state=filled&limit=100"

    /// One scripted fault: the answers to successive requests for `target` (the last one repeats).
    struct Fault: Sendable, CustomTestStringConvertible {
        var name: String
        var target: String
        var answers: [CannedResponse]
        /// 0, or 3 when the source fails (its error then contains `error`).
        var exitCode: Int32
        var error: String?
        var requests: Int
        /// A ban stops every later request to the venue in this run, whichever source it belongs to: which other
        /// sources fail then depends on the order the two workers reach them.
        var bansTheVenue = false
        var testDescription: String { name }
    }

    static func body(_ target: String) -> [UInt8] { RunCommandTests.okxFixtureResponse(target).body }

    /// The funding page with its JSON rewritten by `edit` (schema drift, duplicates, reordering).
    static func fundingPage(_ edit: (inout [[String: Any]]) -> Void) -> [UInt8] {
        let root = try! JSONSerialization.jsonObject(with: Data(body(fundingTarget))) as! [String: Any]
        var data = root["data"] as! [[String: Any]]
        edit(&data)
        var edited = root
        edited["data"] = data
        return Array(try! JSONSerialization.data(withJSONObject: edited, options: [.sortedKeys]))
    }

    static func ok(_ body: [UInt8], headers: [(name: String, value: String)] = [("Content-Type", "application/json")])
        -> CannedResponse
    {
        CannedResponse(status: 200, headers: headers, body: body)
    }

    static let faults: [Fault] = {
        let funding = body(fundingTarget)
        let liquidations = body(liquidationTarget)
        let gzip = Gzip.compress(funding)
        let url = "okx GET http://127.0.0.1:PORT" + fundingTarget
        return [
            Fault(
                name: "429 with Retry-After, then OK: retried once, nothing lost", target: fundingTarget,
                answers: [CannedResponse(status: 429, headers: [("Retry-After", "1")], text: "{}"), ok(funding)],
                exitCode: 0, error: nil, requests: 2),
            Fault(
                name: "503 with Retry-After, then OK", target: fundingTarget,
                answers: [CannedResponse(status: 503, headers: [("Retry-After", "1")], text: "busy"), ok(funding)],
                exitCode: 0, error: nil, requests: 2),
            Fault(
                name: "502 once", target: fundingTarget,
                answers: [CannedResponse(status: 502, text: "bad gateway"), ok(funding)],
                exitCode: 0, error: nil, requests: 2),
            Fault(
                name: "500 every time: given up after the attempts", target: fundingTarget,
                answers: [CannedResponse(status: 500, text: #"{"code":"50000"}"#)], exitCode: 3,
                error: url + #": HTTP 500: {"code":"50000"} (2 attempts)"#, requests: 2),
            Fault(
                name: "418 ban: not retried", target: fundingTarget,
                answers: [CannedResponse(status: 418, headers: [("Retry-After", "120")], text: "")], exitCode: 3,
                error: url + ": venue banned this IP (HTTP 418) until ", requests: 1, bansTheVenue: true),
            Fault(
                name: "451 geo-block: not retried", target: fundingTarget,
                answers: [CannedResponse(status: 451, text: "unavailable for legal reasons")], exitCode: 3,
                error: "451", requests: 1),
            Fault(
                name: "slower than the total timeout", target: fundingTarget,
                answers: [CannedResponse(status: 200, body: funding, delaySeconds: 5)], exitCode: 3,
                error: url + ": timed out (Operation timed out after ", requests: 2),
            Fault(
                name: "connection reset mid-body, then OK", target: fundingTarget,
                answers: [
                    CannedResponse(status: 200, body: funding, fault: .closeMidBody(afterBytes: 40)), ok(funding),
                ],
                exitCode: 0, error: nil, requests: 2),
            Fault(
                name: "truncated gzip body", target: fundingTarget,
                answers: [
                    CannedResponse(
                        status: 200, headers: [("Content-Encoding", "gzip")], body: Array(gzip.prefix(gzip.count / 2)))
                ], exitCode: 3, error: ":1:98: invalid JSON: expected a closing '\"', found end of input", requests: 1),
            Fault(
                name: "wrong Content-Type on a good body: read anyway", target: fundingTarget,
                answers: [ok(funding, headers: [("Content-Type", "text/html")])], exitCode: 0, error: nil, requests: 1),
            Fault(
                name: "HTML error page with 200", target: fundingTarget,
                answers: [
                    ok(Array("<html><body>Maintenance</body></html>".utf8), headers: [("Content-Type", "text/html")])
                ],
                exitCode: 3, error: "invalid JSON", requests: 1),
            Fault(
                name: "empty body", target: fundingTarget, answers: [ok([])], exitCode: 3, error: "invalid JSON",
                requests: 1),
            Fault(
                name: "body over maxBodyBytes", target: fundingTarget,
                answers: [ok(Array(repeating: UInt8(ascii: " "), count: 70_000) + funding)], exitCode: 3,
                error: "body larger than 65536 bytes", requests: 1),
            Fault(
                name: "renamed field", target: fundingTarget,
                answers: [
                    ok(
                        fundingPage {
                            $0 = $0.map {
                                var row = $0
                                row["time"] = row.removeValue(forKey: "fundingTime")
                                return row
                            }
                        })
                ], exitCode: 3, error: "data[0].fundingTime: expected a value, found nothing", requests: 1),
            Fault(
                name: "numbers instead of strings, extra fields: read as the same values", target: fundingTarget,
                answers: [
                    ok(
                        fundingPage {
                            $0 = $0.map {
                                var row = $0
                                row["fundingRate"] = Double(row["fundingRate"] as! String)!
                                row["fundingTime"] = Int64(row["fundingTime"] as! String)!
                                row["newField"] = ["nested": true]
                                return row
                            }
                        })
                ], exitCode: 0, error: nil, requests: 1),
            Fault(
                name: "every row twice, out of order: counted once", target: fundingTarget,
                answers: [ok(fundingPage { $0 = ($0 + $0).reversed() })], exitCode: 0, error: nil, requests: 1),
            Fault(
                name: "liquidations repeated and shuffled: counted once", target: liquidationTarget,
                answers: [
                    ok(
                        {
                            let root = try! JSONSerialization.jsonObject(with: Data(liquidations)) as! [String: Any]
                            var data = root["data"] as! [[String: Any]]
                            data[0]["details"] = Array(
                                ((data[0]["details"] as! [Any]) + (data[0]["details"] as! [Any])).reversed())
                            var edited = root
                            edited["data"] = data
                            return Array(try! JSONSerialization.data(withJSONObject: edited))
                        }())
                ], exitCode: 0, error: nil, requests: 1),
        ]
    }()

    struct Outcome {
        var code: Int32
        var err: String
        var directory: String
        func file(_ name: String) throws -> [UInt8] { try FileBytes.read(directory + "/" + name, maxBytes: 1 << 26) }
    }

    static func run(_ server: LoopbackHTTPServer, label: String) throws -> Outcome {
        let directory = try ProjectPaths.temporaryDirectory(label)
        let spec = directory + "/spec.json"
        try AtomicFile.write(
            Array(
                """
                {"name": "faults", "venues": [{"venue": "okx", "baseURL": "\(server.baseURL)",
                  "feeds": ["liquidations", "funding"], "symbols": ["BTC-USDT-SWAP", "ETH-USDT-SWAP"]}],
                 "http": {"maxAttempts": 2, "maxBackoffSeconds": 3, "totalTimeoutSeconds": 1, "maxBodyBytes": 65536}}
                """.utf8), to: spec)
        let captured = CapturedConsole()
        let code = CLI.run(["run", spec, "--out", directory + "/out", "--quiet"], console: captured.console)
        return Outcome(code: code, err: captured.err, directory: directory + "/out")
    }

    /// The clean run every faulted one is compared with.
    static let clean: Result<Outcome, any Error> = Result {
        let server = try LoopbackHTTPServer { RunCommandTests.okxFixtureResponse($0.target) }
        defer { server.stop() }
        return try run(server, label: "faults-clean")
    }

    @Test(arguments: faults)
    func eachFaultIsHandledAndReported(_ fault: Fault) throws {
        let clean = try Self.clean.get()
        #expect(clean.code == 0, "\(clean.err)")
        let served = Mutex(0)
        let server = try LoopbackHTTPServer { request in
            guard request.target == fault.target else { return RunCommandTests.okxFixtureResponse(request.target) }
            let index = served.withLock { count in
                defer { count += 1 }
                return count
            }
            return fault.answers[min(index, fault.answers.count - 1)]
        }
        defer { server.stop() }
        let outcome = try Self.run(server, label: "faults")
        #expect(outcome.code == fault.exitCode, "\(outcome.err)")
        #expect(served.withLock { $0 } == fault.requests)
        if fault.bansTheVenue {
            let expected = fault.error!.replacingOccurrences(of: "PORT", with: String(server.port))
            #expect(outcome.err.contains(expected), "\(outcome.err)")
            let warnings = outcome.err.split(separator: "\n").filter { $0.hasPrefix("liqpipe: warning: ") }
            #expect(warnings.allSatisfy { $0.contains("venue banned this IP (HTTP 418)") }, "\(outcome.err)")
            return
        }
        if let error = fault.error {
            let expected = error.replacingOccurrences(of: "PORT", with: String(server.port))
            let warnings = outcome.err.split(separator: "\n").filter { $0.hasPrefix("liqpipe: warning: ") }
            #expect(warnings.count == 1 && warnings[0].contains(expected), "\(outcome.err)")
            #expect(warnings.first?.contains(fault.target) == true, "the error names the URL: \(outcome.err)")
        } else {
            #expect(!outcome.err.contains("warning"), "\(outcome.err)")
        }
        // What the fault did not touch is kept as in the clean run; what it touched is identical when handled.
        let untouched = fault.target == Self.fundingTarget ? "liquidations.csv" : "funding.csv"
        #expect(try outcome.file(untouched) == clean.file(untouched))
        if fault.exitCode == 0 {
            #expect(try outcome.file("liquidations.csv") == clean.file("liquidations.csv"))
            #expect(try outcome.file("funding.csv") == clean.file("funding.csv"))
        } else {
            let snapshot = try JSONNode.parse(try outcome.file("snapshot.json"), origin: "snapshot.json")
            let failed = try snapshot.member("coverage").elements().filter {
                try $0.member("status").string() == "failed"
            }
            #expect(try failed.map { try $0.member("feed").string() } == ["funding"])
        }
    }
}
