public import LiqCore

/// Decodes open interest: the history rows of `/futures/data/openInterestHist` and the current value of
/// `/fapi/v1/openInterest` / `/dapi/v1/openInterest`.
///
/// USDⓈ-M `sumOpenInterest` is base units with Binance's USDT valuation `sumOpenInterestValue`. COIN-M history is
/// keyed by `pair` and `contractType` (no symbol); its `sumOpenInterest` counts contracts and
/// `sumOpenInterestValue` is in the base coin ("unit: cont" / "unit: base asset" on the COIN-M "Open Interest
/// Statistics" page): contracts are kept (the normaliser turns them into USD exactly, contracts × contract size)
/// and the base amount is kept as Binance valued it at the row's own time. The current-value endpoints carry no
/// valuation, so their base amount comes from the mark.
public enum BinanceOpenInterestDecoder {
    public static func decodeHistory(_ document: JSONNode, venue: Venue) throws(JSONError) -> [VenueOpenInterest] {
        try document.elements().map { (row) throws(JSONError) in
            let coinMargined = venue == .binanceCOINM
            return VenueOpenInterest(
                venue: venue, symbol: coinMargined ? try coinMarginedSymbol(row) : try row.member("symbol").string(),
                timestampMs: try row.member("timestamp").timestampMs(),
                quantity: try row.member("sumOpenInterest").decimal(),
                quantityUnit: coinMargined ? .contracts : .base,
                valueUSD: coinMargined ? nil : try row.member("sumOpenInterestValue").decimal(),
                valueBase: coinMargined ? try row.member("sumOpenInterestValue").decimal() : nil)
        }
    }

    public static func decodeCurrent(_ document: JSONNode, venue: Venue) throws(JSONError) -> VenueOpenInterest {
        VenueOpenInterest(
            venue: venue, symbol: try document.member("symbol").string(),
            timestampMs: try document.member("time").timestampMs(),
            quantity: try document.member("openInterest").decimal(),
            quantityUnit: venue == .binanceCOINM ? .contracts : .base, valueUSD: nil)
    }

    /// The symbol of a COIN-M history row: its own `symbol` when present, otherwise the perpetual of its `pair`
    /// (`BTCUSD` → `BTCUSD_PERP`, Binance's naming for COIN-M perpetuals). Only perpetual history is requested;
    /// dated contracts are read from the current-value endpoint, which names them.
    static func coinMarginedSymbol(_ row: JSONNode) throws(JSONError) -> String {
        if let symbol = try row.optionalMember("symbol") { return try symbol.string() }
        let typeNode = try row.member("contractType")
        guard try typeNode.string() == "PERPETUAL" else { throw typeNode.error(expected: "\"PERPETUAL\"") }
        return try row.member("pair").string() + BinanceContract.perpetualSuffix
    }
}
