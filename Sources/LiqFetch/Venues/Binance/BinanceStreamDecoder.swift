public import LiqCore

/// Decodes Binance futures stream messages: `forceOrder` liquidations, bare or in the combined-stream wrapper.
/// Subscription answers (`{"result":null,"id":1}`) yield nothing.
public struct BinanceStreamDecoder: StreamDecoder {
    public let venue: Venue
    /// Only these symbols are kept; the `!forceOrder@arr` stream carries every symbol of the venue.
    public let symbols: Set<String>

    public init(venue: Venue, symbols: Set<String>) {
        self.venue = venue
        self.symbols = symbols
    }

    public mutating func decode(_ message: JSONNode) throws -> [VenueRecord] {
        if try message.optionalMember("result") != nil || message.optionalMember("id") != nil,
            try message.optionalMember("data") == nil && message.optionalMember("e") == nil
        {
            return []
        }
        return try BinanceLiquidationDecoder.decode(message, venue: venue)
            .filter { symbols.contains($0.symbol) }.map(VenueRecord.liquidation)
    }
}
