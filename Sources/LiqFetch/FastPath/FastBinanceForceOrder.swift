public import LiqCore

/// `BinanceLiquidationDecoder.decode` straight from a message's bytes, for the `!forceOrder@arr` capture lines
/// that make up most of a Binance run.
///
/// It reproduces the tree decoder's rules exactly — the first `data` member (when not null) is the message; the
/// first occurrence of a key wins and `null` counts as absent; `S=SELL` is a liquidated long; `z` at `ap` at
/// `T`; unfilled statuses and `z ≤ 0` yield nothing — and falls back (nil) for everything else, so the caller
/// runs the tree decoder, which produces the result or the proper error.
public enum FastBinanceForceOrder {
    /// The liquidations in one raw message, or nil when the tree decoder must decide.
    public static func decode(_ bytes: [UInt8], venue: Venue) -> [VenueLiquidation]? {
        JSONCursor.document(bytes) { (cursor) throws(FastPathFallback) in
            try message(&cursor, venue: venue).map { [$0] } ?? []
        }
    }

    /// One message object: the combined-stream wrapper or the `forceOrder` event itself.
    private static func message(_ cursor: inout JSONCursor, venue: Venue) throws(FastPathFallback)
        -> VenueLiquidation?
    {
        var sawData = false
        var isWrapper = false
        var wrapped: VenueLiquidation?
        var eventType: JSONSpan?
        var sawOrder = false
        var order: Order?
        guard try cursor.beginObject() else { throw FastPathFallback() }
        repeat {
            let key = try cursor.key()
            if cursor.matches(key, "data") {
                guard !sawData else {
                    try cursor.skipValue()
                    continue
                }
                sawData = true
                if try cursor.objectOrNull() {
                    isWrapper = true
                    wrapped = try message(&cursor, venue: venue)
                }
            } else if cursor.matches(key, "e") {
                let value = try cursor.value()
                if eventType == nil { eventType = value }
            } else if cursor.matches(key, "o") {
                guard !sawOrder else {
                    try cursor.skipValue()
                    continue
                }
                sawOrder = true
                if try cursor.objectOrNull() { order = try Order(&cursor) }
            } else {
                try cursor.skipValue()
            }
        } while try cursor.nextMember()

        if isWrapper { return wrapped }
        guard try cursor.isString(cursor.member(eventType), "forceOrder"), let order else {
            throw FastPathFallback()
        }
        return try order.liquidation(cursor, venue: venue)
    }

    /// The fields of the order object `o` that the decoder reads, first occurrence of each.
    private struct Order {
        var symbol: JSONSpan?
        var side: JSONSpan?
        var averagePrice: JSONSpan?
        var status: JSONSpan?
        var filled: JSONSpan?
        var tradeTime: JSONSpan?

        init(_ cursor: inout JSONCursor) throws(FastPathFallback) {
            guard try cursor.beginObject() else { return }
            repeat {
                let key = try cursor.key()
                let value = try cursor.value()
                if key.range.count == 1 {
                    switch cursor.byte(at: key.range.lowerBound) {
                    case UInt8(ascii: "s"): symbol = symbol ?? value
                    case UInt8(ascii: "S"): side = side ?? value
                    case UInt8(ascii: "X"): status = status ?? value
                    case UInt8(ascii: "z"): filled = filled ?? value
                    case UInt8(ascii: "T"): tradeTime = tradeTime ?? value
                    default: break
                    }
                } else if cursor.matches(key, "ap") {
                    averagePrice = averagePrice ?? value
                }
            } while try cursor.nextMember()
        }

        /// The tree decoder's reading of the order, in its order: status, side, filled quantity, price.
        func liquidation(_ cursor: JSONCursor, venue: Venue) throws(FastPathFallback) -> VenueLiquidation? {
            let status = try cursor.member(status)
            let isFilled = try cursor.isString(status, "FILLED")
            if !isFilled, try !cursor.isString(status, "PARTIALLY_FILLED") {
                let isNew = try cursor.isString(status, "NEW")
                let isCanceled = try cursor.isString(status, "CANCELED")
                let isExpired = try cursor.isString(status, "EXPIRED")
                guard isNew || isCanceled || isExpired else { throw FastPathFallback() }
                return nil
            }
            let side = try cursor.member(side)
            let position: PositionSide
            if try cursor.isString(side, "SELL") {
                position = .long
            } else if try cursor.isString(side, "BUY") {
                position = .short
            } else {
                throw FastPathFallback()
            }
            let quantity = try cursor.decimal(cursor.member(filled))
            guard quantity > 0 else { return nil }
            let price = try cursor.decimal(cursor.member(averagePrice))
            guard price > 0 else { throw FastPathFallback() }
            return VenueLiquidation(
                venue: venue, symbol: try cursor.string(cursor.member(symbol)),
                timestampMs: try cursor.timestampMs(cursor.member(tradeTime)), side: position, price: price,
                priceKind: .fill, quantity: quantity, quantityUnit: venue == .binanceCOINM ? .contracts : .base,
                completeness: .sampled)
        }
    }
}
