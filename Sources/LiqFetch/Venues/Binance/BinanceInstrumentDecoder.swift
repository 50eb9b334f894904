public import LiqCore

/// Decodes `exchangeInfo` into instruments.
///
/// USDⓈ-M quantities are already base units (contract size 1 base); COIN-M contracts are `contractSize` USD and
/// the field must be present: a contract size is never guessed.
public enum BinanceInstrumentDecoder {
    public static func decode(_ document: JSONNode, venue: Venue) throws(JSONError) -> [Instrument] {
        var instruments: [Instrument] = []
        for symbol in try document.member("symbols").elements() {
            let contractTypeNode = try symbol.member("contractType")
            let kind: ContractKind
            switch try contractTypeNode.string() {
            case "PERPETUAL", "TRADIFI_PERPETUAL": kind = .perpetual
            case "CURRENT_QUARTER", "NEXT_QUARTER", "CURRENT_MONTH", "NEXT_MONTH": kind = .datedFuture
            case "", "CURRENT_QUARTER DELIVERING", "NEXT_QUARTER DELIVERING", "PERPETUAL DELIVERING": continue
            default: throw contractTypeNode.error(expected: "a Binance contract type (PERPETUAL, CURRENT_QUARTER, …)")
            }
            let margining: Margining
            let contractSize: ContractSize
            if venue == .binanceCOINM {
                margining = .inverse
                contractSize = ContractSize(value: try symbol.member("contractSize").decimal(), unit: .usd)
            } else {
                margining = .linear
                contractSize = ContractSize(value: 1, unit: .base)
            }
            instruments.append(
                Instrument(
                    venue: venue, symbol: try symbol.member("symbol").string(),
                    baseAsset: try symbol.member("baseAsset").string().uppercased(),
                    quoteAsset: try symbol.member("quoteAsset").string(),
                    settleAsset: try symbol.member("marginAsset").string(), kind: kind, margining: margining,
                    contractSize: contractSize))
        }
        return instruments
    }
}
