public import LiqCore

/// Decodes BitMEX funding: the rate of the next payment from an instrument row, and settled history
/// (`/api/v1/funding`).
///
/// BitMEX fixes `fundingRate` one interval ahead: it is the rate paid at `fundingTimestamp`, the same quantity
/// Binance (`lastFundingRate`) and OKX (`fundingRate`) report as the next payment, so it is the `predicted`
/// sample. `indicativeFundingRate` is the payment after that one, which no other venue reports; like OKX's
/// `nextFundingRate` it is left out rather than mixed into the same series. The interval is a timespan written
/// as a date after 2000-01-01T00:00:00Z (`"2000-01-01T08:00:00.000Z"` = 8 hours).
public enum BitMEXFundingDecoder {
    /// 2000-01-01T00:00:00Z in epoch milliseconds: the zero of BitMEX's timespan-as-date fields.
    static let timespanZeroMs: Int64 = 946_684_800_000

    /// The length of a `fundingInterval` in hours.
    public static func intervalHours(_ node: JSONNode) throws(JSONError) -> Double {
        let span = try node.timestampMs() - timespanZeroMs
        guard span > 0 else { throw node.error(expected: "a timespan after 2000-01-01T00:00:00Z") }
        return Double(span) / 3_600_000
    }

    /// The next payment's rate from an instrument row; nil for a row without one (dated futures, indices, a
    /// delta that did not change it).
    public static func decodePredicted(_ row: JSONNode) throws(JSONError) -> VenueFunding? {
        guard let rateNode = try row.optionalMember("fundingRate") else { return nil }
        return VenueFunding(
            venue: .bitmex, symbol: try row.member("symbol").string(),
            timestampMs: try row.member("timestamp").timestampMs(), rate: try rateNode.decimal(),
            intervalHours: try row.optionalMember("fundingInterval").map(intervalHours), kind: .predicted)
    }

    /// `/api/v1/funding` rows: the rate paid at `timestamp` over the row's own interval.
    public static func decodeSettled(_ document: JSONNode) throws -> [VenueFunding] {
        try BitMEXEnvelope.rows(document).map { (row) throws(JSONError) in
            VenueFunding(
                venue: .bitmex, symbol: try row.member("symbol").string(),
                timestampMs: try row.member("timestamp").timestampMs(), rate: try row.member("fundingRate").decimal(),
                intervalHours: try intervalHours(row.member("fundingInterval")), kind: .settled)
        }
    }
}
