public import LiqCore

/// Decodes Deribit WebSocket notifications
/// (`{"jsonrpc":"2.0","method":"subscription","params":{"channel":…,"data":…}}`):
/// - `trades.{instrument}.{interval}` and `trades.{kind}.{currency}.{interval}`: liquidations among the trades;
/// - `ticker.{instrument}.{interval}`: open interest, the current funding rate and the mark price.
/// Subscription answers, heartbeats and other channels yield nothing; an `error` member is the venue refusing us.
public struct DeribitStreamDecoder: StreamDecoder {
    /// Only these instruments are kept; currency-wide trade channels carry every future of the currency.
    public let symbols: Set<String>
    /// Records of other feeds are not emitted.
    public let feeds: Set<Feed>

    public init(symbols: Set<String>, feeds: Set<Feed>) {
        self.symbols = symbols
        self.feeds = feeds
    }

    public mutating func decode(_ message: JSONNode) throws -> [VenueRecord] {
        if let error = try message.optionalMember("error") {
            throw try DeribitEnvelope.apiError(error, origin: message.origin)
        }
        guard let method = try message.optionalMember("method"), try method.string() == "subscription" else {
            return []
        }
        let params = try message.member("params")
        let channel = try params.member("channel").string()
        let data = try params.member("data")
        if channel.hasPrefix("trades.") {
            guard feeds.contains(.liquidations) else { return [] }
            return try DeribitLiquidationDecoder.decode(trades: data.elements())
                .filter { symbols.contains($0.symbol) }.map(VenueRecord.liquidation)
        }
        guard channel.hasPrefix("ticker."), symbols.contains(try data.member("instrument_name").string()) else {
            return []
        }
        return try DeribitTickerRecords.records(data, feeds: feeds)
    }

    /// `trades.*` notifications (nearly every line of a capture) go through the byte-level decoder; anything else,
    /// and anything unusual, through the tree path, which also produces every error.
    public mutating func decode(line: [UInt8], origin: String) throws -> [VenueRecord] {
        guard let events = FastDeribitLiquidation.decode(line) else {
            return try decode(JSONNode.parse(line, origin: origin))
        }
        guard feeds.contains(.liquidations) else { return [] }
        return events.filter { symbols.contains($0.symbol) }.map(VenueRecord.liquidation)
    }
}
