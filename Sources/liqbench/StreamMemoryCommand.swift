import Foundation
import LiqCore
import LiqEmit
import LiqFetch
import LiqNormalise
import LiqTestSupport

/// `liqbench stream`: peak memory of the two streaming ingest paths at 1× and 10× the input, each size read in a
/// fresh process (and written by another), so the ratio of peak RSS is the paths' own (target ≤ 1.2×):
///
/// - **capture**: a directory of gzip capture segments written by the collector's `CaptureSegmentWriter`
///   (enveloped lines, 1 MiB members, one segment per hour of receive time) holding N MB of Binance `!forceOrder@arr` messages, read
///   as `liqpipe run` reads captures (`CaptureReader` → `CaptureLine.parse` → `BinanceStreamDecoder`, fast path, in
///   batches of 512 lines) and normalised;
/// - **archive**: a Binance-archive-shaped zip of N MB of 1-minute kline CSV, read as `backfill` reads it
///   (`ZipArchive` → `BinanceArchiveFileDecoder` → `Normaliser.priceBar` → `PriceBarsCSV.encode`, 256 KiB chunks).
struct StreamMemoryCommand {
    static let usage = "usage: liqbench stream [--mb N] [--factors 1,10]"

    enum Mode {
        case compare(megabytes: Int, factors: [Int])
        case writeCapture(directory: String, megabytes: Int)
        case readCapture(directory: String)
        case writeZip(path: String, megabytes: Int)
        case readZip(path: String)
    }

    let mode: Mode

    init?(options: ArraySlice<String>) {
        var options = options
        var megabytes = 10
        var factors = [1, 10]
        var mode: Mode?
        while let flag = options.popFirst() {
            guard let value = options.popFirst() else { return nil }
            switch flag {
            case "--mb":
                guard let number = Int(value), number > 0 else { return nil }
                megabytes = number
            case "--factors":
                guard let list = ChildRun.integers(value) else { return nil }
                factors = list
            case "--write-capture": mode = .writeCapture(directory: value, megabytes: megabytes)
            case "--read-capture": mode = .readCapture(directory: value)
            case "--write-zip": mode = .writeZip(path: value, megabytes: megabytes)
            case "--read-zip": mode = .readZip(path: value)
            default: return nil
            }
        }
        self.mode = mode ?? .compare(megabytes: megabytes, factors: factors)
    }

    func run() {
        switch mode {
        case .compare(let megabytes, let factors): compare(megabytes: megabytes, factors: factors)
        case .writeCapture(let directory, let megabytes): Self.writeCapture(directory: directory, megabytes: megabytes)
        case .readCapture(let directory): Self.readCapture(directory: directory)
        case .writeZip(let path, let megabytes): Self.writeZip(path: path, megabytes: megabytes)
        case .readZip(let path): Self.readZip(path: path)
        }
    }

    private func compare(megabytes: Int, factors: [Int]) {
        print("liqbench stream — \(Machine.describe()), single thread, one process per path and size")
        let work = NSTemporaryDirectory() + "liqbench-stream-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: work) }
        var rows: [(path: String, factor: Int, figures: [Double])] = []
        for factor in factors {
            let size = megabytes * factor
            let captures = "\(work)/captures-\(factor)"
            try? FileManager.default.createDirectory(atPath: captures, withIntermediateDirectories: true)
            _ = ChildRun.run(["stream", "--mb", "\(size)", "--write-capture", captures])
            rows.append(
                ("capture", factor, ChildRun.run(["stream", "--read-capture", captures]).map { Double($0) ?? .nan }))
            try? FileManager.default.removeItem(atPath: captures)
            let zip = "\(work)/BTCUSDT-1m-\(factor).zip"
            _ = ChildRun.run(["stream", "--mb", "\(size)", "--write-zip", zip])
            rows.append(("archive", factor, ChildRun.run(["stream", "--read-zip", zip]).map { Double($0) ?? .nan }))
            try? FileManager.default.removeItem(atPath: zip)
        }
        print("\npath      factor   input MB   records    CPU s    MB/s CPU   peak RSS MiB   × the first factor")
        for path in ["capture", "archive"] {
            let mine = rows.filter { $0.path == path }
            guard let first = mine.first?.figures[4] else { continue }
            for row in mine {
                let (bytes, records, cpu, peak) = (row.figures[0], row.figures[1], row.figures[3], row.figures[4])
                print(
                    path.padding(toLength: 8, withPad: " ", startingAt: 0)
                        + String(
                            format: "%6d× %10.1f %9.0f %8.2f %10.1f %14.1f %12.2f×", row.factor, bytes / 1e6, records,
                            cpu, bytes / 1e6 / cpu, peak / 1_048_576, peak / first))
            }
        }
    }

    /// Segments of `megabytes` MB of messages, generated 4 MB at a time so the writer's process stays small too.
    private static func writeCapture(directory: String, megabytes: Int) {
        // Members of 1 MiB: the time-based flush (every second of receive time, each with an fsync) would make
        // writing 200 MB take minutes and changes nothing the reader holds (a member at most, up to 16 MiB).
        let writer = CaptureSegmentWriter(directory: directory, flushBytes: 1 << 20, flushIntervalMs: .max)
        var receivedMs: Int64 = 1_760_126_400_000
        var written = 0
        var seed: UInt64 = 100
        do {
            while written < megabytes * 1_000_000 {
                let bytes = min(4_000_000, megabytes * 1_000_000 - written)
                for line in SyntheticFeed.binanceForceOrders(bytes: bytes, seed: seed) {
                    receivedMs += 40
                    try writer.append(
                        CaptureRecord(receivedMs: receivedMs, venue: "binance-usdm", connection: "0", message: line))
                    written += line.count
                }
                seed += 1
            }
            try writer.close()
        } catch {
            ChildRun.fail("writing captures: \(error)")
        }
        ChildRun.report(["\(written)"])
    }

    private static func readCapture(directory: String) {
        let registry = InstrumentRegistry(
            SyntheticFeed.instruments.map {
                Instrument(
                    venue: .binanceUSDM, symbol: $0.binanceSymbol, baseAsset: String($0.binanceSymbol.dropLast(4)),
                    quoteAsset: "USDT", settleAsset: "USDT", kind: .perpetual, margining: .linear,
                    contractSize: ContractSize(value: 1, unit: .base))
            })
        let normaliser = Normaliser(registry: registry)
        var decoder = BinanceStreamDecoder(
            venue: .binanceUSDM, symbols: Set(SyntheticFeed.instruments.map(\.binanceSymbol)), feeds: [.liquidations])
        var (bytes, events, notional) = (0, 0, 0.0)
        let (wall, cpu) = (BenchClock.wall(), BenchClock.threadCPU())
        do {
            for segment in try CaptureDirectory.closedSegments(in: directory) {
                let reader = try CaptureReader(path: segment.path)
                var batch: [VenueRecord] = []
                func flush() throws {
                    for case .liquidation(let record) in batch {
                        notional += try normaliser.liquidation(record).notionalUSD
                        events += 1
                    }
                    batch.removeAll(keepingCapacity: true)
                }
                var lines = 0
                while let line = try reader.nextLine() {
                    let capture = try CaptureLine.parse(line, path: segment.path, lineNumber: reader.lineNumber)
                    bytes += capture.message.count
                    batch += try decoder.decode(line: Array(capture.message), origin: segment.path)
                    lines += 1
                    if lines % 512 == 0 { try flush() }
                }
                try flush()
            }
        } catch {
            ChildRun.fail("reading captures: \(error)")
        }
        finish(
            "capture", bytes: bytes, records: events, wall: BenchClock.wall() - wall,
            cpu: BenchClock.threadCPU() - cpu, detail: String(format: "%.0f USD", notional))
    }

    private static func writeZip(path: String, megabytes: Int) {
        let csv = ArchiveCommand.klineCSV(bytes: megabytes * 1_000_000)
        let zip = ZipFile.make([(name: ArchiveCommand.csvName, bytes: csv)])
        guard FileManager.default.createFile(atPath: path, contents: Data(zip)) else {
            ChildRun.fail("cannot write \(path)")
        }
        ChildRun.report(["\(csv.count)"])
    }

    private static func readZip(path: String) {
        let instrument = Instrument(
            venue: .binanceUSDM, symbol: "BTCUSDT", baseAsset: "BTC", quoteAsset: "USDT", settleAsset: "USDT",
            kind: .perpetual, margining: .linear, contractSize: ContractSize(value: 1, unit: .base))
        let normaliser = Normaliser(registry: InstrumentRegistry([instrument]))
        var (bytes, rows, stored) = (0, 0, 0)
        let (wall, cpu) = (BenchClock.wall(), BenchClock.threadCPU())
        do {
            let archive = try ZipArchive(path: path)
            let entry = try archive.singleFileEntry()
            bytes = entry.uncompressedSize
            let reader = try archive.openEntry(entry)
            var decoder = BinanceArchiveFileDecoder(dataset: .klines, market: .um, symbol: "BTCUSDT", origin: path)
            let store: ([VenueRecord]) throws -> Void = { batch in
                var bars: [PriceBar] = []
                bars.reserveCapacity(batch.count)
                for case .priceBar(let bar) in batch { bars.append(try normaliser.priceBar(bar)) }
                rows += bars.count
                stored += PriceBarsCSV.encode(bars).count
            }
            while let chunk = try reader.nextChunk() { try decoder.feed(chunk, store) }
            try decoder.finish(store)
        } catch {
            ChildRun.fail("reading \(path): \(error)")
        }
        finish(
            "archive", bytes: bytes, records: rows, wall: BenchClock.wall() - wall, cpu: BenchClock.threadCPU() - cpu,
            detail: "\(stored) bytes of store CSV")
    }

    /// Prints the child's line and its `@` figures: input bytes, records, wall s, CPU s, peak RSS bytes.
    private static func finish(
        _ path: String, bytes: Int, records: Int, wall: Double, cpu: Double, detail: String
    ) {
        let peak = ProcessMemory.peakResidentBytes() ?? 0
        print(
            "\(path): \(String(format: "%.1f", Double(bytes) / 1e6)) MB → \(records) records (\(detail)) in "
                + "\(String(format: "%.2f", cpu)) s CPU; peak RSS \(String(format: "%.1f", Double(peak) / 1_048_576)) MiB"
        )
        ChildRun.report(["\(bytes)", "\(records)", "\(wall)", "\(cpu)", "\(peak)"])
    }
}
