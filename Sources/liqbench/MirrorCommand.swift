import Foundation
import LiqCore
import LiqFetch

/// `liqbench mirror --dir DIR [--symbols N] [--from DATE] [--days D]`: the inputs of a real `liqpipe backfill`
/// run, for `.ci/bench-backfill.sh`. Writes, seeded (the same bytes every time):
///
/// - `DIR/archive/`: data.binance.vision's USDⓈ-M layout (`BinanceArchiveDataset.path`) for N symbols × D days
///   from DATE — per symbol and day a 1m `klines` CSV (1,440 rows) and a `metrics` CSV (288 five-minute rows),
///   both with their header, as `.csv` next to where the `.zip` goes (the script zips each with `zip` and writes
///   its `.CHECKSUM`, so the archives are made by the tool the baselines read them with);
/// - `DIR/fixtures/fapi/v1/exchangeInfo/index.json`: the N perpetuals, and `premiumIndex/symbol=….json` their
///   marks, the reference data `backfill` loads, so the normaliser has their instruments without a request leaving
///   the machine;
/// - `DIR/spec.json`: venue `binance-usdm`, feeds `priceBars` and `openInterest` (so only the archive's `klines`
///   and `metrics` run, plus the REST open-interest history, whose days beyond Binance's 30 are missing without
///   a request), `archiveURL` = `http://127.0.0.1:PORT/` (`--port`, default 8765), store, state and fixtures relative to the spec.
struct MirrorCommand {
    static let usage = "usage: liqbench mirror --dir DIR [--symbols N] [--from YYYY-MM-DD] [--days D] [--port P]"

    let directory: String
    let symbolCount: Int
    let from: UTCDate
    let days: Int
    let port: Int

    init?(options: ArraySlice<String>) {
        var options = options
        var directory: String?
        var symbolCount = 60
        var from = UTCDate(year: 2025, month: 9, day: 1)
        var days = 30
        var port = 8765
        while let flag = options.popFirst() {
            guard let value = options.popFirst() else { return nil }
            switch flag {
            case "--dir": directory = value
            case "--from":
                guard let date = UTCDate(value) else { return nil }
                from = date
            case "--symbols", "--days", "--port":
                guard let number = Int(value), number > 0 else { return nil }
                switch flag {
                case "--symbols": symbolCount = number
                case "--days": days = number
                default: port = number
                }
            default: return nil
            }
        }
        guard let directory, symbolCount <= 999 else { return nil }
        (self.directory, self.symbolCount, self.from, self.days, self.port) =
            (directory, symbolCount, from, days, port)
    }

    /// `B001USDT` … with base `B001`: names no real listing has, so the mirror can never be mistaken for data.
    var symbols: [(symbol: String, base: String)] {
        (1...symbolCount).map { index in
            let base = "B" + String(repeating: "0", count: 3 - String(index).count) + String(index)
            return (base + "USDT", base)
        }
    }

    func run() {
        do {
            var csvBytes = 0
            var files = 0
            for (index, (symbol, _)) in symbols.enumerated() {
                var klines = SyntheticKlines(seed: 1_000 + UInt64(index), price: 1_000 * Double(index + 1))
                var openInterest = 1_000_000.0 / Double(index + 1)
                var random = SplitMix64(seed: 2_000 + UInt64(index))
                for offset in 0..<days {
                    let day = UTCDate(timestampMs: from.startMs + Int64(offset) * 86_400_000)
                    var bars = Array(SyntheticKlines.header.utf8)
                    bars.reserveCapacity(200_000)
                    for minute in 0..<1_440 {
                        klines.append(openTime: day.startMs + Int64(minute) * 60_000, to: &bars)
                    }
                    var metrics = Array(Self.metricsHeader.utf8)
                    for step in 0..<288 {
                        openInterest *= 1 + Double.random(in: -0.002...0.002, using: &random)
                        let ms = day.startMs + Int64(step) * 300_000
                        let ratios = (0..<4).map { _ in
                            String(format: "%.4f", Double.random(in: 0.5...2.5, using: &random))
                        }
                        let line =
                            "\(Self.dateTime(ms)),\(symbol),\(String(format: "%.8f", openInterest)),"
                            + "\(String(format: "%.8f", openInterest * 10 * Double(index + 1))),"
                            + ratios.joined(separator: ",") + "\n"
                        metrics += Array(line.utf8)
                    }
                    try put(bars, dataset: .klines, symbol: symbol, day: day)
                    try put(metrics, dataset: .metrics, symbol: symbol, day: day)
                    csvBytes += bars.count + metrics.count
                    files += 2
                }
            }
            try write(Array(exchangeInfo.utf8), to: directory + "/fixtures/fapi/v1/exchangeInfo/index.json")
            for (index, (symbol, _)) in symbols.enumerated() {
                try write(
                    Array(Self.premiumIndex(symbol: symbol, price: 1_000 * Double(index + 1)).utf8),
                    to: directory + "/fixtures/fapi/v1/premiumIndex/symbol=\(symbol).json")
            }
            try write(Array(spec.utf8), to: directory + "/spec.json")
            print("wrote \(files) CSV files, \(csvBytes) bytes, \(symbolCount) symbols × \(days) days from \(from)")
        } catch {
            FileHandle.standardError.write(Data("liqbench mirror: \(error)\n".utf8))
            exit(1)
        }
    }

    static let metricsHeader =
        "create_time,symbol,sum_open_interest,sum_open_interest_value,count_toptrader_long_short_ratio,"
        + "sum_toptrader_long_short_ratio,count_long_short_ratio,sum_taker_long_short_vol_ratio\n"

    private func put(_ csv: [UInt8], dataset: BinanceArchiveDataset, symbol: String, day: UTCDate) throws {
        let zipPath = dataset.path(market: .um, symbol: symbol, covering: day)
        try write(csv, to: directory + "/archive/" + zipPath.dropLast(".zip".count) + ".csv")
    }

    private func write(_ bytes: [UInt8], to path: String) throws {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    /// The fields `BinanceInstrumentDecoder` reads, in exchangeInfo's shape.
    private var exchangeInfo: String {
        let entries = symbols.map { symbol, base in
            "{\"symbol\":\"\(symbol)\",\"pair\":\"\(symbol)\",\"contractType\":\"PERPETUAL\",\"status\":\"TRADING\","
                + "\"baseAsset\":\"\(base)\",\"quoteAsset\":\"USDT\",\"marginAsset\":\"USDT\"}"
        }
        return "{\"timezone\":\"UTC\",\"symbols\":[" + entries.joined(separator: ",") + "]}\n"
    }

    /// `premiumIndex?symbol=…` (the mark price the open-interest feed asks for as reference data).
    private static func premiumIndex(symbol: String, price: Double) -> String {
        "{\"symbol\":\"\(symbol)\",\"markPrice\":\"\(price)\",\"indexPrice\":\"\(price)\","
            + "\"lastFundingRate\":\"0.00010000\",\"interestRate\":\"0.00010000\",\"nextFundingTime\":1760140800000,"
            + "\"time\":1760133599999}\n"
    }

    private var spec: String {
        let list = symbols.map { "\"\($0.symbol)\"" }.joined(separator: ",")
        return """
            {"name": "bench-backfill", "venues": [
              {"venue": "binance-usdm", "fixtures": "fixtures",
               "archiveURL": "http://127.0.0.1:\(port)/", "symbols": [\(list)],
               "feeds": ["priceBars", "openInterest"]}],
             "backfill": {"directory": "store", "stateDirectory": "state"}}

            """
    }

    /// `2025-09-01 00:05:00`, metrics' `create_time` form.
    private static func dateTime(_ ms: Int64) -> String {
        let day = UTCDate(timestampMs: ms)
        let seconds = (ms - day.startMs) / 1_000
        return "\(day) " + String(format: "%02d:%02d:%02d", seconds / 3_600, seconds / 60 % 60, seconds % 60)
    }
}
