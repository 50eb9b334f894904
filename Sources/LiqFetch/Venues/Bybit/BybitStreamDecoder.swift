public import LiqCore

/// Decodes one Bybit public WebSocket connection (linear or inverse): `allLiquidation.{symbol}` batches and
/// `tickers.{symbol}` snapshots and deltas.
///
/// Tickers are merged into a cached state per symbol (`BybitTickerState`) and each message emits the mark price,
/// predicted funding and open interest it changed, valued from the merged state at the message's `ts`. A delta
/// before any snapshot (a capture segment that starts mid-stream) builds on an empty state, so it emits only what
/// it carries.
/// Operation answers yield nothing: subscription acknowledgements (`{"success":true,"ret_msg":"","op":"subscribe",…}`)
/// and pongs in both of Bybit's shapes (`{"success":true,"ret_msg":"pong","op":"ping",…}`, `{"op":"pong",…}`); a
/// message with `op` or `success` is an operation answer, never data. A refused operation (`"success":false`) is
/// the venue refusing us and becomes a `VenueAPIError`.
public struct BybitStreamDecoder: StreamDecoder {
    /// Only these symbols are kept.
    public let symbols: Set<String>
    /// The feeds a ticker message may emit records for (of mark price, funding and open interest).
    public let tickerFeeds: Set<Feed>
    var tickers: [String: BybitTickerState] = [:]

    public init(symbols: Set<String>, tickerFeeds: Set<Feed>) {
        self.symbols = symbols
        self.tickerFeeds = tickerFeeds
    }

    public mutating func decode(_ message: JSONNode) throws -> [VenueRecord] {
        let operation = try message.optionalMember("op")
        let success = try message.optionalMember("success")
        if operation != nil || success != nil {
            if let success, try !success.bool() {
                let text = try message.optionalMember("ret_msg").map { (node) throws(JSONError) in try node.string() }
                throw VenueAPIError(
                    venue: .bybit, origin: message.origin, code: try operation?.string() ?? "", message: text ?? "")
            }
            return []
        }
        let topicNode = try message.member("topic")
        let topic = try topicNode.string()
        if topic.hasPrefix("allLiquidation.") {
            return try BybitLiquidationDecoder.decode(message).filter { symbols.contains($0.symbol) }
                .map(VenueRecord.liquidation)
        }
        guard topic.hasPrefix("tickers.") else {
            throw topicNode.error(expected: "an allLiquidation.{symbol} or tickers.{symbol} topic")
        }
        let symbol = String(topic.dropFirst("tickers.".count))
        guard symbols.contains(symbol) else { return [] }
        let typeNode = try message.member("type")
        var state: BybitTickerState
        switch try typeNode.string() {
        case "snapshot": state = BybitTickerState()
        case "delta": state = tickers[symbol] ?? BybitTickerState()
        default: throw typeNode.error(expected: "\"snapshot\" or \"delta\"")
        }
        let touched = try state.merge(try message.member("data"))
        tickers[symbol] = state
        return state.records(
            symbol: symbol, timestampMs: try message.member("ts").timestampMs(),
            feeds: touched.intersection(tickerFeeds))
    }

    /// `allLiquidation` pushes (the bulk of a capture in a crash) go through the byte-level decoder; tickers,
    /// operation answers and anything unusual through the tree path, which also produces every error.
    public mutating func decode(line: [UInt8], origin: String) throws -> [VenueRecord] {
        guard let events = FastBybitLiquidation.decode(line) else {
            return try decode(JSONNode.parse(line, origin: origin))
        }
        return events.filter { symbols.contains($0.symbol) }.map(VenueRecord.liquidation)
    }
}
