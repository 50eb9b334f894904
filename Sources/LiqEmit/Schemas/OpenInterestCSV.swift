public import LiqCore

/// `open_interest.csv`: one-sided open interest per instrument and time, in base units and USD.
public enum OpenInterestCSV: RecordSchema {
    public static let columns = [
        "timestamp_ms", "venue", "symbol", "base", "open_interest_base", "open_interest_usd",
    ]
    public static let numericColumns: Set<String> = ["timestamp_ms", "open_interest_base", "open_interest_usd"]

    public static func row(_ sample: OpenInterestSample) -> [String] {
        [
            String(sample.timestampMs), sample.venue.rawValue, sample.symbol, sample.baseAsset,
            NumberFormat.computed(sample.openInterestBase), NumberFormat.computed(sample.openInterestUSD),
        ]
    }

    public static func ordered(_ samples: [OpenInterestSample]) -> [OpenInterestSample] {
        samples.sorted { ($0.timestampMs, $0.venue, $0.symbol) < ($1.timestampMs, $1.venue, $1.symbol) }
    }
}
