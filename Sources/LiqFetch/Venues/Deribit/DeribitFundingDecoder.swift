public import LiqCore

/// Decodes Deribit perpetual funding: the current rate from a ticker and hourly history
/// (`public/get_funding_rate_history`).
///
/// Deribit charges funding continuously. The ticker's `current_funding` is the rate the current premium implies,
/// taken as quoted per 8 hours, the period Deribit states its funding formula in (the reference gives no unit; a
/// 2025 ticker shows `current_funding` 0, inside the formula's dampener, while `funding_8h`, the realised last 8
/// hours, is 0.0000174); it is the `predicted` sample. History rows carry `interest_1h`, the funding accrued over that hour (summing them
/// gives the total paid), and `interest_8h`, a rolling 8-hour sum whose overlapping windows would count each
/// hour eight times; each row is kept as a settled 1-hour rate.
public enum DeribitFundingDecoder {
    /// The interval `current_funding` is quoted over.
    public static let tickerIntervalHours = 8.0
    /// The interval of one history row.
    public static let historyIntervalHours = 1.0

    /// Nil for a ticker without `current_funding` (dated futures pay no funding).
    public static func decodePredicted(_ ticker: JSONNode) throws(JSONError) -> VenueFunding? {
        guard let rateNode = try ticker.optionalMember("current_funding") else { return nil }
        return VenueFunding(
            venue: .deribit, symbol: try ticker.member("instrument_name").string(),
            timestampMs: try ticker.member("timestamp").timestampMs(), rate: try rateNode.decimal(),
            intervalHours: tickerIntervalHours, kind: .predicted)
    }

    /// History rows of `symbol` (the rows do not name their instrument; the request does).
    public static func decodeSettled(_ document: JSONNode, symbol: String) throws -> [VenueFunding] {
        try DeribitEnvelope.result(document).elements().map { (row) throws(JSONError) in
            VenueFunding(
                venue: .deribit, symbol: symbol, timestampMs: try row.member("timestamp").timestampMs(),
                rate: try row.member("interest_1h").decimal(), intervalHours: historyIntervalHours, kind: .settled)
        }
    }
}
