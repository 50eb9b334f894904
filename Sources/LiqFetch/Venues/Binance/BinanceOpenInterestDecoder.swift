public import LiqCore

/// Decodes open interest: the history rows of `/futures/data/openInterestHist` and the current value of
/// `/fapi/v1/openInterest`.
///
/// USDⓈ-M `sumOpenInterest` is base units with a USDT valuation; COIN-M values are contracts. The current-value
/// endpoint carries no valuation, so the normaliser prices it at the mark.
public enum BinanceOpenInterestDecoder {
    public static func decodeHistory(_ document: JSONNode, venue: Venue) throws(JSONError) -> [VenueOpenInterest] {
        try document.elements().map { (row) throws(JSONError) in
            VenueOpenInterest(
                venue: venue, symbol: try row.member("symbol").string(),
                timestampMs: try row.member("timestamp").timestampMs(),
                quantity: try row.member("sumOpenInterest").decimal(),
                quantityUnit: venue == .binanceCOINM ? .contracts : .base,
                valueUSD: venue == .binanceCOINM ? nil : try row.member("sumOpenInterestValue").decimal())
        }
    }

    public static func decodeCurrent(_ document: JSONNode, venue: Venue) throws(JSONError) -> VenueOpenInterest {
        VenueOpenInterest(
            venue: venue, symbol: try document.member("symbol").string(),
            timestampMs: try document.member("time").timestampMs(),
            quantity: try document.member("openInterest").decimal(),
            quantityUnit: venue == .binanceCOINM ? .contracts : .base, valueUSD: nil)
    }
}
