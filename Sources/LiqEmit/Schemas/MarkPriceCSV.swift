public import LiqCore

/// `mark_prices.csv`: mark (and index) price samples per instrument.
public enum MarkPriceCSV {
    public static let columns = ["timestamp_ms", "venue", "symbol", "base", "mark_price", "index_price"]

    public static func encode(_ samples: [MarkPriceSample]) -> [UInt8] {
        var table = CSVTable(columns: columns)
        let ordered = samples.sorted {
            ($0.timestampMs, $0.venue, $0.symbol) < ($1.timestampMs, $1.venue, $1.symbol)
        }
        for sample in ordered {
            table.append([
                String(sample.timestampMs), sample.venue.rawValue, sample.symbol, sample.baseAsset,
                NumberFormat.plain(sample.markPrice), sample.indexPrice.map { NumberFormat.plain($0) } ?? "",
            ])
        }
        return table.data
    }
}
