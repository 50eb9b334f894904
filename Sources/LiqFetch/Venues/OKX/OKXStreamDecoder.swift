public import LiqCore

/// Decodes OKX public WebSocket pushes (`{"arg":…,"data":[…]}`) of the `liquidation-orders` channel.
/// Subscription events yield nothing; an `error` event is the venue refusing us and becomes a `VenueAPIError`.
public struct OKXStreamDecoder: StreamDecoder {
    /// Only these instruments are kept; the channel is keyed by instrument type and carries all of them.
    public let symbols: Set<String>

    public init(symbols: Set<String>) {
        self.symbols = symbols
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
        return try OKXLiquidationDecoder.decode(message).filter { symbols.contains($0.symbol) }
            .map(VenueRecord.liquidation)
    }
}
