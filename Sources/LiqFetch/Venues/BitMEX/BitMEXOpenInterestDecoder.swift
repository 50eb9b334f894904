public import LiqCore

/// Decodes open interest from an instrument row (REST `/api/v1/instrument/active` or the merged `instrument`
/// table state).
///
/// `openInterest` counts contracts; `openValue` is their value in minor units of the settlement currency at the
/// mark (`XBt` satoshis for XBTUSD, `USDt` micro-tether for linear contracts), BitMEX's own valuation:
/// - inverse: `openValue / |underlyingToSettleMultiplier|` is the open interest in the base coin itself
///   (1,784,268,825,430 XBt = 17,842.688 XBT), worth that times the row's mark in USD; taking the base from the
///   venue keeps base × mark = USD at one instant, where converting contracts would need a mark fetched earlier;
/// - linear: contracts stay contracts (the normaliser sizes them) and `openValue / quoteToSettleMultiplier` is
///   the USD(T) value.
public enum BitMEXOpenInterestDecoder {
    /// Nil when the row carries neither `openInterest` nor `openValue` (a delta that changed neither).
    public static func decode(_ row: JSONNode) throws(JSONError) -> VenueOpenInterest? {
        if try row.optionalMember("openInterest") == nil, try row.optionalMember("openValue") == nil { return nil }
        let margining = try BitMEXInstrumentDecoder.margining(of: row)
        let scaleNode = try BitMEXInstrumentDecoder.settleScale(row, margining: margining)
        let scale = abs(try scaleNode.decimal())
        guard scale > 0 else { throw scaleNode.error(expected: "a non-zero multiplier") }
        let settleValue = try row.member("openValue").decimal() / scale
        let symbol = try row.member("symbol").string()
        let timestampMs = try row.member("timestamp").timestampMs()
        if margining == .inverse {
            let markNode = try row.member("markPrice")
            let mark = try markNode.decimal()
            guard mark > 0 else { throw markNode.error(expected: "a positive mark price to value open interest") }
            return VenueOpenInterest(
                venue: .bitmex, symbol: symbol, timestampMs: timestampMs, quantity: settleValue, quantityUnit: .base,
                valueUSD: settleValue * mark)
        }
        return VenueOpenInterest(
            venue: .bitmex, symbol: symbol, timestampMs: timestampMs,
            quantity: try row.member("openInterest").decimal(), quantityUnit: .contracts, valueUSD: settleValue)
    }
}
