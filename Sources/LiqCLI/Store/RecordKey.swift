import LiqCore

/// The identity of a record in the store and in a run's outputs: two records with one key are the same venue fact
/// (one liquidation, one sample, one bar), however many times or from however many sources it was fetched.
/// Liquidations are keyed by event id; samples by venue, symbol and time (funding also by kind); bars also by
/// interval.
enum RecordKey {
    static func of(_ event: LiquidationEvent) -> String { event.eventID.description }

    static func of(_ sample: OpenInterestSample) -> String {
        "\(sample.venue.rawValue)|\(sample.symbol)|\(sample.timestampMs)"
    }

    static func of(_ sample: FundingSample) -> String {
        "\(sample.venue.rawValue)|\(sample.symbol)|\(sample.timestampMs)|\(sample.kind.rawValue)"
    }

    static func of(_ sample: MarkPriceSample) -> String {
        "\(sample.venue.rawValue)|\(sample.symbol)|\(sample.timestampMs)"
    }

    static func of(_ bar: PriceBar) -> String {
        "\(bar.venue.rawValue)|\(bar.symbol)|\(bar.bucketStartMs)|\(bar.intervalMs)"
    }
}
