import Glibc
import LiqCLI
import LiqCore
import LiqEmit
import LiqFetch

/// Runs one input through one target. Errors thrown by the code under test are the expected outcome for most
/// inputs and are ignored; what the fuzzer looks for is a trap, a sanitizer report, a hang or a runaway
/// allocation, plus the two consistency checks below, which trap on purpose when they fail.
struct FuzzHarness: Sendable {
    let target: FuzzTarget
    /// The venue's adapter with the demo selection and the fixtures' reference data (REST and stream targets).
    let venue: VenueBench?
    /// Where file-reading targets write the input; one per process, so parallel fuzzers never share it.
    let scratchPath: String

    init(target: FuzzTarget, fixturesRoot: String) throws {
        self.target = target
        switch target {
        case .rest(let venue), .stream(let venue):
            self.venue = try VenueBench(venue: venue, fixturesRoot: fixturesRoot)
        default:
            venue = nil
        }
        scratchPath = "/tmp/liqfuzz-\(getpid()).input"
    }

    func run(_ data: [UInt8]) {
        switch target {
        case .json: _ = try? JSONNode.parse(data, origin: "fuzz")
        case .rest: venue?.decodeREST(data)
        case .stream: venue?.decodeStream(data)
        case .archiveCSV: Self.parseArchiveCSV(data)
        case .binanceArchive: Self.decodeBinanceArchive(data)
        case .zip: readZip(data)
        case .capture: readCapture(data)
        case .webSocketFrames: WebSocketFramesHarness.run(data)
        case .spec: _ = try? SpecLoader.parse(data, path: "fuzz.json")
        case .storeCSV: Self.decodeStoreCSV(data)
        }
    }

    /// A chunk size from 1 to 256 taken from the first byte, so the fuzzer explores every way a stream can be
    /// split across reads; the rest of the input is the stream.
    static func chunked(_ data: [UInt8]) -> (size: Int, body: ArraySlice<UInt8>) {
        guard let first = data.first else { return (1, []) }
        return (Int(first) + 1, data.dropFirst())
    }

    static func parseArchiveCSV(_ data: [UInt8]) {
        let (size, body) = chunked(data)
        var parser = ArchiveCSVParser(origin: "fuzz.csv", maxLineBytes: 4096)
        var index = body.startIndex
        do {
            while index < body.endIndex {
                let end = min(index + size, body.endIndex)
                try parser.feed(Array(body[index..<end])) { _ in }
                index = end
            }
            try parser.finish { _ in }
        } catch {}
    }

    /// First byte: dataset (low bits) and market (bit 7); the rest is the file in one chunk.
    static func decodeBinanceArchive(_ data: [UInt8]) {
        guard let first = data.first else { return }
        let datasets = BinanceArchiveDataset.allCases
        let markets = BinanceArchiveMarket.allCases
        let dataset = datasets[Int(first & 0x7F) % datasets.count]
        let market = markets[Int(first >> 7) % markets.count]
        let symbol = market == .um ? "BTCUSDT" : "BTCUSD_PERP"
        var decoder = BinanceArchiveFileDecoder(
            dataset: dataset, market: market, symbol: symbol, origin: "fuzz.csv", batchSize: 64)
        do {
            try decoder.feed(Array(data.dropFirst())) { _ in }
            try decoder.finish { _ in }
        } catch {}
    }

    static func decodeStoreCSV(_ data: [UInt8]) {
        _ = try? LiquidationsCSV.decode(data, origin: "fuzz.csv")
        _ = try? OpenInterestCSV.decode(data, origin: "fuzz.csv")
        _ = try? FundingCSV.decode(data, origin: "fuzz.csv")
        _ = try? MarkPriceCSV.decode(data, origin: "fuzz.csv")
        _ = try? PriceBarsCSV.decode(data, origin: "fuzz.csv")
    }

    /// Every entry read to its end, as the backfill reads a downloaded archive: from memory (CRC and size checks
    /// included).
    func readZip(_ data: [UInt8]) {
        do {
            let archive = try ZipArchive(bytes: data, path: "fuzz.zip")
            for entry in archive.entries where !entry.isDirectory {
                let reader = try archive.openEntry(entry, chunkBytes: 4096)
                while try reader.nextChunk() != nil {}
            }
            _ = try archive.singleFileEntry()
        } catch {}
    }

    /// Every line read, as a replay reads a capture (gzip members verified, torn tails reported).
    func readCapture(_ data: [UInt8]) {
        guard writeScratch(data) else { return }
        do {
            let reader = try CaptureReader(path: scratchPath, maxLineBytes: 1 << 16, memberHoldBytes: 1 << 18)
            while try reader.nextLine() != nil {}
        } catch {}
    }

    private func writeScratch(_ data: [UInt8]) -> Bool {
        guard let file = fopen(scratchPath, "wb") else { return false }
        defer { fclose(file) }
        return data.isEmpty || fwrite(data, 1, data.count, file) == data.count
    }
}
