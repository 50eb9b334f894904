public import LiqCore

/// `mark_prices.csv`: mark (and index) price samples per instrument.
public enum MarkPriceCSV: RecordSchema {
    public static let columns = ["timestamp_ms", "venue", "symbol", "base", "mark_price", "index_price"]
    public static let numericColumns: Set<String> = ["timestamp_ms", "mark_price", "index_price"]

    @inlinable
    public static func write<Writer: RecordFieldWriter>(_ sample: MarkPriceSample, to writer: inout Writer) {
        writer.integer(sample.timestampMs)
        writer.text(sample.venue.rawValue)
        writer.text(sample.symbol)
        writer.text(sample.baseAsset)
        writer.plain(sample.markPrice)
        if let indexPrice = sample.indexPrice { writer.plain(indexPrice) } else { writer.empty() }
    }

    public static func precedes(_ lhs: MarkPriceSample, _ rhs: MarkPriceSample) -> Bool {
        (lhs.timestampMs, lhs.venue, lhs.symbol) < (rhs.timestampMs, rhs.venue, rhs.symbol)
    }
}
