public import LiqCore

/// Decodes `allLiquidation.{symbol}` pushes: every liquidation of the symbol, batched every 500 ms.
///
/// `S` is the side of the liquidated POSITION ("When you receive a `Buy` update, this means that a long position
/// has been liquidated"), the opposite convention to Binance's order side. `p` is the bankruptcy price and `v`
/// the executed size in contracts (base coin for linear symbols, USD for inverse ones), `T` the update time.
/// `data` is an array in the documented and recorded messages; a single object is accepted too.
public enum BybitLiquidationDecoder {
    public static func decode(_ message: JSONNode) throws(JSONError) -> [VenueLiquidation] {
        let data = try message.member("data")
        let rows: [JSONNode]
        if case .array = data.value { rows = try data.elements() } else { rows = [data] }
        return try rows.map { (row) throws(JSONError) -> VenueLiquidation in
            let sideNode = try row.member("S")
            let side: PositionSide
            switch try sideNode.string() {
            case "Buy": side = .long
            case "Sell": side = .short
            default: throw sideNode.error(expected: "\"Buy\" or \"Sell\"")
            }
            return VenueLiquidation(
                venue: .bybit, symbol: try row.member("s").string(), timestampMs: try row.member("T").timestampMs(),
                side: side, price: try row.member("p").decimal(), priceKind: .bankruptcy,
                quantity: try row.member("v").decimal(), quantityUnit: .contracts, completeness: .complete)
        }
    }
}
