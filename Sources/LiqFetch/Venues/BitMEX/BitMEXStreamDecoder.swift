public import LiqCore

/// Decodes BitMEX realtime messages (`wss://ws.bitmex.com/realtime`): the `liquidation` and `instrument` tables.
///
/// - `liquidation` rows are resting orders keyed by `orderID`. Only an `insert` of an order not already resting
///   is a liquidation; `partial` (orders resting before we subscribed), `update` (`leavesQty` shrinking as it
///   fills) and `delete` (filled or pulled) never are, so a re-sent or updated order cannot count twice. Rows
///   carry no time, so an insert is stamped with the stream clock: the latest venue time seen on the connection
///   (the welcome message, then every row `timestamp`, which the instrument table sends several times a second).
///   A liquidation before any venue time is an error, not a guess.
/// - `instrument` sends a `partial` snapshot per symbol, then sparse `update` deltas of the changed fields only.
///   A delta is merged into the cached row and records come from the merged row for what changed: a mark price
///   when `markPrice` did, open interest when `openInterest` or `openValue` did, funding when `fundingRate` did.
///   Open interest needs the contract terms of the snapshot (`isInverse`, multipliers); a delta of a symbol whose
///   snapshot this stream never saw (a capture starting mid-connection) yields no open interest. Errors in a
///   merged row name the path of the current message, though the field may have come from an earlier one.
/// Other tables only advance the clock; acknowledgements yield nothing; `{"status":…,"error":…}` is the venue
/// refusing a request.
public struct BitMEXStreamDecoder: StreamDecoder {
    /// Only these instruments are kept; both tables may carry every symbol.
    public let symbols: Set<String>
    /// Records of other feeds are not emitted (a capture of several tables serves a spec asking for one).
    public let feeds: Set<Feed>
    /// The latest venue time seen on this stream, UTC epoch milliseconds.
    public private(set) var clockMs: Int64?
    /// Liquidation orders of the selected symbols resting in the book, by `orderID`.
    private var restingOrders: Set<String> = []
    /// The merged `instrument` row of each selected symbol.
    private var instrumentRows: [String: [JSONMember]] = [:]

    static let actions: Set<String> = ["partial", "insert", "update", "delete"]

    public init(symbols: Set<String>, feeds: Set<Feed>) {
        self.symbols = symbols
        self.feeds = feeds
    }

    public mutating func decode(_ message: JSONNode) throws -> [VenueRecord] {
        guard case .object = message.value else { throw message.error(expected: "a BitMEX realtime message object") }
        if let error = try message.optionalMember("error") {
            let status = try message.optionalMember("status").map { (node) throws(JSONError) in try node.int64() }
            throw VenueAPIError(
                venue: .bitmex, origin: message.origin, code: status.map(String.init) ?? "",
                message: try error.string())
        }
        guard let table = try message.optionalMember("table") else {
            // The welcome message carries the server time; acknowledgements carry nothing we use.
            if let time = try message.optionalMember("timestamp") { advanceClock(try time.timestampMs()) }
            return []
        }
        let actionNode = try message.member("action")
        let action = try actionNode.string()
        guard Self.actions.contains(action) else {
            throw actionNode.error(expected: "partial, insert, update or delete")
        }
        let rows = try message.member("data").elements()
        switch try table.string() {
        case "liquidation":
            return try liquidations(rows, action: action)
        case "instrument":
            return try instrumentRecords(rows, action: action)
        default:
            for row in rows {
                if let time = try row.optionalMember("timestamp") { advanceClock(try time.timestampMs()) }
            }
            return []
        }
    }

    /// `liquidation` inserts, updates and deletes (the bulk of the table) go through the byte-level decoder and are
    /// applied exactly as `liquidations(_:action:)` applies them; a `partial`, the `instrument` table and anything
    /// unusual take the tree path, which also produces every error, as does an insert of a selected symbol before
    /// the stream has a clock (the tree names that error, or finds the order resting already).
    public mutating func decode(line: [UInt8], origin: String) throws -> [VenueRecord] {
        guard let message = FastBitMEXLiquidation.decode(line, timestampMs: clockMs ?? 0) else {
            return try decode(JSONNode.parse(line, origin: origin))
        }
        switch message {
        case .insert(let liquidations):
            if clockMs == nil, liquidations.contains(where: { symbols.contains($0.symbol) }) {
                return try decode(JSONNode.parse(line, origin: origin))
            }
            var records: [VenueRecord] = []
            for liquidation in liquidations where symbols.contains(liquidation.symbol) {
                guard let orderID = liquidation.venueID, restingOrders.insert(orderID).inserted else { continue }
                if feeds.contains(.liquidations) { records.append(.liquidation(liquidation)) }
            }
            return records
        case .update:
            return []
        case .delete(let orderIDs):
            for orderID in orderIDs { restingOrders.remove(orderID) }
            return []
        }
    }

    mutating func advanceClock(_ timestampMs: Int64) {
        clockMs = max(clockMs ?? timestampMs, timestampMs)
    }

    mutating func liquidations(_ rows: [JSONNode], action: String) throws -> [VenueRecord] {
        if action == "partial" { restingOrders = [] }
        var records: [VenueRecord] = []
        for row in rows {
            let orderID = try row.member("orderID").string()
            switch action {
            case "partial":
                if symbols.contains(try row.member("symbol").string()) { restingOrders.insert(orderID) }
            case "insert":
                guard symbols.contains(try row.member("symbol").string()), !restingOrders.contains(orderID) else {
                    continue
                }
                guard let clockMs else {
                    throw JSONError(
                        origin: row.origin, location: .path(row.path),
                        expected: "a venue time before the first liquidation (BitMEX liquidation rows carry none; "
                            + "the welcome message or an instrument row gives one)",
                        found: "none yet on this stream")
                }
                let liquidation = try BitMEXLiquidationDecoder.decode(row, timestampMs: clockMs)
                restingOrders.insert(orderID)
                if feeds.contains(.liquidations) { records.append(.liquidation(liquidation)) }
            case "delete":
                restingOrders.remove(orderID)
            default:
                continue
            }
        }
        return records
    }

    mutating func instrumentRecords(_ rows: [JSONNode], action: String) throws -> [VenueRecord] {
        var records: [VenueRecord] = []
        for row in rows {
            if let time = try row.optionalMember("timestamp") { advanceClock(try time.timestampMs()) }
            let symbol = try row.member("symbol").string()
            guard symbols.contains(symbol) else { continue }
            if action == "delete" {
                instrumentRows[symbol] = nil
                continue
            }
            let delta = try row.members()
            var merged = action == "update" ? instrumentRows[symbol] ?? [] : []
            for (key, node) in delta {
                if let index = merged.firstIndex(where: { $0.key == key }) {
                    merged[index].value = node.value
                } else {
                    merged.append(JSONMember(key: key, value: node.value))
                }
            }
            instrumentRows[symbol] = merged
            let state = JSONNode(value: .object(merged), path: row.path, origin: row.origin)
            let changed = Set(delta.map(\.key))
            let snapshot = action != "update"
            if feeds.contains(.markPrice), snapshot || changed.contains("markPrice"),
                let mark = try BitMEXMarkPriceDecoder.decode(state)
            {
                records.append(.markPrice(mark))
            }
            if feeds.contains(.openInterest),
                snapshot || changed.contains("openInterest") || changed.contains("openValue"),
                merged.contains(where: { $0.key == "isInverse" }),
                let openInterest = try BitMEXOpenInterestDecoder.decode(state)
            {
                records.append(.openInterest(openInterest))
            }
            if feeds.contains(.funding), snapshot || changed.contains("fundingRate"),
                let funding = try BitMEXFundingDecoder.decodePredicted(state)
            {
                records.append(.funding(funding))
            }
        }
        return records
    }
}
