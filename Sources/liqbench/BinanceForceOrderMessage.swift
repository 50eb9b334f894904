import LiqCore

/// The `!forceOrder@arr` combined-stream message as `Codable` structs, the way one would decode it with
/// Foundation's `JSONDecoder`: the baseline the fast path is compared with. Every field of the message is
/// declared, so `JSONDecoder` does the work a real consumer would ask of it.
struct BinanceForceOrderMessage: Decodable {
    struct Event: Decodable {
        var eventType: String
        var eventTimeMs: Int64
        var order: Order

        enum CodingKeys: String, CodingKey {
            case eventType = "e"
            case eventTimeMs = "E"
            case order = "o"
        }
    }

    struct Order: Decodable {
        var symbol: String
        var side: String
        var orderType: String
        var timeInForce: String
        var quantity: String
        var price: String
        var averagePrice: String
        var status: String
        var lastFilled: String
        var filled: String
        var tradeTimeMs: Int64

        enum CodingKeys: String, CodingKey {
            case symbol = "s"
            case side = "S"
            case orderType = "o"
            case timeInForce = "f"
            case quantity = "q"
            case price = "p"
            case averagePrice = "ap"
            case status = "X"
            case lastFilled = "l"
            case filled = "z"
            case tradeTimeMs = "T"
        }
    }

    var stream: String
    var data: Event

    /// The same reading as `BinanceLiquidationDecoder`, so the baseline does the same work end to end.
    func liquidation(venue: Venue) -> VenueLiquidation? {
        let order = data.order
        guard data.eventType == "forceOrder", order.status == "FILLED" || order.status == "PARTIALLY_FILLED",
            let filled = Double(order.filled), filled > 0, let price = Double(order.averagePrice), price > 0
        else { return nil }
        return VenueLiquidation(
            venue: venue, symbol: order.symbol, timestampMs: order.tradeTimeMs,
            side: order.side == "SELL" ? .long : .short, price: price, priceKind: .fill, quantity: filled,
            quantityUnit: venue == .binanceCOINM ? .contracts : .base, completeness: .sampled)
    }
}
