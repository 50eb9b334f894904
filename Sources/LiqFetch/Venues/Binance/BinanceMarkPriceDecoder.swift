public import LiqCore

/// Decodes mark prices: the REST `premiumIndex` (an object for one USDⓈ-M symbol, an array otherwise) and the
/// `markPriceUpdate` events of the `<symbol>@markPrice[@1s]` / `!markPrice@arr[@1s]` streams.
///
/// Stream fields: `s` symbol, `E` event time (ms), `p` mark, `i` index, `P` estimated settle price, `r` running
/// funding rate, `T` next funding time. Quarterlies have no funding: USDⓈ-M sends `r` "0.00000000" with `T` 0,
/// COIN-M omits both (and `i`, which it publishes on its own `indexPrice` stream); neither is a rate.
public enum BinanceMarkPriceDecoder {
    /// One mark per `premiumIndex` row, at the row's `time`.
    public static func decodePremiumIndex(_ document: JSONNode, venue: Venue) throws(JSONError) -> [VenueMarkPrice] {
        let rows: [JSONNode]
        if case .array = document.value { rows = try document.elements() } else { rows = [document] }
        return try rows.map { (row) throws(JSONError) in
            VenueMarkPrice(
                venue: venue, symbol: try row.member("symbol").string(),
                timestampMs: try row.member("time").timestampMs(),
                markPrice: try row.member("markPrice").decimal(), indexPrice: try optionalPrice(row, "indexPrice"))
        }
    }

    /// The mark of one `markPriceUpdate` event and, for perpetuals, the running funding rate it carries.
    public static func decodeUpdate(_ event: JSONNode, venue: Venue) throws(JSONError) -> (
        mark: VenueMarkPrice, funding: VenueFunding?
    ) {
        let eventType = try event.member("e")
        guard try eventType.string() == "markPriceUpdate" else {
            throw eventType.error(expected: "\"markPriceUpdate\"")
        }
        let symbol = try event.member("s").string()
        let timestampMs = try event.member("E").timestampMs()
        let mark = VenueMarkPrice(
            venue: venue, symbol: symbol, timestampMs: timestampMs, markPrice: try event.member("p").decimal(),
            indexPrice: try optionalPrice(event, "i"))
        guard let rateNode = try event.optionalMember("r"), rateNode.value != .string(""),
            let nextNode = try event.optionalMember("T"), try nextNode.int64() != 0
        else { return (mark, nil) }
        return (
            mark,
            VenueFunding(
                venue: venue, symbol: symbol, timestampMs: timestampMs, rate: try rateNode.decimal(),
                intervalHours: nil,
                kind: .predicted)
        )
    }

    /// A price member that may be absent or an empty string (not yet computed): nil, never zero.
    static func optionalPrice(_ row: JSONNode, _ key: String) throws(JSONError) -> Double? {
        guard let node = try row.optionalMember(key), node.value != .string("") else { return nil }
        return try node.decimal()
    }
}
