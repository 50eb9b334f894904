public import LiqCore

/// Decodes OKX liquidation orders, from REST `/api/v5/public/liquidation-orders` or the WebSocket
/// `liquidation-orders` channel (same rows).
///
/// `posSide` is the liquidated position; in net mode it is `net` (or empty) and the order `side` decides: the
/// engine sells to close a long. `bkPx` is the bankruptcy price and `sz` is in contracts.
public enum OKXLiquidationDecoder {
    public static func decode(_ document: JSONNode) throws -> [VenueLiquidation] {
        var events: [VenueLiquidation] = []
        for row in try OKXEnvelope.rows(document) {
            let instID = try row.member("instId").string()
            for detail in try row.member("details").elements() {
                events.append(
                    VenueLiquidation(
                        venue: .okx, symbol: instID, timestampMs: try detail.member("ts").timestampMs(),
                        side: try side(of: detail), price: try detail.member("bkPx").decimal(), priceKind: .bankruptcy,
                        quantity: try detail.member("sz").decimal(), quantityUnit: .contracts, completeness: .complete))
            }
        }
        return events
    }

    /// The times of every detail of a page, whatever its instrument: the paging cursor.
    static func detailTimes(_ document: JSONNode) throws -> [Int64] {
        var times: [Int64] = []
        for row in try OKXEnvelope.rows(document) {
            for detail in try row.member("details").elements() { times.append(try detail.member("ts").timestampMs()) }
        }
        return times
    }

    static func side(of detail: JSONNode) throws(JSONError) -> PositionSide {
        if let position = try detail.optionalMember("posSide") {
            switch try position.string() {
            case "long": return .long
            case "short": return .short
            case "net", "": break
            default: throw position.error(expected: "\"long\", \"short\" or \"net\"")
            }
        }
        let order = try detail.member("side")
        switch try order.string() {
        case "sell": return .long
        case "buy": return .short
        default: throw order.error(expected: "\"buy\" or \"sell\"")
        }
    }
}
