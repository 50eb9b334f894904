public import LiqCore

/// `mark_prices.csv`: mark (and index) price samples per instrument.
public enum MarkPriceCSV: RecordSchema {
    public static let columns = ["timestamp_ms", "venue", "symbol", "base", "mark_price", "index_price"]
    public static let numericColumns: Set<String> = ["timestamp_ms", "mark_price", "index_price"]

    public static func row(_ sample: MarkPriceSample) -> [String] {
        [
            String(sample.timestampMs), sample.venue.rawValue, sample.symbol, sample.baseAsset,
            NumberFormat.plain(sample.markPrice), sample.indexPrice.map { NumberFormat.plain($0) } ?? "",
        ]
    }

    public static func ordered(_ samples: [MarkPriceSample]) -> [MarkPriceSample] {
        samples.sorted { ($0.timestampMs, $0.venue, $0.symbol) < ($1.timestampMs, $1.venue, $1.symbol) }
    }
}
