public import LiqCore

/// `funding.csv`: settled and predicted funding rates with their interval, plus the annualised rate so venues
/// paying every 1, 4 or 8 hours compare on one axis.
public enum FundingCSV: StoredRecordSchema {
    public static let columns = [
        "timestamp_ms", "venue", "symbol", "base", "kind", "rate", "interval_hours", "annualized_rate",
    ]
    public static let numericColumns: Set<String> = ["timestamp_ms", "rate", "interval_hours", "annualized_rate"]

    /// Rate × (hours per 365-day year / interval hours): simple, not compounded, as venues and CoinGlass quote it.
    public static func annualized(_ sample: FundingSample) -> Double {
        sample.rate * 8760 / sample.intervalHours
    }

    @inlinable
    public static func write<Writer: RecordFieldWriter>(_ sample: FundingSample, to writer: inout Writer) {
        writer.integer(sample.timestampMs)
        writer.text(sample.venue.rawValue)
        writer.text(sample.symbol)
        writer.text(sample.baseAsset)
        writer.text(sample.kind.rawValue)
        writer.plain(sample.rate)
        writer.plain(sample.intervalHours)
        writer.computed(annualized(sample))
    }

    public static func read(_ reader: inout RecordFieldReader) throws(RecordReadError) -> FundingSample {
        let timestampMs = try reader.integer()
        let venue = try reader.value(Venue.self)
        let symbol = reader.text()
        let baseAsset = reader.text()
        let kind = try reader.value(FundingKind.self)
        let rate = try reader.number()
        let intervalHours = try reader.number()
        guard intervalHours > 0 else { throw reader.error(expected: "a positive interval", found: "\(intervalHours)") }
        _ = try reader.number()  // annualized_rate: computed from rate and interval
        return FundingSample(
            venue: venue, symbol: symbol, baseAsset: baseAsset, timestampMs: timestampMs, rate: rate,
            intervalHours: intervalHours, kind: kind)
    }

    public static func precedes(_ lhs: FundingSample, _ rhs: FundingSample) -> Bool {
        (lhs.timestampMs, lhs.venue, lhs.symbol, lhs.kind.rawValue) < (
            rhs.timestampMs, rhs.venue, rhs.symbol, rhs.kind.rawValue
        )
    }
}
