public import LiqCore

/// `BybitLiquidationDecoder.decode` straight from the bytes of an `allLiquidation.{symbol}` WebSocket push
/// (`{"topic":"allLiquidation.BTCUSDT","type":"snapshot","ts":…,"data":[{"T":…,"s":…,"S":…,"v":…,"p":…}]}`),
/// the bulk of a Bybit capture in a crash.
///
/// Same rules as `BybitStreamDecoder` and the tree decoder: the first `topic` must be a string starting with
/// `allLiquidation.` (tickers take the tree path); `data` is an array of rows or a single row object; every row
/// needs `S` (`Buy` = a liquidated long, `Sell` = a liquidated short), `s`, `T`, `p` (bankruptcy price) and `v`
/// (contracts). Anything else falls back (nil): any `op` or `success` member (an operation answer, or a refusal
/// the tree turns into a `VenueAPIError`), a missing, null or non-ASCII topic, an unknown side, a null or
/// non-object row, and whatever the cursor itself leaves to the tree (escapes, syntax errors).
public enum FastBybitLiquidation {
    /// The liquidations in one raw push, or nil when the tree decoder must decide.
    public static func decode(_ bytes: [UInt8]) -> [VenueLiquidation]? {
        JSONCursor.document(bytes) { (cursor) throws(FastPathFallback) in try push(&cursor) }
    }

    private static func push(_ cursor: inout JSONCursor) throws(FastPathFallback) -> [VenueLiquidation] {
        var topic: JSONSpan?
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
                // An array holds the rows; anything else is read as one row, which must then be an object.
                if cursor.current == UInt8(ascii: "[") {
                    guard try cursor.beginArray() else { continue }
                    repeat {
                        events.append(try row(&cursor))
                    } while try cursor.nextElement()
                } else {
                    events.append(try row(&cursor))
                }
            } else if cursor.matches(key, "topic") {
                let value = try cursor.value()
                if topic == nil { topic = value }
            } else if cursor.matches(key, "op") || cursor.matches(key, "success") {
                throw FastPathFallback()
            } else {
                try cursor.skipValue()
            }
        } while try cursor.nextMember()

        guard sawData, try cursor.stringHasPrefix(cursor.member(topic), "allLiquidation.") else {
            throw FastPathFallback()
        }
        return events
    }

    /// One row `{"T":…,"s":…,"S":…,"v":…,"p":…}`, first occurrence of each key, read in the tree's order.
    private static func row(_ cursor: inout JSONCursor) throws(FastPathFallback) -> VenueLiquidation {
        var time: JSONSpan?
        var symbol: JSONSpan?
        var side: JSONSpan?
        var size: JSONSpan?
        var price: JSONSpan?
        // `member()` on a non-object row throws in the tree; `{}` lacks `S`.
        guard cursor.current == UInt8(ascii: "{"), try cursor.beginObject() else { throw FastPathFallback() }
        repeat {
            let key = try cursor.key()
            let value = try cursor.value()
            guard key.range.count == 1 else { continue }
            switch cursor.byte(at: key.range.lowerBound) {
            case UInt8(ascii: "T"): time = time ?? value
            case UInt8(ascii: "s"): symbol = symbol ?? value
            case UInt8(ascii: "S"): side = side ?? value
            case UInt8(ascii: "v"): size = size ?? value
            case UInt8(ascii: "p"): price = price ?? value
            default: break
            }
        } while try cursor.nextMember()

        let sideText = try cursor.member(side)
        let position: PositionSide
        if try cursor.isString(sideText, "Buy") {
            position = .long
        } else if try cursor.isString(sideText, "Sell") {
            position = .short
        } else {
            throw FastPathFallback()
        }
        return VenueLiquidation(
            venue: .bybit, symbol: try cursor.string(cursor.member(symbol)),
            timestampMs: try cursor.timestampMs(cursor.member(time)), side: position,
            price: try cursor.decimal(cursor.member(price)), priceKind: .bankruptcy,
            quantity: try cursor.decimal(cursor.member(size)), quantityUnit: .contracts, completeness: .complete)
    }
}
