public import LiqCore

/// `funding.csv`: settled and predicted funding rates with their interval, plus the annualised rate so venues
/// paying every 1, 4 or 8 hours compare on one axis.
public enum FundingCSV: RecordSchema {
    public static let columns = [
        "timestamp_ms", "venue", "symbol", "base", "kind", "rate", "interval_hours", "annualized_rate",
    ]
    public static let numericColumns: Set<String> = ["timestamp_ms", "rate", "interval_hours", "annualized_rate"]

    /// Rate × (hours per 365-day year / interval hours): simple, not compounded, as venues and CoinGlass quote it.
    public static func annualized(_ sample: FundingSample) -> Double {
        sample.rate * 8760 / sample.intervalHours
    }

    public static func row(_ sample: FundingSample) -> [String] {
        [
            String(sample.timestampMs), sample.venue.rawValue, sample.symbol, sample.baseAsset, sample.kind.rawValue,
            NumberFormat.plain(sample.rate), NumberFormat.plain(sample.intervalHours),
            NumberFormat.computed(annualized(sample)),
        ]
    }

    public static func ordered(_ samples: [FundingSample]) -> [FundingSample] {
        samples.sorted {
            ($0.timestampMs, $0.venue, $0.symbol, $0.kind.rawValue) < (
                $1.timestampMs, $1.venue, $1.symbol, $1.kind.rawValue
            )
        }
    }
}
