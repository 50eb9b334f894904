import Foundation
import LiqCLI
import LiqCore
import LiqEmit
import LiqFetch
import LiqTestSupport
import Testing

/// `liqpipe collect` against a loopback server speaking Binance USDⓈ-M's combined stream: the real subscription
/// URL, the demo's recorded `!forceOrder@arr` messages and a `!markPrice@arr@1s` push; instruments come from the
/// demo fixtures, so nothing leaves 127.0.0.1.
@Suite(.serialized) struct CollectCommandTests {
    static let streamPath = "/market/stream?streams=!forceOrder@arr/!markPrice@arr@1s"
    static let markPrice =
        #"{"stream":"!markPrice@arr@1s","data":[{"e":"markPriceUpdate","E":1760126700000,"s":"BTCUSDT","#
        + #""p":"121000.10","P":"121010.00","i":"121005.00","r":"0.00010000","T":1760140800000}]}"#

    /// The first `count` lines of the demo's forceOrder capture.
    static func recordedLines(_ count: Int) throws -> [String] {
        let path = ProjectPaths.fixtures + "/binance-usdm/captures/fstream-market-forceOrder-2025-10-10T20.ndjson"
        let text = String(decoding: try FileBytes.read(path, maxBytes: 16 << 20), as: UTF8.self)
        return Array(text.split(separator: "\n").prefix(count).map(String.init))
    }

    /// A server that checks the subscription URL, sends `lines` then the mark price, and — when `keepPushing` — a
    /// mark price every 50 ms until the client goes away.
    static func binanceServer(lines: [String], keepPushing: Bool = false) throws -> LoopbackWebSocketServer {
        try LoopbackWebSocketServer { peer in
            guard peer.request.target == streamPath else {
                throw LoopbackWebSocketError("unexpected request target \(peer.request.target)")
            }
            for line in lines { try peer.sendText(line) }
            try peer.sendText(markPrice)
            if keepPushing {
                while (try? peer.sendText(markPrice)) != nil { usleep(50_000) }
            } else {
                try peer.waitForClientToHangUp(timeoutSeconds: 30)
            }
        }
    }

    static func writeSpec(in directory: String, port: UInt16) throws -> String {
        let spec = """
            {"name": "collect-test",
             "venues": [{"venue": "binance-usdm", "fixtures": "\(ProjectPaths.fixtures)/binance-usdm",
                         "symbols": ["BTCUSDT", "ETHUSDT"], "feeds": ["liquidations", "markPrice", "funding"],
                         "streamURL": "ws://127.0.0.1:\(port)/market"}],
             "collector": {"directory": "captures", "stateDirectory": "state", "flushIntervalMs": 50,
                           "stateIntervalMs": 100}}
            """
        let path = directory + "/spec.json"
        try AtomicFile.write(Array(spec.utf8), to: path)
        return path
    }

    static func files(under directory: String) -> [String] {
        (FileManager.default.enumerator(atPath: directory)?.allObjects as? [String] ?? []).filter {
            $0.hasSuffix(".gz") || $0.hasSuffix(".part")
        }.sorted()
    }

    static func state(_ directory: String) throws -> [String: Any] {
        let bytes = try FileBytes.read(directory + "/state/collector.json", maxBytes: 1 << 20)
        return try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    @Test func collectsForADurationAndDecodesTheCaptureBack() throws {
        let lines = try Self.recordedLines(40)
        let server = try Self.binanceServer(lines: lines)
        defer { server.stop() }
        let directory = try ProjectPaths.temporaryDirectory("collect")
        let spec = try Self.writeSpec(in: directory, port: server.port)
        let captured = CapturedConsole()
        let code = CLI.run(["collect", spec, "--duration", "2s"], console: captured.console)
        #expect(code == 0, "\(captured.err)")
        #expect(server.scriptErrors == [])
        // One closed segment, nothing left open.
        let segments = Self.files(under: directory + "/captures")
        #expect(
            segments.count == 1 && segments.allSatisfy { $0.hasPrefix("binance-usdm/") && $0.hasSuffix(".ndjson.gz") })
        let state = try Self.state(directory)
        #expect(state["finished"] as? Bool == true)
        #expect(state["messages"] as? Int == 41)
        #expect(state["recordsWritten"] as? Int == 41)
        #expect(state["segmentsClosed"] as? Int == 1)
        let connections = try #require(state["connections"] as? [[String: Any]])
        #expect(connections.map { $0["label"] as? String } == ["binance-usdm/forceOrder+markPrice"])
        #expect(connections.first?["state"] as? String == "stopped")
        #expect(captured.out.contains("41 messages stored"), "\(captured.out)")
        #expect(captured.err.contains("connected to ws://127.0.0.1:\(server.port)/market/stream"), "\(captured.err)")

        // The capture decodes to exactly what the recorded lines decode to.
        let fromCapture = CapturedConsole()
        #expect(
            CLI.run(
                [
                    "decode", "--venue", "binance-usdm", "--feed", "liquidations", "--format", "csv",
                    directory + "/captures/" + segments[0],
                ], console: fromCapture.console) == 0, "\(fromCapture.err)")
        let rawPath = directory + "/raw.ndjson"
        try AtomicFile.write(Array((lines.joined(separator: "\n") + "\n").utf8), to: rawPath)
        let fromRaw = CapturedConsole()
        #expect(
            CLI.run(
                ["decode", "--venue", "binance-usdm", "--feed", "liquidations", "--format", "csv", rawPath],
                console: fromRaw.console) == 0)
        #expect(fromCapture.out == fromRaw.out)
        #expect(fromRaw.out.split(separator: "\n").count == 41)  // header + 40 liquidations

        // `run` reads the closed segment from the collector directory; `replay` of the captures gives the same
        // bytes in every output file.
        let run = CapturedConsole()
        let runCode = CLI.run(["run", spec, "--out", directory + "/run", "--quiet"], console: run.console)
        #expect(runCode != 1, "\(run.err)")
        #expect(run.err.contains("read 1 closed segment, 1 new since the cursor"), "\(run.err)")
        let replay = CapturedConsole()
        let replayCode = CLI.run(
            ["replay", spec, directory + "/captures", "--out", directory + "/replay", "--quiet"],
            console: replay.console)
        #expect(replayCode == runCode, "\(replay.err)")
        let names = try RunCommandTests.outputFiles(directory + "/run")
        let replayed = try RunCommandTests.outputFiles(directory + "/replay")
        #expect(names.contains("liquidations.csv") && names == replayed)
        for name in names {
            let original = try FileBytes.read(directory + "/run/" + name, maxBytes: 64 << 20)
            let again = try FileBytes.read(directory + "/replay/" + name, maxBytes: 64 << 20)
            #expect(original == again, "\(name) differs")
        }
        let liquidations = String(
            decoding: try FileBytes.read(directory + "/run/liquidations.csv", maxBytes: 1 << 20), as: UTF8.self)
        #expect(liquidations.split(separator: "\n").count == 41)
    }

    @Test func specWithoutCollectorBlockIsAUsageError() throws {
        let captured = CapturedConsole()
        #expect(CLI.run(["collect", ProjectPaths.demoSpec, "--duration", "1s"], console: captured.console) == 2)
        #expect(captured.err.contains("has no \"collector\" block"), "\(captured.err)")
    }

    @Test(arguments: ["0s", "-5", "5x", "1.5h", ""])
    func badDurationIsAUsageError(_ text: String) {
        let captured = CapturedConsole()
        #expect(CLI.run(["collect", ProjectPaths.demoSpec, "--duration", text], console: captured.console) == 2)
        #expect(captured.err.contains("option '--duration'"), "\(captured.err)")
    }

    /// The built `liqpipe` binary, for the signal tests (a process of its own); nil when not built.
    static var binary: String? {
        let path = ProjectPaths.root + "/.build/debug/liqpipe"
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }

    static func launch(_ binary: String, spec: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["collect", spec, "--quiet"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Waits (up to 20 s) until `process` wrote a collector.json reporting at least `messages`; returns that count.
    @discardableResult
    static func waitForMessages(_ directory: String, _ messages: Int, from process: Process) throws -> Int {
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            if let state = try? state(directory), state["pid"] as? Int == Int(process.processIdentifier),
                let count = state["messages"] as? Int, count >= messages
            {
                return count
            }
            usleep(50_000)
        }
        Issue.record("collector.json of pid \(process.processIdentifier) never reported \(messages) messages")
        return 0
    }

    @Test func sigtermStopsCleanlyAndSigkillLosesOnlyTheLastFlush() throws {
        guard let binary = Self.binary else { return }  // `swift build` first; CI always builds it
        let lines = try Self.recordedLines(20)
        let server = try Self.binanceServer(lines: lines, keepPushing: true)
        defer { server.stop() }
        let directory = try ProjectPaths.temporaryDirectory("collect-signals")
        let spec = try Self.writeSpec(in: directory, port: server.port)

        // SIGKILL mid-hour: the open segment stays `.part`, but every flushed member reads back.
        let killed = try Self.launch(binary, spec: spec)
        let counted = try Self.waitForMessages(directory, 25, from: killed)
        usleep(300_000)  // > flushIntervalMs (50 ms): every message counted then is flushed by now
        kill(killed.processIdentifier, SIGKILL)
        killed.waitUntilExit()
        let parts = Self.files(under: directory + "/captures")
        #expect(parts.count == 1 && parts[0].hasSuffix(".ndjson.gz.part"), "\(parts)")
        let reader = try CaptureReader(path: directory + "/captures/" + parts[0])
        var read = 0
        while try reader.nextLine() != nil { read += 1 }
        #expect(read >= counted, "read \(read) lines, the state file counted \(counted)")
        #expect(reader.warnings.count <= 1)

        // The next collector finalises that segment, starts a new one, and SIGTERM closes it cleanly.
        let stopped = try Self.launch(binary, spec: spec)
        try Self.waitForMessages(directory, 25, from: stopped)
        let recovered = try #require(try Self.state(directory)["recoveredSegments"] as? [[String: Any]])
        #expect(recovered.count == 1)
        kill(stopped.processIdentifier, SIGTERM)
        let deadline = Date().addingTimeInterval(15)
        while stopped.isRunning, Date() < deadline { usleep(50_000) }
        if stopped.isRunning {
            Issue.record("SIGTERM did not stop the collector within 15 s")
            kill(stopped.processIdentifier, SIGKILL)
        }
        stopped.waitUntilExit()
        #expect(stopped.terminationReason == .exit && stopped.terminationStatus == 0)
        let closed = Self.files(under: directory + "/captures")
        #expect(closed.count == 2 && closed.allSatisfy { $0.hasSuffix(".ndjson.gz") }, "\(closed)")
        #expect(try Self.state(directory)["finished"] as? Bool == true)
    }
}
