import LiqCore

/// The Bybit `allLiquidation.{symbol}` push as `Codable` structs, every field declared, for the Foundation
/// `JSONDecoder` baseline.
struct BybitLiquidationPush: Decodable {
    struct Row: Decodable {
        var updateTimeMs: Int64
        var symbol: String
        var side: String
        var size: String
        var bankruptcyPrice: String

        enum CodingKeys: String, CodingKey {
            case updateTimeMs = "T"
            case symbol = "s"
            case side = "S"
            case size = "v"
            case bankruptcyPrice = "p"
        }
    }

    var topic: String
    var type: String
    var ts: Int64
    var data: [Row]

    /// The same reading as `BybitLiquidationDecoder`, so the baseline does the same work end to end: `Buy` is a
    /// liquidated long.
    func liquidations() -> [VenueLiquidation] {
        data.compactMap { row -> VenueLiquidation? in
            guard let price = Double(row.bankruptcyPrice), let size = Double(row.size) else { return nil }
            return VenueLiquidation(
                venue: .bybit, symbol: row.symbol, timestampMs: row.updateTimeMs,
                side: row.side == "Buy" ? .long : .short,
                price: price, priceKind: .bankruptcy, quantity: size, quantityUnit: .contracts, completeness: .complete)
        }
    }
}
