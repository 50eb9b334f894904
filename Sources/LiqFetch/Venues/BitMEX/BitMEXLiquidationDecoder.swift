public import LiqCore

/// Decodes one row of the `liquidation` table: `{orderID, symbol, side, price, leavesQty}`.
///
/// A row is a liquidation ORDER the engine placed for the full position at the bankruptcy price; the fill is
/// never reported (the order rests, then vanishes), so the price is the `order` price and the quantity is
/// `leavesQty` contracts when the order appears. `side` is the order's side: the engine sells to close a long.
/// The WebSocket table shows every liquidation order, even those filled at once (BitMEX support, quoted in
/// BitMEX/api-connectors#241), so the feed is `complete`. Rows carry no time: the caller supplies it.
public enum BitMEXLiquidationDecoder {
    public static func decode(_ row: JSONNode, timestampMs: Int64) throws(JSONError) -> VenueLiquidation {
        let sideNode = try row.member("side")
        let side: PositionSide
        switch try sideNode.string() {
        case "Sell": side = .long
        case "Buy": side = .short
        default: throw sideNode.error(expected: "\"Buy\" or \"Sell\"")
        }
        return VenueLiquidation(
            venue: .bitmex, symbol: try row.member("symbol").string(), timestampMs: timestampMs, side: side,
            price: try row.member("price").decimal(), priceKind: .order,
            quantity: try row.member("leavesQty").decimal(), quantityUnit: .contracts, completeness: .complete,
            venueID: try row.member("orderID").string())
    }
}
