public import LiqCore

/// Decodes open interest from a ticker (`public/ticker` result or a `ticker.*` push).
///
/// `open_interest` is in USD for inverse instruments (1,132,329,370 for BTC-PERPETUAL in a 2025 ticker), the
/// only kind the adapter accepts. The base quantity is that over the ticker's own `mark_price`, so base × mark
/// = USD at one instant rather than at a mark fetched earlier.
public enum DeribitOpenInterestDecoder {
    /// Nil when the ticker carries no `open_interest`.
    public static func decode(_ ticker: JSONNode) throws(JSONError) -> VenueOpenInterest? {
        guard let interestNode = try ticker.optionalMember("open_interest") else { return nil }
        let markNode = try ticker.member("mark_price")
        let mark = try markNode.decimal()
        guard mark > 0 else { throw markNode.error(expected: "a positive mark price to size open interest") }
        let usd = try interestNode.decimal()
        return VenueOpenInterest(
            venue: .deribit, symbol: try ticker.member("instrument_name").string(),
            timestampMs: try ticker.member("timestamp").timestampMs(), quantity: usd / mark, quantityUnit: .base,
            valueUSD: usd)
    }
}
