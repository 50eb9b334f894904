import LiqCore

/// The Deribit `trades.*` subscription notification as `Codable` structs, every field declared, for the
/// Foundation `JSONDecoder` baseline: a consumer decoding it this way reads every trade, flagged or not.
struct DeribitTradesNotification: Decodable {
    struct Params: Decodable {
        var channel: String
        var data: [Trade]
    }

    struct Trade: Decodable {
        var timestamp: Int64
        var price: Double
        var amount: Double
        var direction: String
        var indexPrice: Double
        var instrumentName: String
        var tradeSequence: Int64
        var markPrice: Double
        var tickDirection: Int
        var contracts: Double
        var tradeID: String
        /// `T`, `M` or `MT` on a liquidation's fill; absent on an ordinary trade.
        var liquidation: String?

        enum CodingKeys: String, CodingKey {
            case timestamp, price, amount, direction, contracts, liquidation
            case indexPrice = "index_price"
            case instrumentName = "instrument_name"
            case tradeSequence = "trade_seq"
            case markPrice = "mark_price"
            case tickDirection = "tick_direction"
            case tradeID = "trade_id"
        }
    }

    var jsonrpc: String
    var method: String
    var params: Params

    /// The same reading as `DeribitLiquidationDecoder`, so the baseline does the same work end to end: `direction`
    /// is the taker's side, `T` liquidates the taker, `M` the maker, `MT` both (the maker's id suffixed `-M`).
    func liquidations() -> [VenueLiquidation] {
        params.data.flatMap { trade -> [VenueLiquidation] in
            guard let flag = trade.liquidation else { return [] }
            let taker: PositionSide = trade.direction == "sell" ? .long : .short
            let maker: PositionSide = taker == .long ? .short : .long
            let sides: [(PositionSide, String)] =
                switch flag {
                case "T": [(taker, trade.tradeID)]
                case "M": [(maker, trade.tradeID)]
                default: [(taker, trade.tradeID), (maker, trade.tradeID + "-M")]
                }
            return sides.map { side, venueID in
                VenueLiquidation(
                    venue: .deribit, symbol: trade.instrumentName, timestampMs: trade.timestamp, side: side,
                    price: trade.price, priceKind: .fill, quantity: trade.amount, quantityUnit: .usd,
                    completeness: .complete, venueID: venueID)
            }
        }
    }
}
