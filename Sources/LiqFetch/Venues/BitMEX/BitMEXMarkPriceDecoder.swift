public import LiqCore

/// Decodes the mark price of an instrument row. BitMEX marks perpetuals at its fair price over the spot index
/// `indicativeSettlePrice` (`.BXBT` for XBTUSD), which is kept as the index.
public enum BitMEXMarkPriceDecoder {
    /// Nil when the row carries no `markPrice` (a delta that did not change it).
    public static func decode(_ row: JSONNode) throws(JSONError) -> VenueMarkPrice? {
        guard let markNode = try row.optionalMember("markPrice") else { return nil }
        return VenueMarkPrice(
            venue: .bitmex, symbol: try row.member("symbol").string(),
            timestampMs: try row.member("timestamp").timestampMs(), markPrice: try markNode.decimal(),
            indexPrice: try row.optionalMember("indicativeSettlePrice").map { (node) throws(JSONError) in
                try node.decimal()
            })
    }
}
