public import LiqCore

/// `BinanceOpenInterestDecoder.decodeHistory` straight from the bytes of a `/futures/data/openInterestHist`
/// answer (an array of row objects), for backfills that page through many of them.
///
/// USDⓈ-M only: rows need `symbol`, `timestamp` (number or string), `sumOpenInterest` and `sumOpenInterestValue`;
/// anything else falls back (nil) to the tree decoder. COIN-M rows (keyed by `pair` and `contractType`, valued in
/// the base coin) always fall back: a few rows per request are not worth a second implementation.
public enum FastBinanceOpenInterest {
    /// The open-interest rows of one raw answer, or nil when the tree decoder must decide.
    public static func decodeHistory(_ bytes: [UInt8], venue: Venue) -> [VenueOpenInterest]? {
        guard venue == .binanceUSDM else { return nil }
        return JSONCursor.document(bytes) { (cursor) throws(FastPathFallback) in
            try cursor.rows { (cursor) throws(FastPathFallback) in try row(&cursor, venue: venue) }
        }
    }

    private static func row(_ cursor: inout JSONCursor, venue: Venue) throws(FastPathFallback) -> VenueOpenInterest {
        let fields = try cursor.members(["symbol", "timestamp", "sumOpenInterest", "sumOpenInterestValue"])
        let (symbol, time, quantity, value) = (fields[0], fields[1], fields[2], fields[3])
        return VenueOpenInterest(
            venue: venue, symbol: try cursor.string(cursor.member(symbol)),
            timestampMs: try cursor.timestampMs(cursor.member(time)),
            quantity: try cursor.decimal(cursor.member(quantity)),
            quantityUnit: .base, valueUSD: try cursor.decimal(cursor.member(value)))
    }
}
