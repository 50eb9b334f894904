public import LiqCore

/// Decodes Binance futures `forceOrder` messages (USDⓈ-M and COIN-M), bare or in the combined-stream wrapper
/// `{"stream": …, "data": {…}}`.
///
/// Binance sends the liquidation ORDER's side: the engine sells to close a long, so `S=SELL` is a liquidated
/// long. Quantity is the cumulative filled `z` at the average fill price `ap` (tardis and the venue's docs agree;
/// `l` can exceed `z` in recorded data, so it is not used). The stream pushes at most one order per symbol per
/// second: every event is `sampled`.
public enum BinanceLiquidationDecoder {
    /// Decodes one message; orders that never filled (`NEW`, `CANCELED`, `EXPIRED`) yield nothing.
    public static func decode(_ message: JSONNode, venue: Venue) throws(JSONError) -> [VenueLiquidation] {
        if let data = try message.optionalMember("data") {
            return try decode(data, venue: venue)
        }
        let eventType = try message.member("e")
        guard try eventType.string() == "forceOrder" else { throw eventType.error(expected: "\"forceOrder\"") }
        let order = try message.member("o")
        let status = try order.member("X")
        switch try status.string() {
        case "FILLED", "PARTIALLY_FILLED": break
        case "NEW", "CANCELED", "EXPIRED": return []
        default: throw status.error(expected: "an order status (NEW, PARTIALLY_FILLED, FILLED, CANCELED, EXPIRED)")
        }
        let sideNode = try order.member("S")
        let side: PositionSide
        switch try sideNode.string() {
        case "SELL": side = .long
        case "BUY": side = .short
        default: throw sideNode.error(expected: "\"BUY\" or \"SELL\"")
        }
        let filledNode = try order.member("z")
        let filled = try filledNode.decimal()
        guard filled > 0 else { return [] }
        let priceNode = try order.member("ap")
        let price = try priceNode.decimal()
        guard price > 0 else { throw priceNode.error(expected: "a positive average price for a filled order") }
        return [
            VenueLiquidation(
                venue: venue, symbol: try order.member("s").string(), timestampMs: try order.member("T").timestampMs(),
                side: side, price: price, priceKind: .fill, quantity: filled,
                quantityUnit: venue == .binanceCOINM ? .contracts : .base, completeness: .sampled)
        ]
    }
}
