import Foundation
import LiqCore
import LiqEmit
import LiqFetch
import LiqNormalise

/// `liqbench archive`: the backfill path on one Binance-archive-shaped zip — zip → inflate → CSV → records →
/// normalise → store CSV — next to inflate alone, on one thread. `--make DIR --mb N` writes the synthetic kline CSV
/// (deterministic: SplitMix64) that `bench/archive.sh` zips with `zip` and hands to pandas and polars too.
struct ArchiveCommand {
    static let usage = "usage: liqbench archive --make DIR [--mb N] | --zip FILE [--runs R]"

    enum Mode {
        case make(directory: String, megabytes: Int)
        case measure(zip: String, runs: Int)
    }

    let mode: Mode
    static let csvName = "BTCUSDT-1m-2025-10-10.csv"

    init?(options: ArraySlice<String>) {
        var options = options
        var make: String?
        var zip: String?
        var megabytes = 200
        var runs = 3
        while let flag = options.popFirst() {
            guard let value = options.popFirst() else { return nil }
            switch flag {
            case "--make": make = value
            case "--zip": zip = value
            case "--mb":
                guard let number = Int(value), number > 0 else { return nil }
                megabytes = number
            case "--runs":
                guard let number = Int(value), number > 0 else { return nil }
                runs = number
            default: return nil
            }
        }
        switch (make, zip) {
        case (let directory?, nil): mode = .make(directory: directory, megabytes: megabytes)
        case (nil, let file?): mode = .measure(zip: file, runs: runs)
        default: return nil
        }
    }

    func run() {
        switch mode {
        case .make(let directory, let megabytes):
            let text = Self.klineCSV(bytes: megabytes * 1_000_000)
            let path = directory + "/" + Self.csvName
            guard FileManager.default.createFile(atPath: path, contents: Data(text)) else {
                FileHandle.standardError.write(Data("liqbench archive: cannot write \(path)\n".utf8))
                exit(1)
            }
            print("wrote \(path): \(text.count) bytes")
        case .measure(let zip, let runs):
            measure(zip: zip, runs: runs)
        }
    }

    private func measure(zip: String, runs: Int) {
        print("liqbench archive — \(Machine.describe()), single thread, \(zip), median of \(runs) runs")
        let instrument = Instrument(
            venue: .binanceUSDM, symbol: "BTCUSDT", baseAsset: "BTC", quoteAsset: "USDT", settleAsset: "USDT",
            kind: .perpetual, margining: .linear, contractSize: ContractSize(value: 1, unit: .base))
        let normaliser = Normaliser(registry: InstrumentRegistry([instrument]))
        var csvBytes = 0
        var rows = 0
        func pass(_ body: (ZipEntryReader) throws -> Void) throws -> Double {
            let archive = try ZipArchive(path: zip)
            let entry = try archive.singleFileEntry()
            csvBytes = entry.uncompressedSize
            let start = Self.now(CLOCK_THREAD_CPUTIME_ID)
            try body(try archive.openEntry(entry))
            return Self.now(CLOCK_THREAD_CPUTIME_ID) - start
        }
        let candidates: [(String, (ZipEntryReader) throws -> Void)] = [
            (
                "zip → inflate (CRC-32 checked)",
                { reader in while try reader.nextChunk() != nil {} }
            ),
            (
                "… → CSV → records",
                { reader in
                    var decoder = BinanceArchiveFileDecoder(
                        dataset: .klines, market: .um, symbol: "BTCUSDT", origin: zip)
                    var count = 0
                    while let chunk = try reader.nextChunk() { try decoder.feed(chunk) { count += $0.count } }
                    try decoder.finish { count += $0.count }
                    rows = count
                }
            ),
            (
                "… → normalise → store CSV bytes",
                { reader in
                    var decoder = BinanceArchiveFileDecoder(
                        dataset: .klines, market: .um, symbol: "BTCUSDT", origin: zip)
                    var stored = 0
                    let store: ([VenueRecord]) throws -> Void = { batch in
                        var bars: [PriceBar] = []
                        bars.reserveCapacity(batch.count)
                        // As `BackfillRunner.normalise` does: one instrument lookup per run of one symbol's bars.
                        var instrument: Instrument?
                        for case .priceBar(let bar) in batch {
                            bars.append(try normaliser.priceBar(bar, reusing: &instrument))
                        }
                        stored += PriceBarsCSV.encode(bars).count
                    }
                    while let chunk = try reader.nextChunk() { try decoder.feed(chunk, store) }
                    try decoder.finish(store)
                }
            ),
        ]
        do {
            for (name, body) in candidates {
                _ = try pass(body)  // warm-up
                let seconds = try (0..<runs).map { _ in try pass(body) }.sorted()[runs / 2]
                print(
                    name.padding(toLength: 36, withPad: " ", startingAt: 0)
                        + String(
                            format: "%8.1f MB/s of CSV (CPU) %12.0f rows/s", Double(csvBytes) / 1e6 / seconds,
                            Double(rows) / seconds))
            }
            let peak = ProcessMemory.peakResidentBytes().map { String(format: "%.1f MiB", Double($0) / 1_048_576) }
            print("\(rows) rows, \(csvBytes) bytes of CSV; peak RSS \(peak ?? "n/a")")
        } catch {
            FileHandle.standardError.write(Data("liqbench archive: \(error)\n".utf8))
            exit(1)
        }
    }

    /// A USDⓈ-M 1-minute kline file with header of about `bytes` bytes (the archive's 12 columns), seeded.
    static func klineCSV(bytes: Int) -> [UInt8] {
        var text: [UInt8] = []
        text.reserveCapacity(bytes + 200)
        text += Array(SyntheticKlines.header.utf8)
        var klines = SyntheticKlines(seed: 7, price: 60_000)
        var openTime: Int64 = 1_704_067_200_000
        while text.count < bytes {
            klines.append(openTime: openTime, to: &text)
            openTime += 60_000
        }
        return text
    }

    private static func now(_ clock: clockid_t) -> Double {
        var time = timespec()
        clock_gettime(clock, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }
}
