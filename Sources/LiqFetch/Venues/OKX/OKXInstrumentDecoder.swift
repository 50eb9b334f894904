public import LiqCore

/// Decodes `/api/v5/public/instruments` into instruments with their contract sizes.
///
/// One contract is `ctVal × ctMult` of `ctValCcy`: the base coin for linear contracts (BTC-USDT-SWAP 0.01 BTC),
/// USD for inverse ones (BTC-USD-SWAP 100 USD). Anything else is an error, not a guess.
public enum OKXInstrumentDecoder {
    public static func decode(_ document: JSONNode) throws -> [Instrument] {
        try OKXEnvelope.rows(document).map { (row) throws -> Instrument in
            let instID = try row.member("instId").string()
            let underlying = try row.member("uly")
            let parts = try underlying.string().split(separator: "-")
            guard parts.count == 2 else { throw underlying.error(expected: "an underlying of the form BASE-QUOTE") }
            let base = String(parts[0]).uppercased()
            let quote = String(parts[1]).uppercased()
            let size = try row.member("ctVal").decimal() * row.member("ctMult").decimal()
            let valueCurrency = try row.member("ctValCcy")
            let typeNode = try row.member("ctType")
            let margining: Margining
            let contractSize: ContractSize
            switch try typeNode.string() {
            case "linear":
                guard try valueCurrency.string().uppercased() == base else {
                    throw valueCurrency.error(expected: "the base currency \(base) for a linear contract")
                }
                margining = .linear
                contractSize = ContractSize(value: size, unit: .base)
            case "inverse":
                guard try valueCurrency.string().uppercased() == "USD" else {
                    throw valueCurrency.error(expected: "USD for an inverse contract")
                }
                margining = .inverse
                contractSize = ContractSize(value: size, unit: .usd)
            default:
                throw typeNode.error(expected: "\"linear\" or \"inverse\"")
            }
            let instTypeNode = try row.member("instType")
            let kind: ContractKind
            switch try instTypeNode.string() {
            case "SWAP": kind = .perpetual
            case "FUTURES": kind = .datedFuture
            default: throw instTypeNode.error(expected: "\"SWAP\" or \"FUTURES\"")
            }
            return Instrument(
                venue: .okx, symbol: instID, baseAsset: base, quoteAsset: quote,
                settleAsset: try row.member("settleCcy").string(), kind: kind, margining: margining,
                contractSize: contractSize)
        }
    }
}
