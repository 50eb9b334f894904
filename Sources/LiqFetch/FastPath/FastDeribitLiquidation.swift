public import LiqCore

/// `DeribitStreamDecoder`'s reading of a `trades.*` subscription notification
/// (`{"jsonrpc":"2.0","method":"subscription","params":{"channel":"trades.future.BTC.100ms","data":[…]}}`)
/// straight from the bytes: the liquidations among its trades, before the decoder's symbol filter.
///
/// Same rules as `DeribitLiquidationDecoder`: a trade without `liquidation` (absent or null) is an ordinary trade
/// and yields nothing, whatever else it holds; a flagged trade needs `direction` (the taker's side), `trade_id`,
/// `instrument_name`, `timestamp`, `price` and `amount`; `T` liquidates the taker (sell → long), `M` the maker
/// (buy → long), `MT` both, the maker's event with the venue id `<trade_id>-M`; the price is the fill, `amount`
/// USD. The first occurrence of a key wins and null counts as absent, as in the tree.
///
/// Anything else falls back (nil) so the tree decoder decides or names the error: an `error` member, a `method`
/// other than `subscription` (heartbeats and subscription answers), a channel that is not an ASCII `trades.…`
/// (tickers), a missing or non-array `data`, a trade that is not an object, an unknown flag or direction, and
/// every string with an escape or number `FastDecimal` cannot read exactly.
public enum FastDeribitLiquidation {
    /// The liquidations of every instrument in one raw notification, or nil when the tree decoder must decide.
    public static func decode(_ bytes: [UInt8]) -> [VenueLiquidation]? {
        JSONCursor.document(bytes) { (cursor) throws(FastPathFallback) in
            try notification(&cursor)
        }
    }

    /// The JSON-RPC envelope: `error` is checked first by the tree decoder, then `method`, then `params`; the
    /// trades are read where `params` stands and kept only if the rest of the envelope turns out to be right.
    private static func notification(_ cursor: inout JSONCursor) throws(FastPathFallback) -> [VenueLiquidation] {
        var method: JSONSpan?
        var sawError = false
        var sawParams = false
        var events: [VenueLiquidation] = []
        guard try cursor.beginObject() else { throw FastPathFallback() }
        repeat {
            let key = try cursor.key()
            if cursor.matches(key, "params") {
                guard !sawParams else {
                    try cursor.skipValue()
                    continue
                }
                sawParams = true
                // `member("params")` throws for null, `member("channel")` for anything but an object.
                guard try cursor.objectOrNull() else { throw FastPathFallback() }
                events = try params(&cursor)
            } else if cursor.matches(key, "method") {
                let value = try cursor.value()
                if method == nil { method = value }
            } else if cursor.matches(key, "error") {
                let value = try cursor.value()
                // Only the first `error` counts, and a null one is absent.
                if !sawError, value.kind != .null { throw FastPathFallback() }
                sawError = true
            } else {
                try cursor.skipValue()
            }
        } while try cursor.nextMember()
        guard sawParams, try cursor.isString(cursor.member(method), "subscription") else { throw FastPathFallback() }
        return events
    }

    /// `params`: a `trades.` channel and its `data` array, in either order.
    private static func params(_ cursor: inout JSONCursor) throws(FastPathFallback) -> [VenueLiquidation] {
        var channel: JSONSpan?
        var sawData = false
        var events: [VenueLiquidation] = []
        guard try cursor.beginObject() else { throw FastPathFallback() }
        repeat {
            let key = try cursor.key()
            if cursor.matches(key, "data") {
                guard !sawData else {
                    try cursor.skipValue()
                    continue
                }
                sawData = true
                guard try cursor.arrayOrNull() else { throw FastPathFallback() }
                try trades(&cursor, into: &events)
            } else if cursor.matches(key, "channel") {
                let value = try cursor.value()
                if channel == nil { channel = value }
            } else {
                try cursor.skipValue()
            }
        } while try cursor.nextMember()
        guard sawData, try cursor.stringHasPrefix(cursor.member(channel), "trades.") else { throw FastPathFallback() }
        return events
    }

    /// The trades of `data`, each read whole and turned into zero, one or two events.
    private static func trades(_ cursor: inout JSONCursor, into events: inout [VenueLiquidation])
        throws(FastPathFallback)
    {
        guard try cursor.beginArray() else { return }
        repeat {
            var trade = Trade()
            // An empty object is an ordinary trade to the tree decoder; anything but an object falls back.
            if try cursor.beginObject() { try trade.read(&cursor) }
            try trade.append(cursor, to: &events)
        } while try cursor.nextElement()
    }

    /// The members of one trade that the decoder reads, first occurrence of each.
    private struct Trade {
        var flag: JSONSpan?
        var direction: JSONSpan?
        var tradeID: JSONSpan?
        var instrument: JSONSpan?
        var timestamp: JSONSpan?
        var price: JSONSpan?
        var amount: JSONSpan?

        /// The members after an opening `{` already consumed, up to and including the `}`. Keys are told apart by
        /// length first: most of a trade's twelve members are none of these.
        mutating func read(_ cursor: inout JSONCursor) throws(FastPathFallback) {
            repeat {
                let key = try cursor.key()
                let value = try cursor.value()
                switch key.range.count {
                case 5: if cursor.matches(key, "price") { price = price ?? value }
                case 6: if cursor.matches(key, "amount") { amount = amount ?? value }
                case 8: if cursor.matches(key, "trade_id") { tradeID = tradeID ?? value }
                case 9:
                    if cursor.matches(key, "timestamp") {
                        timestamp = timestamp ?? value
                    } else if cursor.matches(key, "direction") {
                        direction = direction ?? value
                    }
                case 11: if cursor.matches(key, "liquidation") { flag = flag ?? value }
                case 15: if cursor.matches(key, "instrument_name") { instrument = instrument ?? value }
                default: break
                }
            } while try cursor.nextMember()
        }

        /// `DeribitLiquidationDecoder`'s reading of one trade: nothing without a flag, else the taker's and/or the
        /// maker's event, in that order.
        func append(_ cursor: JSONCursor, to events: inout [VenueLiquidation]) throws(FastPathFallback) {
            guard let flag, flag.kind != .null else { return }
            let direction = try cursor.member(direction)
            let takerSide: PositionSide
            if try cursor.isString(direction, "sell") {
                takerSide = .long
            } else if try cursor.isString(direction, "buy") {
                takerSide = .short
            } else {
                throw FastPathFallback()
            }
            let makerSide: PositionSide = takerSide == .long ? .short : .long
            let tradeID = try cursor.string(cursor.member(tradeID))
            let sides: InlineArray<2, (PositionSide, String)?>
            if try cursor.isString(flag, "T") {
                sides = [(takerSide, tradeID), nil]
            } else if try cursor.isString(flag, "M") {
                sides = [(makerSide, tradeID), nil]
            } else if try cursor.isString(flag, "MT") {
                sides = [(takerSide, tradeID), (makerSide, tradeID + "-M")]
            } else {
                throw FastPathFallback()
            }
            let symbol = try cursor.string(cursor.member(instrument))
            let timestampMs = try cursor.timestampMs(cursor.member(timestamp))
            let price = try cursor.decimal(cursor.member(price))
            let amount = try cursor.decimal(cursor.member(amount))
            for index in sides.indices {
                guard let (side, venueID) = sides[index] else { continue }
                events.append(
                    VenueLiquidation(
                        venue: .deribit, symbol: symbol, timestampMs: timestampMs, side: side, price: price,
                        priceKind: .fill, quantity: amount, quantityUnit: .usd, completeness: .complete,
                        venueID: venueID))
            }
        }
    }
}
