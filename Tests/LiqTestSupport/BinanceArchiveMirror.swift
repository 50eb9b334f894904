import Foundation
public import LiqCore
import LiqFetch

/// Writes a copy of `data.binance.vision`'s layout for tests and benchmarks: per symbol and day a `metrics` file
/// (288 five-minute rows), a 1m `klines` file (1,440 rows), and per month a `fundingRate` file (3 rows a day), each
/// a zip with its `.CHECKSUM` sibling, in the archive's exact CSV shapes (header rows included). Values follow a
/// deterministic walk, so every run writes the same bytes.
public enum BinanceArchiveMirror {
    /// Writes under `root` (served by `StaticFiles.handler(root:)`) and returns the relative paths written.
    @discardableResult
    public static func write(root: String, symbols: [String], days: [UTCDate]) throws -> [String] {
        var written: [String] = []
        func put(_ path: String, csvName: String, _ csv: String) throws {
            let zip = ZipFile.make([(csvName, Array(csv.utf8))])
            let file = root + "/" + path
            try FileManager.default.createDirectory(
                atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(zip).write(to: URL(fileURLWithPath: file))
            let name = (path as NSString).lastPathComponent
            try Data("\(SHA256.hex(SHA256.digest(zip)))  \(name)\n".utf8).write(
                to: URL(fileURLWithPath: file + ".CHECKSUM"))
            written.append(path)
        }
        for (symbolIndex, symbol) in symbols.enumerated() {
            let base = 100.0 * Double(symbolIndex + 1)
            for day in days {
                var metrics =
                    "create_time,symbol,sum_open_interest,sum_open_interest_value,count_toptrader_long_short_ratio,"
                    + "sum_toptrader_long_short_ratio,count_long_short_ratio,sum_taker_long_short_vol_ratio\n"
                for step in 0..<288 {
                    let ms = day.startMs + Int64(step) * 300_000
                    let oi = 1_000 + Double(step)
                    metrics +=
                        "\(dateTime(ms)),\(symbol),\(fixed(oi, 3)),\(fixed(oi * price(base, ms), 8)),1.5,1.6,1.7,0.9\n"
                }
                try put(
                    BinanceArchiveDataset.metrics.path(market: .um, symbol: symbol, covering: day),
                    csvName: "\(symbol)-metrics-\(day).csv", metrics)
                var klines =
                    "open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,"
                    + "taker_buy_quote_volume,ignore\n"
                for minute in 0..<1_440 {
                    let open = day.startMs + Int64(minute) * 60_000
                    let p = price(base, open)
                    klines +=
                        "\(open),\(fixed(p, 2)),\(fixed(p + 1, 2)),\(fixed(p - 1, 2)),\(fixed(price(base, open + 60_000), 2)),"
                        + "10.000,\(open + 59_999),\(fixed(10 * p, 5)),42,6.000,\(fixed(6 * p, 5)),0\n"
                }
                try put(
                    BinanceArchiveDataset.klines.path(market: .um, symbol: symbol, covering: day),
                    csvName: "\(symbol)-1m-\(day).csv", klines)
            }
            for month in Set(days.map { UTCDate(year: $0.year, month: $0.month, day: 1) }).sorted() {
                var funding = "calc_time,funding_interval_hours,last_funding_rate\n"
                for day in days where day.year == month.year && day.month == month.month {
                    for hour in [0, 8, 16] {
                        funding += "\(day.startMs + Int64(hour) * 3_600_000 + 7),8,0.00010000\n"
                    }
                }
                try put(
                    BinanceArchiveDataset.fundingRate.path(market: .um, symbol: symbol, covering: month),
                    csvName: "\(symbol)-fundingRate-\(String(month.description.prefix(7))).csv", funding)
            }
        }
        return written
    }

    private static func price(_ base: Double, _ ms: Int64) -> Double {
        base + Double(ms / 60_000 % 1_000) / 100
    }

    private static func fixed(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }

    /// `2025-10-10 20:05:00`, metrics' `create_time` form.
    private static func dateTime(_ ms: Int64) -> String {
        let day = UTCDate(timestampMs: ms)
        let seconds = (ms - day.startMs) / 1_000
        return "\(day) " + String(format: "%02d:%02d:%02d", seconds / 3_600, seconds / 60 % 60, seconds % 60)
    }
}
