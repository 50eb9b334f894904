public import LiqCore

/// Decodes `public/get_instruments` (kind `future`) into instruments.
///
/// Inverse (`instrument_type` `reversed`) futures and perpetuals count `amount` and open interest in USD and
/// one contract is `contract_size` USD (10 for BTC-PERPETUAL). Linear USDC contracts count in the base coin
/// instead; the reference (venue-feeds.md §5) verifies only the inverse units, and the trades and tickers our
/// decoders read do not say which unit they use, so a linear instrument is refused rather than mis-sized.
public enum DeribitInstrumentDecoder {
    /// `settlement_period` of dated futures; `perpetual` is the other one.
    static let datedPeriods: Set<String> = ["day", "week", "month", "quarter", "year"]

    /// The instruments of `symbols`, in list order; rows of other instruments are not read.
    public static func decode(_ document: JSONNode, symbols: Set<String>) throws -> [Instrument] {
        var instruments: [Instrument] = []
        for row in try DeribitEnvelope.result(document).elements()
        where symbols.contains(try row.member("instrument_name").string()) {
            instruments.append(try instrument(row))
        }
        return instruments
    }

    /// Every inverse future and perpetual of the list; linear contracts are left out (see the type's note).
    public static func listed(_ document: JSONNode) throws -> [Instrument] {
        var instruments: [Instrument] = []
        for row in try DeribitEnvelope.result(document).elements() where try type(of: row).string() == "reversed" {
            instruments.append(try instrument(row))
        }
        return instruments
    }

    /// `instrument_type`, or `future_type` in answers from before the field was renamed.
    static func type(of row: JSONNode) throws(JSONError) -> JSONNode {
        if let node = try row.optionalMember("instrument_type") { return node }
        return try row.member("future_type")
    }

    static func instrument(_ row: JSONNode) throws(JSONError) -> Instrument {
        let kindNode = try row.member("kind")
        guard try kindNode.string() == "future" else { throw kindNode.error(expected: "\"future\"") }
        let typeNode = try type(of: row)
        guard try typeNode.string() == "reversed" else {
            throw typeNode.error(
                expected: "\"reversed\" (an inverse contract; linear ones count amounts in the base coin, which "
                    + "our decoders cannot tell from a trade)")
        }
        let quoteNode = try row.member("quote_currency")
        guard try quoteNode.string() == "USD" else { throw quoteNode.error(expected: "USD for an inverse contract") }
        let periodNode = try row.member("settlement_period")
        let kind: ContractKind
        switch try periodNode.string() {
        case "perpetual": kind = .perpetual
        case let period where datedPeriods.contains(period): kind = .datedFuture
        default: throw periodNode.error(expected: "\"perpetual\" or a delivery period (day, week, month, quarter)")
        }
        let sizeNode = try row.member("contract_size")
        let size = try sizeNode.decimal()
        guard size > 0 else { throw sizeNode.error(expected: "a positive contract size") }
        return Instrument(
            venue: .deribit, symbol: try row.member("instrument_name").string(),
            baseAsset: try row.member("base_currency").string().uppercased(), quoteAsset: "USD",
            settleAsset: try row.member("settlement_currency").string().uppercased(), kind: kind,
            margining: .inverse, contractSize: ContractSize(value: size, unit: .usd))
    }
}
