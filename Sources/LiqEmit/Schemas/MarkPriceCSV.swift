public import LiqCore

/// `mark_prices.csv`: mark (and index) price samples per instrument.
public enum MarkPriceCSV: StoredRecordSchema {
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

    public static func read(_ reader: inout RecordFieldReader) throws(RecordReadError) -> MarkPriceSample {
        let timestampMs = try reader.integer()
        let venue = try reader.value(Venue.self)
        let symbol = reader.text()
        let baseAsset = reader.text()
        let markPrice = try reader.number()
        let indexPrice = try reader.optionalNumber()
        return MarkPriceSample(
            venue: venue, symbol: symbol, baseAsset: baseAsset, timestampMs: timestampMs, markPrice: markPrice,
            indexPrice: indexPrice)
    }

    public static func precedes(_ lhs: MarkPriceSample, _ rhs: MarkPriceSample) -> Bool {
        (lhs.timestampMs, lhs.venue, lhs.symbol) < (rhs.timestampMs, rhs.venue, rhs.symbol)
    }
}
