public import LiqCore

/// Decodes `fundingHistory`: settled rates `[{coin, fundingRate, premium, time}]`, oldest first.
///
/// Hyperliquid settles hourly now but settled every 8 hours in 2023 (the recorded May 2023 answer), so each row's
/// interval is read from the spacing of the settlements (`FundingIntervalInference`) rather than assumed; `time`
/// carries millisecond jitter, which the rounding to whole hours absorbs. `premium` is missing from some rows
/// and not needed. A `null` answer is an empty history.
public enum HyperliquidFundingDecoder {
    public static func decodeSettled(_ document: JSONNode) throws(JSONError) -> [VenueFunding] {
        guard document.value != .null else { return [] }
        let rows = try document.elements()
        let times = try rows.map { (row) throws(JSONError) in try row.member("time").timestampMs() }
        let intervals = FundingIntervalInference.intervalHours(settlementTimesMs: times)
        return try rows.indices.map { (index) throws(JSONError) -> VenueFunding in
            VenueFunding(
                venue: .hyperliquid, symbol: try rows[index].member("coin").string(), timestampMs: times[index],
                rate: try rows[index].member("fundingRate").decimal(), intervalHours: intervals[index],
                kind: .settled)
        }
    }
}
