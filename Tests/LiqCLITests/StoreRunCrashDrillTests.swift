import Foundation
import LiqCore
import LiqEmit
import Testing

@testable import LiqCLI

#if canImport(Glibc)
    @preconcurrency import Glibc
#endif

/// The built binary SIGKILLed at seeded random points of incremental runs (fetching, merging into the store,
/// writing outputs): after every kill the store and the outputs read back whole, and the run that finally
/// completes leaves exactly the store and outputs of a run never interrupted.
@Suite struct StoreRunCrashDrillTests {
    static func spec(in directory: String) throws -> String {
        let text = """
            {"name": "okx-crash", "venues": [{"venue": "okx", "fixtures": "\(ProjectPaths.fixtures)/okx",
              "maxPages": 10, "feeds": ["liquidations", "openInterest", "funding"],
              "symbols": ["BTC-USDT-SWAP", "ETH-USDT-SWAP", "BTC-USD-SWAP"]}],
             "outputs": {"directory": "\(directory)/out"},
             "store": {"directory": "store", "stateDirectory": "state", "windowHours": 72}}
            """
        try AtomicFile.write(Array(text.utf8), to: directory + "/spec.json")
        return directory + "/spec.json"
    }

    static func launch(_ binary: String, spec: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["run", spec, "--quiet"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Every regular file under `directory` (relative path → bytes), temporaries of a killed write excluded.
    static func files(_ directory: String) throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        let paths = FileManager.default.enumerator(atPath: directory)?.compactMap { $0 as? String } ?? []
        for path in paths {
            let name = path.split(separator: "/").last.map(String.init) ?? path
            guard FileBytes.isRegularFile(directory + "/" + path), !name.hasPrefix(".") else { continue }
            files[path] = try FileBytes.read(directory + "/" + path, maxBytes: 1 << 26)
        }
        return files
    }

    /// Every store file and every CSV output decodes in full.
    static func expectReadable(_ directory: String) throws {
        for (path, bytes) in try files(directory + "/store") {
            switch path.split(separator: "/").first {
            case "feed=liquidations": _ = try LiquidationsCSV.decode(bytes, origin: path)
            case "feed=openInterest": _ = try OpenInterestCSV.decode(bytes, origin: path)
            case "feed=funding": _ = try FundingCSV.decode(bytes, origin: path)
            default: Issue.record("unexpected store file \(path)")
            }
        }
        let out = try files(directory + "/out")
        if let bytes = out["liquidations.csv"] { _ = try LiquidationsCSV.decode(bytes, origin: "liquidations.csv") }
        if let bytes = out["snapshot.json"] { _ = try JSONNode.parse(bytes, origin: "snapshot.json") }
    }

    @Test func killedRunsLoseNothingAndDuplicateNothing() throws {
        guard let binary = CollectCommandTests.binary else { return }  // `swift build` first; CI always builds it
        let reference = try ProjectPaths.temporaryDirectory("crash-reference")
        let started = Date()
        let uninterrupted = try Self.launch(binary, spec: try Self.spec(in: reference))
        uninterrupted.waitUntilExit()
        #expect(uninterrupted.terminationStatus == 0)
        let duration = Date().timeIntervalSince(started)

        // Kill points stratified over a whole run's duration (one in each 1/points of it, at a seeded place), so
        // every phase is hit whatever this machine's speed: start-up, fetching, the store merge, the outputs.
        let directory = try ProjectPaths.temporaryDirectory("crash-drill")
        let spec = try Self.spec(in: directory)
        var random = SplitMix64(seed: 8)
        let points = DrillIterations.count(default: 8)
        var killed = 0
        for point in 0..<points {
            let process = try Self.launch(binary, spec: spec)
            let fraction = (Double(point) + Double.random(in: 0..<1, using: &random)) / Double(points)
            usleep(UInt32(duration * fraction * 1e6))
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                killed += 1
            }
            process.waitUntilExit()
            try Self.expectReadable(directory)
        }
        #expect(killed >= points / 2, "the drill killed only \(killed) of \(points) runs")
        let final = try Self.launch(binary, spec: spec)
        final.waitUntilExit()
        #expect(final.terminationStatus == 0)

        // Compared file by file, naming the differing ones (not dumping their bytes).
        let store = try Self.files(directory + "/store")
        let expectedStore = try Self.files(reference + "/store")
        #expect(Set(store.keys) == Set(expectedStore.keys))
        let differingStore = expectedStore.keys.filter { store[$0] != expectedStore[$0] }.sorted()
        #expect(differingStore.isEmpty, "store files differ from the uninterrupted run: \(differingStore)")
        let out = try Self.files(directory + "/out")
        let expected = try Self.files(reference + "/out")
        #expect(Set(out.keys) == Set(expected.keys))
        let differing = expected.keys.filter {
            $0 != "snapshot.json" && $0 != "liqpipe.prom" && out[$0] != expected[$0]
        }.sorted()
        #expect(differing.isEmpty, "outputs differ from the uninterrupted run: \(differing)")
        let state = try RunState.load(path: directory + "/state/" + RunState.fileName)
        let referenceState = try RunState.load(path: reference + "/state/" + RunState.fileName)
        #expect(state.cursors == referenceState.cursors)
    }
}
