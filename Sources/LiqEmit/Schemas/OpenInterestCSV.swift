public import LiqCore

/// `open_interest.csv`: one-sided open interest per instrument and time, in base units and USD.
public enum OpenInterestCSV: StoredRecordSchema {
    public static let columns = [
        "timestamp_ms", "venue", "symbol", "base", "open_interest_base", "open_interest_usd",
    ]
    public static let numericColumns: Set<String> = ["timestamp_ms", "open_interest_base", "open_interest_usd"]

    @inlinable
    public static func write<Writer: RecordFieldWriter>(_ sample: OpenInterestSample, to writer: inout Writer) {
        writer.integer(sample.timestampMs)
        writer.text(sample.venue.rawValue)
        writer.text(sample.symbol)
        writer.text(sample.baseAsset)
        writer.computed(sample.openInterestBase)
        writer.computed(sample.openInterestUSD)
    }

    public static func read(_ reader: inout RecordFieldReader) throws(RecordReadError) -> OpenInterestSample {
        let timestampMs = try reader.integer()
        let venue = try reader.value(Venue.self)
        let symbol = reader.text()
        let baseAsset = reader.text()
        let openInterestBase = try reader.number()
        let openInterestUSD = try reader.number()
        return OpenInterestSample(
            venue: venue, symbol: symbol, baseAsset: baseAsset, timestampMs: timestampMs,
            openInterestBase: openInterestBase, openInterestUSD: openInterestUSD)
    }

    public static func precedes(_ lhs: OpenInterestSample, _ rhs: OpenInterestSample) -> Bool {
        (lhs.timestampMs, lhs.venue, lhs.symbol) < (rhs.timestampMs, rhs.venue, rhs.symbol)
    }
}
