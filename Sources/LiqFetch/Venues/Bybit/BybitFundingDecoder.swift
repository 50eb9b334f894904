public import LiqCore

/// Decodes `/v5/market/funding/history`: settled rates `{symbol, fundingRate, fundingRateTimestamp}`, newest
/// first.
///
/// The rows do not state their interval and Bybit changes it per symbol (shorter while the rate sits at its cap),
/// so each row's interval is read from the spacing of the settlements (`FundingIntervalInference`); a page of
/// one row leaves it to the instrument's current `fundingInterval`.
public enum BybitFundingDecoder {
    public static func decodeSettled(_ document: JSONNode) throws -> [VenueFunding] {
        let rows = try BybitEnvelope.rows(document)
        let times = try rows.map { (row) throws(JSONError) in try row.member("fundingRateTimestamp").timestampMs() }
        let intervals = FundingIntervalInference.intervalHours(settlementTimesMs: times)
        return try rows.indices.map { (index) throws -> VenueFunding in
            VenueFunding(
                venue: .bybit, symbol: try rows[index].member("symbol").string(), timestampMs: times[index],
                rate: try rows[index].member("fundingRate").decimal(), intervalHours: intervals[index],
                kind: .settled)
        }
    }
}
