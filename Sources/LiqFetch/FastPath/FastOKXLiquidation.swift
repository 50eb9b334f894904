public import LiqCore

/// `OKXLiquidationDecoder.decode` straight from the bytes of a `liquidation-orders` WebSocket push
/// (`{"arg":…,"data":[…]}`) or a REST `/api/v5/public/liquidation-orders` answer (`{"code":"0",…,"data":[…]}`).
///
/// Same rules as the tree decoder: `code`, when present and not null, must be `"0"`; every row needs `instId`
/// and `details`; `posSide` long/short decides, `net` or empty defers to the order `side` (sell closes a long);
/// `bkPx` is the bankruptcy price, `sz` contracts. Anything else falls back (nil), and so does any message with
/// an `event` member, so one function serves the stream decoder (where `event` means a control message) and the
/// REST decoder alike.
public enum FastOKXLiquidation {
    /// The liquidations in one raw message, or nil when the tree decoder must decide. `pushOnly` accepts only
    /// WebSocket pushes of the `liquidation-orders` channel (`arg.channel`), as the stream decoder routes by
    /// channel; otherwise REST answers are accepted too.
    public static func decode(_ bytes: [UInt8], pushOnly: Bool = false) -> [VenueLiquidation]? {
        JSONCursor.document(bytes) { (cursor) throws(FastPathFallback) in
            try envelope(&cursor, pushOnly: pushOnly)
        }
    }

    private static func envelope(_ cursor: inout JSONCursor, pushOnly: Bool) throws(FastPathFallback)
        -> [VenueLiquidation]
    {
        var code: JSONSpan?
        var sawData = false
        var sawArg = false
        var liquidationChannel = false
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
                // `member("data")` throws for null, `elements()` for anything but an array.
                guard try cursor.arrayOrNull() else { throw FastPathFallback() }
                try rows(&cursor, into: &events)
            } else if cursor.matches(key, "code") {
                let value = try cursor.value()
                if code == nil { code = value }
            } else if cursor.matches(key, "event") {
                throw FastPathFallback()
            } else if cursor.matches(key, "arg"), !sawArg {
                sawArg = true
                liquidationChannel = try isLiquidationChannel(&cursor)
            } else {
                try cursor.skipValue()
            }
        } while try cursor.nextMember()

        if let code, code.kind != .null {
            // A non-zero code is a `VenueAPIError` from the tree decoder.
            guard code.kind == .string || code.kind == .number, cursor.matches(code, "0") else {
                throw FastPathFallback()
            }
        }
        guard sawData, !pushOnly || liquidationChannel else { throw FastPathFallback() }
        return events
    }

    /// Whether an `arg` object names the `liquidation-orders` channel (first `channel` member, as the tree reads
    /// it); anything else, including null or a non-object, is for the tree decoder to judge.
    private static func isLiquidationChannel(_ cursor: inout JSONCursor) throws(FastPathFallback) -> Bool {
        guard try cursor.objectOrNull(), try cursor.beginObject() else { return false }
        var channel: JSONSpan?
        repeat {
            let key = try cursor.key()
            let value = try cursor.value()
            if channel == nil, cursor.matches(key, "channel") { channel = value }
        } while try cursor.nextMember()
        guard let channel, channel.kind == .string else { return false }
        return cursor.matches(channel, "liquidation-orders")
    }

    /// The rows of `data`: each row's details are appended as they are read and given the row's `instId`, which
    /// OKX sends after `details`, once the row is complete.
    private static func rows(_ cursor: inout JSONCursor, into events: inout [VenueLiquidation])
        throws(FastPathFallback)
    {
        guard try cursor.beginArray() else { return }
        repeat {
            let firstEvent = events.count
            var instrument: JSONSpan?
            var sawDetails = false
            guard try cursor.beginObject() else { throw FastPathFallback() }
            repeat {
                let key = try cursor.key()
                if cursor.matches(key, "instId") {
                    let value = try cursor.value()
                    if instrument == nil { instrument = value }
                } else if cursor.matches(key, "details") {
                    guard !sawDetails else {
                        try cursor.skipValue()
                        continue
                    }
                    sawDetails = true
                    guard try cursor.arrayOrNull() else { throw FastPathFallback() }
                    try details(&cursor, into: &events)
                } else {
                    try cursor.skipValue()
                }
            } while try cursor.nextMember()
            guard sawDetails else { throw FastPathFallback() }
            let symbol = try cursor.string(cursor.member(instrument))
            for index in firstEvent..<events.count { events[index].symbol = symbol }
        } while try cursor.nextElement()
    }

    private static func details(_ cursor: inout JSONCursor, into events: inout [VenueLiquidation])
        throws(FastPathFallback)
    {
        guard try cursor.beginArray() else { return }
        repeat {
            var time: JSONSpan?
            var positionSide: JSONSpan?
            var orderSide: JSONSpan?
            var bankruptcyPrice: JSONSpan?
            var size: JSONSpan?
            guard try cursor.beginObject() else { throw FastPathFallback() }
            repeat {
                let key = try cursor.key()
                let value = try cursor.value()
                if cursor.matches(key, "ts") {
                    time = time ?? value
                } else if cursor.matches(key, "sz") {
                    size = size ?? value
                } else if cursor.matches(key, "bkPx") {
                    bankruptcyPrice = bankruptcyPrice ?? value
                } else if cursor.matches(key, "side") {
                    orderSide = orderSide ?? value
                } else if cursor.matches(key, "posSide") {
                    positionSide = positionSide ?? value
                }
            } while try cursor.nextMember()
            events.append(
                VenueLiquidation(
                    venue: .okx, symbol: "", timestampMs: try cursor.timestampMs(cursor.member(time)),
                    side: try side(cursor, position: positionSide, order: orderSide),
                    price: try cursor.decimal(cursor.member(bankruptcyPrice)), priceKind: .bankruptcy,
                    quantity: try cursor.decimal(cursor.member(size)), quantityUnit: .contracts,
                    completeness: .complete))
        } while try cursor.nextElement()
    }

    /// `OKXLiquidationDecoder.side(of:)`: the position side when given, else the side the order closes.
    private static func side(_ cursor: JSONCursor, position: JSONSpan?, order: JSONSpan?) throws(FastPathFallback)
        -> PositionSide
    {
        if let position, position.kind != .null {
            if try cursor.isString(position, "long") { return .long }
            if try cursor.isString(position, "short") { return .short }
            let isNet = try cursor.isString(position, "net")
            guard isNet || position.range.isEmpty else { throw FastPathFallback() }
        }
        let order = try cursor.member(order)
        if try cursor.isString(order, "sell") { return .long }
        if try cursor.isString(order, "buy") { return .short }
        throw FastPathFallback()
    }
}
