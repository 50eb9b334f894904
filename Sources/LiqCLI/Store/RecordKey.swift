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

extension RecordKey {
    /// `of`'s identity as a value instead of text, for de-duplicating many records (a backfill day: 1,440 bars):
    /// hashed and compared field by field, no string built per record. Two records have equal `Fields` exactly
    /// when they have equal keys (the text joins the same fields with `|`, which no venue symbol holds).
    struct Fields: Hashable {
        var venue: Venue
        var symbol: String
        var timestampMs: Int64
        /// Bars: the interval in ms; 0 for samples.
        var intervalMs: Int64 = 0
        /// Funding: the sample's kind; nil for the others.
        var fundingKind: FundingKind? = nil
    }

    /// Liquidations: the event id itself (its text is a bijective hex rendering).
    static func fields(_ event: LiquidationEvent) -> EventID { event.eventID }

    static func fields(_ sample: OpenInterestSample) -> Fields {
        Fields(venue: sample.venue, symbol: sample.symbol, timestampMs: sample.timestampMs)
    }

    static func fields(_ sample: FundingSample) -> Fields {
        Fields(venue: sample.venue, symbol: sample.symbol, timestampMs: sample.timestampMs, fundingKind: sample.kind)
    }

    static func fields(_ sample: MarkPriceSample) -> Fields {
        Fields(venue: sample.venue, symbol: sample.symbol, timestampMs: sample.timestampMs)
    }

    static func fields(_ bar: PriceBar) -> Fields {
        Fields(venue: bar.venue, symbol: bar.symbol, timestampMs: bar.bucketStartMs, intervalMs: bar.intervalMs)
    }
}
