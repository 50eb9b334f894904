import Foundation
import LiqCore
import LiqFetch

/// `liqbench csv`: the archive CSV path on synthetic USDⓈ-M 1-minute kline files, fed in 256 KiB chunks as the
/// zip reader hands them over, on one thread: the parser alone (fields split, nothing converted), the parser
/// with every numeric cell converted, and the whole file decoder producing `VenueRecord` batches.
struct CSVCommand {
    static let usage = "usage: liqbench csv [--mb N] [--runs R]"

    /// CSV text in MB (10⁶ bytes).
    let megabytes: Int
    /// Timed passes per candidate; the median is reported.
    let runs: Int

    init?(options: ArraySlice<String>) {
        guard let parsed = SizeAndRuns(options, megabytes: 100, runs: 5) else { return nil }
        (megabytes, runs) = (parsed.megabytes, parsed.runs)
    }

    func run() {
        print("liqbench csv — \(Machine.describe()), single thread, 256 KiB chunks")
        let (chunks, rows) = Self.klineChunks(bytes: megabytes * 1_000_000)
        let bytes = chunks.reduce(0) { $0 + $1.count }
        print("\(String(format: "%.1f", Double(bytes) / 1e6)) MB, \(rows) rows, median of \(runs) runs")
        measure("parser: split fields", bytes: bytes, rows: rows) {
            var parser = ArchiveCSVParser(origin: "bench.csv")
            var fields = 0
            for chunk in chunks { try parser.feed(chunk) { row in fields &+= row.count } }
            try parser.finish { row in fields &+= row.count }
            return Double(fields)
        }
        measure("parser + decimal/timestamp cells", bytes: bytes, rows: rows) {
            var parser = ArchiveCSVParser(origin: "bench.csv")
            var sum = 0.0
            let visit: (ArchiveCSVRow) throws -> Void = { row in
                sum += Double(try row.timestampMs(0) &+ row.timestampMs(6) &+ row.int64(8))
                for index in [1, 2, 3, 4, 5, 7, 9, 10] { sum += try row.decimal(index) }
            }
            for chunk in chunks { try parser.feed(chunk, visit) }
            try parser.finish(visit)
            return sum
        }
        measure("file decoder → VenueRecord batches", bytes: bytes, rows: rows) {
            var decoder = BinanceArchiveFileDecoder(
                dataset: .klines, market: .um, symbol: "BTCUSDT", origin: "bench.csv")
            var sum = 0.0
            let take: ([VenueRecord]) -> Void = { batch in
                for case .priceBar(let bar) in batch { sum += bar.close + bar.volume }
            }
            for chunk in chunks { try decoder.feed(chunk, take) }
            try decoder.finish(take)
            return sum
        }
    }

    private func measure(_ name: String, bytes: Int, rows: Int, _ pass: () throws -> Double) {
        do {
            let digest = try pass()
            var wall: [Double] = []
            var cpu: [Double] = []
            for _ in 0..<runs {
                let (wallStart, cpuStart) = (Self.now(CLOCK_MONOTONIC), Self.now(CLOCK_THREAD_CPUTIME_ID))
                let repeated = try pass()
                cpu.append(Self.now(CLOCK_THREAD_CPUTIME_ID) - cpuStart)
                wall.append(Self.now(CLOCK_MONOTONIC) - wallStart)
                precondition(repeated == digest, "\(name) read differently on a repeated pass")
            }
            let (wallSeconds, cpuSeconds) = (wall.sorted()[runs / 2], cpu.sorted()[runs / 2])
            print(
                name.padding(toLength: 36, withPad: " ", startingAt: 0)
                    + String(
                        format: "%8.1f MB/s wall %8.1f MB/s CPU %12.0f rows/s CPU", Double(bytes) / 1e6 / wallSeconds,
                        Double(bytes) / 1e6 / cpuSeconds, Double(rows) / cpuSeconds))
        } catch {
            FileHandle.standardError.write(Data("liqbench csv: \(name) failed: \(error)\n".utf8))
            exit(1)
        }
    }

    /// `ArchiveCommand.klineCSV` (seeded, so every run measures the same bytes) cut into 256 KiB chunks regardless
    /// of line ends, as the zip reader hands them over.
    static func klineChunks(bytes: Int) -> (chunks: [[UInt8]], rows: Int) {
        let text = ArchiveCommand.klineCSV(bytes: bytes)
        let rows = text.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } - 1
        let chunkSize = 256 << 10
        let chunks = stride(from: 0, to: text.count, by: chunkSize).map {
            Array(text[$0..<min(text.count, $0 + chunkSize)])
        }
        return (chunks, rows)
    }

    private static func now(_ clock: clockid_t) -> Double {
        var time = timespec()
        clock_gettime(clock, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }
}
