public import LiqCore

/// The `liquidation` table messages of BitMEX's realtime stream (`{"table":"liquidation","action":…,"data":[…]}`)
/// straight from their bytes: the `insert`, `update` and `delete` that every liquidation order goes through.
///
/// It only reads, what `BitMEXStreamDecoder` reads: the stream decoder keeps the resting orders and the clock and
/// applies the message as its tree path would. Insert rows are read as `BitMEXLiquidationDecoder`
/// reads them (`side` Sell = a liquidated long, `price` the order price, `leavesQty` contracts, `orderID` the venue
/// id), stamped with the caller's clock; update and delete rows only need their `orderID`. Anything else falls
/// back (nil): a `partial` (it resets the resting orders; once per connection), any other table or action, any
/// `error` member, an insert row the tree could not decode, a non-object row, and whatever the cursor leaves to
/// the tree (escapes, syntax errors).
public enum FastBitMEXLiquidation {
    /// One `liquidation` table message.
    public enum Message: Equatable, Sendable {
        /// New liquidation orders, in row order, each stamped with the caller's clock; `venueID` is the `orderID`.
        case insert([VenueLiquidation])
        /// Orders whose `leavesQty` changed: nothing to emit.
        case update(orderIDs: [String])
        /// Orders filled or pulled: they no longer rest.
        case delete(orderIDs: [String])
    }

    /// The message, or nil when the tree decoder must decide. `timestampMs` stamps the inserted orders (the stream
    /// clock; BitMEX rows carry no time).
    public static func decode(_ bytes: [UInt8], timestampMs: Int64) -> Message? {
        JSONCursor.document(bytes) { (cursor) throws(FastPathFallback) in
            try message(&cursor, timestampMs: timestampMs)
        }
    }

    private enum Action {
        case insert
        case update
        case delete
    }

    private static func message(_ cursor: inout JSONCursor, timestampMs: Int64) throws(FastPathFallback) -> Message {
        var table: JSONSpan?
        var action: Action?
        var message: Message?
        guard try cursor.beginObject() else { throw FastPathFallback() }
        repeat {
            let key = try cursor.key()
            if cursor.matches(key, "data") {
                guard message == nil else {
                    try cursor.skipValue()
                    continue
                }
                // BitMEX sends the action before the rows; rows first is left to the tree.
                guard let action else { throw FastPathFallback() }
                message = try rows(&cursor, action: action, timestampMs: timestampMs)
            } else if cursor.matches(key, "table") {
                let value = try cursor.value()
                if table == nil { table = value }
            } else if cursor.matches(key, "action") {
                // The first occurrence decides: it is either read here or the message falls back.
                let value = try cursor.value()
                if action == nil { action = try self.action(cursor, cursor.member(value)) }
            } else if cursor.matches(key, "error") {
                throw FastPathFallback()
            } else {
                try cursor.skipValue()
            }
        } while try cursor.nextMember()

        guard try cursor.isString(cursor.member(table), "liquidation"), let message else { throw FastPathFallback() }
        return message
    }

    /// The actions read here; `partial` (which resets the resting orders) and anything else fall back.
    private static func action(_ cursor: JSONCursor, _ text: JSONSpan) throws(FastPathFallback) -> Action {
        if try cursor.isString(text, "insert") { return .insert }
        if try cursor.isString(text, "update") { return .update }
        if try cursor.isString(text, "delete") { return .delete }
        throw FastPathFallback()
    }

    /// The `data` array (`elements()` throws for null and every other kind), each row read as `action` needs.
    private static func rows(_ cursor: inout JSONCursor, action: Action, timestampMs: Int64)
        throws(FastPathFallback) -> Message
    {
        guard cursor.current == UInt8(ascii: "[") else { throw FastPathFallback() }
        switch action {
        case .insert:
            return .insert(try cursor.rows { (row) throws(FastPathFallback) in try inserted(&row, timestampMs) })
        case .update:
            return .update(orderIDs: try cursor.rows { (row) throws(FastPathFallback) in try orderID(&row) })
        case .delete:
            return .delete(orderIDs: try cursor.rows { (row) throws(FastPathFallback) in try orderID(&row) })
        }
    }

    /// An inserted row `{orderID, symbol, side, price, leavesQty}`, first occurrence of each key.
    private static func inserted(_ cursor: inout JSONCursor, _ timestampMs: Int64) throws(FastPathFallback)
        -> VenueLiquidation
    {
        let fields = try cursor.members(["orderID", "symbol", "side", "price", "leavesQty"])
        let (orderID, symbol, side, price, quantity) = (fields[0], fields[1], fields[2], fields[3], fields[4])
        let sideText = try cursor.member(side)
        let position: PositionSide
        if try cursor.isString(sideText, "Sell") {
            position = .long
        } else if try cursor.isString(sideText, "Buy") {
            position = .short
        } else {
            throw FastPathFallback()
        }
        return VenueLiquidation(
            venue: .bitmex, symbol: try cursor.string(cursor.member(symbol)), timestampMs: timestampMs,
            side: position, price: try cursor.decimal(cursor.member(price)), priceKind: .order,
            quantity: try cursor.decimal(cursor.member(quantity)), quantityUnit: .contracts, completeness: .complete,
            venueID: try cursor.string(cursor.member(orderID)))
    }

    /// An updated or deleted row: only its `orderID` (a string) is read.
    private static func orderID(_ cursor: inout JSONCursor) throws(FastPathFallback) -> String {
        let fields = try cursor.members(["orderID"])
        return try cursor.string(cursor.member(fields[0]))
    }
}
