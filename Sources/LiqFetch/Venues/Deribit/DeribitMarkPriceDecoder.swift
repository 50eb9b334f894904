public import LiqCore

/// Decodes the mark and index price of a ticker.
public enum DeribitMarkPriceDecoder {
    public static func decode(_ ticker: JSONNode) throws(JSONError) -> VenueMarkPrice {
        VenueMarkPrice(
            venue: .deribit, symbol: try ticker.member("instrument_name").string(),
            timestampMs: try ticker.member("timestamp").timestampMs(),
            markPrice: try ticker.member("mark_price").decimal(),
            indexPrice: try ticker.optionalMember("index_price").map { (node) throws(JSONError) in try node.decimal() })
    }
}
