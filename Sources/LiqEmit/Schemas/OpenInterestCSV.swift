public import LiqCore

/// `open_interest.csv`: one-sided open interest per instrument and time, in base units and USD.
public enum OpenInterestCSV {
    public static let columns = [
        "timestamp_ms", "venue", "symbol", "base", "open_interest_base", "open_interest_usd",
    ]

    public static func encode(_ samples: [OpenInterestSample]) -> [UInt8] {
        var table = CSVTable(columns: columns)
        let ordered = samples.sorted {
            ($0.timestampMs, $0.venue, $0.symbol) < ($1.timestampMs, $1.venue, $1.symbol)
        }
        for sample in ordered {
            table.append([
                String(sample.timestampMs), sample.venue.rawValue, sample.symbol, sample.baseAsset,
                NumberFormat.computed(sample.openInterestBase), NumberFormat.computed(sample.openInterestUSD),
            ])
        }
        return table.data
    }
}
