public import LiqCore

/// Decodes OKX public WebSocket pushes (`{"arg":{"channel":…},"data":[…]}`) by channel: `liquidation-orders`,
/// `mark-price`, `funding-rate` (running rate) and `open-interest`, whose rows are those of the REST endpoints.
/// Subscription events (`{"event":"subscribe",…}`, `notice`, `channel-conn-count`) and the bare-text `pong`
/// answering our `ping` keep-alive yield nothing; an `error` event is the venue refusing us and becomes a
/// `VenueAPIError` with its code and message; a channel we do not decode is an error rather than silently nothing.
public struct OKXStreamDecoder: StreamDecoder {
    /// Only these instruments are kept; `liquidation-orders` is keyed by instrument type and carries all of them.
    public let symbols: Set<String>
    /// Only records of these feeds are kept: one connection (one capture file) may carry several channels.
    public let feeds: Set<Feed>

    public init(symbols: Set<String>, feeds: Set<Feed>) {
        self.symbols = symbols
        self.feeds = feeds
    }

    public mutating func decode(_ message: JSONNode) throws -> [VenueRecord] {
        if let event = try message.optionalMember("event") {
            if try event.string() == "error" {
                let code = try message.optionalMember("code").map { (node) throws(JSONError) in try node.string() }
                let text = try message.optionalMember("msg").map { (node) throws(JSONError) in try node.string() }
                throw VenueAPIError(venue: .okx, origin: message.origin, code: code ?? "", message: text ?? "")
            }
            return []
        }
        let channel = try message.member("arg").member("channel")
        let records: [VenueRecord]
        switch try channel.string() {
        case "liquidation-orders": records = try OKXLiquidationDecoder.decode(message).map(VenueRecord.liquidation)
        case "mark-price": records = try OKXMarkPriceDecoder.decode(message).map(VenueRecord.markPrice)
        case "funding-rate": records = try OKXFundingDecoder.decodePredicted(message).map(VenueRecord.funding)
        case "open-interest": records = try OKXOpenInterestDecoder.decode(message).map(VenueRecord.openInterest)
        default:
            throw channel.error(
                expected: "\"liquidation-orders\", \"mark-price\", \"funding-rate\" or \"open-interest\"")
        }
        return records.filter { symbols.contains($0.symbol) && feeds.contains($0.feed) }
    }

    /// `liquidation-orders` pushes go through the byte-level decoder; anything else, and anything unusual, through
    /// the tree path, which also produces every error.
    public mutating func decode(line: [UInt8], origin: String) throws -> [VenueRecord] {
        if Self.isPong(line) { return [] }
        guard let events = FastOKXLiquidation.decode(line, pushOnly: true) else {
            return try decode(JSONNode.parse(line, origin: origin))
        }
        guard feeds.contains(.liquidations) else { return [] }
        return events.filter { symbols.contains($0.symbol) }.map(VenueRecord.liquidation)
    }

    /// OKX answers the text `ping` keep-alive with the bare text `pong`, which is not JSON.
    static func isPong(_ line: [UInt8]) -> Bool {
        var bytes = line[...]
        while let last = bytes.last, last == 0x0A || last == 0x0D || last == 0x20 { bytes.removeLast() }
        return bytes.elementsEqual("pong".utf8)
    }
}
