public import LiqCore

/// Decodes `/v5/market/instruments-info` into instruments and their funding intervals.
///
/// Bybit states no contract size because its units are fixed per family: a linear contract is one unit of the
/// base coin (`BTCUSDT` quantities are BTC) and an inverse contract is one USD (`BTCUSD` quantities are USD),
/// which `contractType` says. Every Bybit quantity is therefore decoded as contracts of that size, so the
/// normaliser converts all of them (liquidations, open interest, kline volume) the same way.
public enum BybitInstrumentDecoder {
    public static func decode(_ document: JSONNode) throws -> [Instrument] {
        try BybitEnvelope.rows(document).map { (row) throws -> Instrument in
            let typeNode = try row.member("contractType")
            let kind: ContractKind
            let margining: Margining
            switch try typeNode.string() {
            case "LinearPerpetual": (kind, margining) = (.perpetual, .linear)
            case "LinearFutures": (kind, margining) = (.datedFuture, .linear)
            case "InversePerpetual": (kind, margining) = (.perpetual, .inverse)
            case "InverseFutures": (kind, margining) = (.datedFuture, .inverse)
            default:
                throw typeNode.error(expected: "LinearPerpetual, LinearFutures, InversePerpetual or InverseFutures")
            }
            let quoteNode = try row.member("quoteCoin")
            let quote = try quoteNode.string()
            if margining == .inverse, quote != "USD" {
                throw quoteNode.error(expected: "USD for an inverse contract")
            }
            return Instrument(
                venue: .bybit, symbol: try row.member("symbol").string(),
                baseAsset: try row.member("baseCoin").string().uppercased(), quoteAsset: quote,
                settleAsset: try row.member("settleCoin").string(), kind: kind, margining: margining,
                contractSize: ContractSize(value: 1, unit: margining == .inverse ? .usd : .base))
        }
    }

    /// Symbol → funding interval in hours, from `fundingInterval` in minutes; dated futures (0) pay no funding.
    public static func decodeFundingIntervals(_ document: JSONNode) throws -> [String: Double] {
        var intervals: [String: Double] = [:]
        for row in try BybitEnvelope.rows(document) {
            guard let minutesNode = try row.optionalMember("fundingInterval") else { continue }
            let minutes = try minutesNode.decimal()
            guard minutes >= 0 else { throw minutesNode.error(expected: "a non-negative number of minutes") }
            if minutes > 0 { intervals[try row.member("symbol").string()] = minutes / 60 }
        }
        return intervals
    }
}
