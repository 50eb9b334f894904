public import LiqCore

/// `BinanceFundingDecoder.decodeSettled` straight from the bytes of a `fundingRate` answer (an array of
/// `{symbol, fundingTime, fundingRate, markPrice}` rows); anything else falls back (nil) to the tree decoder.
public enum FastBinanceFunding {
    /// The settled funding rates of one raw answer, or nil when the tree decoder must decide.
    public static func decodeSettled(_ bytes: [UInt8], venue: Venue) -> [VenueFunding]? {
        JSONCursor.document(bytes) { (cursor) throws(FastPathFallback) in
            try cursor.rows { (cursor) throws(FastPathFallback) in try row(&cursor, venue: venue) }
        }
    }

    private static func row(_ cursor: inout JSONCursor, venue: Venue) throws(FastPathFallback) -> VenueFunding {
        let fields = try cursor.members(["symbol", "fundingTime", "fundingRate"])
        let (symbol, time, rate) = (fields[0], fields[1], fields[2])
        return VenueFunding(
            venue: venue, symbol: try cursor.string(cursor.member(symbol)),
            timestampMs: try cursor.timestampMs(cursor.member(time)), rate: try cursor.decimal(cursor.member(rate)),
            intervalHours: nil, kind: .settled)
    }
}
