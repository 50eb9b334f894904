import LiqCore

/// The OKX `liquidation-orders` push as `Codable` structs, every field declared, for the Foundation
/// `JSONDecoder` baseline.
struct OKXLiquidationPush: Decodable {
    struct Argument: Decodable {
        var channel: String
        var instType: String
    }

    struct Row: Decodable {
        var details: [Detail]
        var instFamily: String
        var instId: String
        var instType: String
        var uly: String
    }

    struct Detail: Decodable {
        var bkLoss: String
        var bkPx: String
        var ccy: String
        var posSide: String
        var side: String
        var sz: String
        var ts: String
    }

    var arg: Argument
    var data: [Row]

    /// The same reading as `OKXLiquidationDecoder`, so the baseline does the same work end to end.
    func liquidations() -> [VenueLiquidation] {
        data.flatMap { row in
            row.details.compactMap { detail -> VenueLiquidation? in
                guard let time = Int64(detail.ts), let price = Double(detail.bkPx), let size = Double(detail.sz) else {
                    return nil
                }
                let side: PositionSide =
                    switch detail.posSide {
                    case "long": .long
                    case "short": .short
                    default: detail.side == "sell" ? .long : .short
                    }
                return VenueLiquidation(
                    venue: .okx, symbol: row.instId, timestampMs: time, side: side, price: price,
                    priceKind: .bankruptcy, quantity: size, quantityUnit: .contracts, completeness: .complete)
            }
        }
    }
}
