public import LiqCore

/// Decodes Binance futures stream messages, bare, in the combined-stream wrapper `{"stream": …, "data": …}`, or as
/// the array an `…@arr` stream pushes on a raw connection: `forceOrder` liquidations and `markPriceUpdate` marks
/// with the running funding rate (`!markPrice@arr@1s` pushes an array of them every second).
///
/// Subscription answers (`{"result":null,"id":1}`) and COIN-M `indexPriceUpdate` events (the index of a whole
/// pair, which no instrument record carries) yield nothing; a refused request
/// (`{"error":{"code":2,"msg":…},"id":1}`) is a `VenueAPIError`; any other event type is an error.
public struct BinanceStreamDecoder: StreamDecoder {
    public let venue: Venue
    /// Only these symbols are kept; `…@arr` streams carry every symbol of the venue.
    public let symbols: Set<String>
    /// Only records of these feeds are kept: a connection subscribed to several streams (one capture file)
    /// must not add marks to a run that asked only for liquidations.
    public let feeds: Set<Feed>

    public init(venue: Venue, symbols: Set<String>, feeds: Set<Feed>) {
        self.venue = venue
        self.symbols = symbols
        self.feeds = feeds
    }

    public mutating func decode(_ message: JSONNode) throws -> [VenueRecord] {
        if case .array = message.value {
            var records: [VenueRecord] = []
            for event in try message.elements() { records += try decode(event) }
            return records
        }
        if let data = try message.optionalMember("data") { return try decode(data) }
        guard let eventType = try message.optionalMember("e") else {
            if let error = try message.optionalMember("error") {
                let code = try error.optionalMember("code").map { (node) throws(JSONError) in try node.int64() }
                let text = try error.optionalMember("msg").map { (node) throws(JSONError) in try node.string() }
                throw VenueAPIError(
                    venue: venue, origin: message.origin, code: code.map(String.init) ?? "", message: text ?? "")
            }
            if try message.optionalMember("result") != nil || message.optionalMember("id") != nil { return [] }
            throw message.error(expected: "a Binance stream event (an \"e\" member) or a subscription answer")
        }
        let records: [VenueRecord]
        switch try eventType.string() {
        case "forceOrder":
            records = try BinanceLiquidationDecoder.decode(message, venue: venue).map(VenueRecord.liquidation)
        case "markPriceUpdate":
            let update = try BinanceMarkPriceDecoder.decodeUpdate(message, venue: venue)
            records = [.markPrice(update.mark)] + (update.funding.map { [.funding($0)] } ?? [])
        case "indexPriceUpdate":
            records = []
        default:
            throw eventType.error(expected: "\"forceOrder\", \"markPriceUpdate\" or \"indexPriceUpdate\"")
        }
        return records.filter { symbols.contains($0.symbol) && feeds.contains($0.feed) }
    }

    /// `forceOrder` lines (the bulk of a capture) go through the byte-level decoder; anything else, and anything
    /// unusual, through the tree path, which also produces every error.
    public mutating func decode(line: [UInt8], origin: String) throws -> [VenueRecord] {
        guard let events = FastBinanceForceOrder.decode(line, venue: venue) else {
            return try decode(JSONNode.parse(line, origin: origin))
        }
        guard feeds.contains(.liquidations) else { return [] }
        return events.filter { symbols.contains($0.symbol) }.map(VenueRecord.liquidation)
    }
}
