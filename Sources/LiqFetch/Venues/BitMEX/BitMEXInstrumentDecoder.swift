public import LiqCore

/// Decodes `/api/v1/instrument/active` rows (and `instrument` table rows) into instruments with contract sizes.
///
/// BitMEX values a contract in minor units of its settlement currency (`XBt` satoshis, `USDt` micro-tether):
/// - inverse (`isInverse`, XBTUSD): `multiplier / price` per contract, so one contract is
///   `multiplier / underlyingToSettleMultiplier` USD (−100,000,000 / −100,000,000 = 1 USD for XBTUSD);
/// - linear: `multiplier × price` per contract, so one contract is `multiplier / quoteToSettleMultiplier` of the
///   base (XBTUSDT 1 / 1,000,000 = 0.000001 XBT);
/// - quanto (`isQuanto`, ETHUSD settled in XBt): `multiplier × price` satoshis, whose USD value moves with the
///   XBT/USD rate the row does not carry. Its USD notional cannot be derived, so a quanto is refused, not guessed.
/// Quotes other than USD, USDT and USDC (XBTEUR) would need an FX rate too and are refused the same way.
public enum BitMEXInstrumentDecoder {
    /// Quote currencies counted at par with USD.
    static let usdQuotes: Set<String> = ["USD", "USDT", "USDC"]
    /// `typ` of perpetual swaps (crypto and FX underlyings) and of dated futures; spot pairs (`IFXXXP`), indices
    /// (`MR…`) and options are other products.
    static let perpetualTypes: Set<String> = ["FFWCSX", "FFWCSF"]
    static let datedFutureTypes: Set<String> = ["FFCCSX"]

    /// The instruments of `symbols`, in list order. Rows of other symbols are not read: the active list mixes
    /// spot pairs, indices and quantos that are not ours to judge. A listed symbol we cannot convert is an error.
    public static func decode(_ document: JSONNode, symbols: Set<String>) throws -> [Instrument] {
        var instruments: [Instrument] = []
        for row in try BitMEXEnvelope.rows(document) where symbols.contains(try row.member("symbol").string()) {
            instruments.append(try instrument(row))
        }
        return instruments
    }

    /// Every instrument of the list that converts to USD without an FX rate (USD-quoted linear and inverse
    /// futures and perpetuals); spot pairs, indices, options, quantos and other quotes are left out.
    public static func listed(_ document: JSONNode) throws -> [Instrument] {
        var instruments: [Instrument] = []
        for row in try BitMEXEnvelope.rows(document) {
            let type = try row.member("typ").string()
            guard perpetualTypes.contains(type) || datedFutureTypes.contains(type),
                try !row.member("isQuanto").bool(),
                usdQuotes.contains(try row.member("quoteCurrency").string())
            else { continue }
            instruments.append(try instrument(row))
        }
        return instruments
    }

    /// One row's instrument.
    static func instrument(_ row: JSONNode) throws(JSONError) -> Instrument {
        let typeNode = try row.member("typ")
        let kind: ContractKind
        switch try typeNode.string() {
        case let type where perpetualTypes.contains(type): kind = .perpetual
        case let type where datedFutureTypes.contains(type): kind = .datedFuture
        default: throw typeNode.error(expected: "a futures type (FFWCSX or FFWCSF perpetual, FFCCSX dated future)")
        }
        let margining = try margining(of: row)
        let quoteNode = try row.member("quoteCurrency")
        let quote = try quoteNode.string()
        guard usdQuotes.contains(quote) else {
            throw quoteNode.error(expected: "USD, USDT or USDC (another quote needs an FX rate to reach USD)")
        }
        let base = baseAsset(try row.member("underlying").string())
        let size = try contractValue(row, margining: margining)
        return Instrument(
            venue: .bitmex, symbol: try row.member("symbol").string(), baseAsset: base, quoteAsset: quote,
            settleAsset: margining == .inverse ? base : quote, kind: kind, margining: margining,
            contractSize: ContractSize(value: size, unit: margining == .inverse ? .usd : .base))
    }

    /// Linear or inverse; a quanto is an error at `isQuanto`.
    static func margining(of row: JSONNode) throws(JSONError) -> Margining {
        let quantoNode = try row.member("isQuanto")
        if try quantoNode.bool() {
            throw quantoNode.error(
                expected: "false: a quanto's USD value moves with the settlement currency's USD rate, which the "
                    + "instrument row does not carry")
        }
        return try row.member("isInverse").bool() ? .inverse : .linear
    }

    /// The multiplier from the settlement currency's minor unit to the unit of the contract size: the underlying
    /// (`underlyingToSettleMultiplier`) for inverse contracts, the quote (`quoteToSettleMultiplier`) for linear.
    static func settleScale(_ row: JSONNode, margining: Margining) throws(JSONError) -> JSONNode {
        try row.member(margining == .inverse ? "underlyingToSettleMultiplier" : "quoteToSettleMultiplier")
    }

    /// One contract in USD (inverse) or base units (linear): `multiplier` over the settlement scale.
    static func contractValue(_ row: JSONNode, margining: Margining) throws(JSONError) -> Double {
        let multiplier = try row.member("multiplier").decimal()
        let scaleNode = try settleScale(row, margining: margining)
        let scale = try scaleNode.decimal()
        let size = multiplier / scale
        guard size > 0, size.isFinite else {
            throw scaleNode.error(expected: "a non-zero multiplier of the same sign as multiplier \(multiplier)")
        }
        return size
    }

    /// BitMEX calls bitcoin `XBT`; analytics group by the common code, so it becomes `BTC`.
    static func baseAsset(_ underlying: String) -> String {
        underlying.uppercased() == "XBT" ? "BTC" : underlying.uppercased()
    }
}
