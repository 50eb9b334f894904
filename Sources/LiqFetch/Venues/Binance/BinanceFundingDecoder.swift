public import LiqCore

/// Decodes funding: settled rates (`fundingRate`), the running rate (`premiumIndex`, object or array) and the
/// per-symbol interval overrides (`fundingInfo`; a symbol not listed there pays every 8 hours).
public enum BinanceFundingDecoder {
    /// The interval of a symbol absent from `fundingInfo`, per Binance's funding documentation.
    public static let defaultIntervalHours = 8.0

    public static func decodeSettled(_ document: JSONNode, venue: Venue) throws(JSONError) -> [VenueFunding] {
        try document.elements().map { (row) throws(JSONError) in
            VenueFunding(
                venue: venue, symbol: try row.member("symbol").string(),
                timestampMs: try row.member("fundingTime").timestampMs(), rate: try row.member("fundingRate").decimal(),
                intervalHours: nil, kind: .settled)
        }
    }

    /// The running rate of each symbol; quarterly contracts (no funding, `nextFundingTime` 0) are skipped.
    public static func decodePredicted(_ document: JSONNode, venue: Venue) throws(JSONError) -> [VenueFunding] {
        let rows: [JSONNode]
        if case .array = document.value { rows = try document.elements() } else { rows = [document] }
        var samples: [VenueFunding] = []
        for row in rows {
            guard let rateNode = try row.optionalMember("lastFundingRate"), rateNode.value != .string(""),
                let next = try row.optionalMember("nextFundingTime"), try next.int64() != 0
            else { continue }
            samples.append(
                VenueFunding(
                    venue: venue, symbol: try row.member("symbol").string(),
                    timestampMs: try row.member("time").timestampMs(),
                    rate: try rateNode.decimal(), intervalHours: nil, kind: .predicted))
        }
        return samples
    }

    /// The settlement times of a `fundingRate` page: the paging cursor.
    static func fundingTimes(_ document: JSONNode) throws(JSONError) -> [Int64] {
        try document.elements().map { (row) throws(JSONError) in try row.member("fundingTime").timestampMs() }
    }

    /// Symbol → funding interval in hours, for the symbols Binance lists as adjusted.
    public static func decodeIntervals(_ document: JSONNode) throws(JSONError) -> [String: Double] {
        var intervals: [String: Double] = [:]
        for row in try document.elements() {
            let hoursNode = try row.member("fundingIntervalHours")
            let hours = try hoursNode.decimal()
            guard hours > 0 else { throw hoursNode.error(expected: "a positive number of hours") }
            intervals[try row.member("symbol").string()] = hours
        }
        return intervals
    }
}
