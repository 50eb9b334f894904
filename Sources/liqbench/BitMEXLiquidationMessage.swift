import LiqCore

/// A BitMEX realtime `liquidation` table message as `Codable` structs, every field declared (`side`, `price` and
/// `leavesQty` are absent from deletes, `side` and `price` from updates), for the Foundation `JSONDecoder` baseline.
struct BitMEXLiquidationMessage: Decodable {
    struct Row: Decodable {
        var orderID: String
        var symbol: String
        var side: String?
        var price: Double?
        var leavesQty: Int64?
    }

    var table: String
    var action: String
    var data: [Row]

    /// The same reading as `BitMEXLiquidationDecoder` for an insert, stamped with the stream clock; updates and
    /// deletes yield nothing. `Sell` closes a long.
    func liquidations(timestampMs: Int64) -> [VenueLiquidation] {
        guard action == "insert" else { return [] }
        return data.compactMap { row -> VenueLiquidation? in
            guard let side = row.side, let price = row.price, let quantity = row.leavesQty else { return nil }
            return VenueLiquidation(
                venue: .bitmex, symbol: row.symbol, timestampMs: timestampMs, side: side == "Sell" ? .long : .short,
                price: price, priceKind: .order, quantity: Double(quantity), quantityUnit: .contracts,
                completeness: .complete, venueID: row.orderID)
        }
    }
}
