public import LiqCore

/// Finds liquidations among Deribit trades (REST `get_last_trades_by_currency` and the `trades.*` channels).
///
/// Deribit has no liquidation feed; a trade caused by one carries `liquidation`: `T` when the taker was
/// liquidated, `M` when the maker was, `MT` when both were. `direction` is the TAKER's side, so a liquidated
/// taker that sold was long, and a liquidated maker facing a buying taker had sold, so was long too:
/// - `T` + `sell` → long, `T` + `buy` → short;
/// - `M` + `buy` → long, `M` + `sell` → short;
/// - `MT` → both of the above: one long and one short, each for the full amount; the maker's event gets the
///   venue id `<trade_id>-M` so the two stay apart.
/// The price is the fill; `amount` is USD for the inverse instruments the adapter accepts. Trades without the
/// field are ordinary trades and yield nothing.
public enum DeribitLiquidationDecoder {
    public static func decode(trades: [JSONNode]) throws(JSONError) -> [VenueLiquidation] {
        var liquidations: [VenueLiquidation] = []
        for trade in trades {
            guard let flagNode = try trade.optionalMember("liquidation") else { continue }
            let directionNode = try trade.member("direction")
            let takerSide: PositionSide
            switch try directionNode.string() {
            case "buy": takerSide = .short
            case "sell": takerSide = .long
            default: throw directionNode.error(expected: "\"buy\" or \"sell\"")
            }
            let makerSide: PositionSide = takerSide == .long ? .short : .long
            let tradeID = try trade.member("trade_id").string()
            let sides: [(PositionSide, String)]
            switch try flagNode.string() {
            case "T": sides = [(takerSide, tradeID)]
            case "M": sides = [(makerSide, tradeID)]
            case "MT": sides = [(takerSide, tradeID), (makerSide, tradeID + "-M")]
            default: throw flagNode.error(expected: "\"T\", \"M\" or \"MT\"")
            }
            let symbol = try trade.member("instrument_name").string()
            let timestampMs = try trade.member("timestamp").timestampMs()
            let price = try trade.member("price").decimal()
            let amount = try trade.member("amount").decimal()
            for (side, venueID) in sides {
                liquidations.append(
                    VenueLiquidation(
                        venue: .deribit, symbol: symbol, timestampMs: timestampMs, side: side, price: price,
                        priceKind: .fill, quantity: amount, quantityUnit: .usd, completeness: .complete,
                        venueID: venueID))
            }
        }
        return liquidations
    }
}
