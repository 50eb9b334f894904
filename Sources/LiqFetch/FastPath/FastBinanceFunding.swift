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
        var symbol: JSONSpan?
        var time: JSONSpan?
        var rate: JSONSpan?
        guard try cursor.beginObject() else { throw FastPathFallback() }
        repeat {
            let key = try cursor.key()
            let member = try cursor.value()
            if cursor.matches(key, "symbol") {
                symbol = symbol ?? member
            } else if cursor.matches(key, "fundingTime") {
                time = time ?? member
            } else if cursor.matches(key, "fundingRate") {
                rate = rate ?? member
            }
        } while try cursor.nextMember()
        return VenueFunding(
            venue: venue, symbol: try cursor.string(cursor.member(symbol)),
            timestampMs: try cursor.timestampMs(cursor.member(time)), rate: try cursor.decimal(cursor.member(rate)),
            intervalHours: nil, kind: .settled)
    }
}
