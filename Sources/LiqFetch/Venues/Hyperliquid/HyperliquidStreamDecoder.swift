public import LiqCore

/// Decodes one Hyperliquid WebSocket connection (`wss://api.hyperliquid.xyz/ws`, `{"channel":…,"data":…}`).
///
/// Only closed candles become records. The `candle` channel re-sends the open candle on every trade, so the last
/// push of each (coin, interval) is held and emitted when a later candle opens; the candle still open when the
/// stream ends is never emitted, because it is incomplete.
///
/// Yields nothing on purpose:
/// - liquidations: Hyperliquid has no public market-wide liquidation feed ("There is no API to get liquidation data
///   for all users"); the `liquidation` object exists only on a user's own fills, and public `trades` carry no
///   liquidation flag;
/// - `activeAssetCtx`, `allDexsAssetCtxs` and the other market snapshots: they carry no time, and a capture
///   replayed later has no receive time to stamp them with (the REST adapter stamps the same context when it
///   fetches it);
/// - `subscriptionResponse` and `pong`.
/// An `error` push is the venue refusing us and becomes a `VenueAPIError`; an unknown channel is an error.
public struct HyperliquidStreamDecoder: StreamDecoder {
    /// Only these coins are kept.
    public let symbols: Set<String>
    /// The latest push of each open candle, by coin and interval.
    var openCandles: [String: VenuePriceBar] = [:]

    static let silentChannels: Set<String> = [
        "subscriptionResponse", "pong", "trades", "activeAssetCtx", "activeSpotAssetCtx", "allDexsAssetCtxs",
        "allMids", "l2Book", "bbo",
    ]

    public init(symbols: Set<String>) {
        self.symbols = symbols
    }

    public mutating func decode(_ message: JSONNode) throws -> [VenueRecord] {
        let channelNode = try message.member("channel")
        let channel = try channelNode.string()
        switch channel {
        case "candle":
            let candle = try HyperliquidCandleDecoder.decodeCandle(try message.member("data"))
            guard symbols.contains(candle.symbol) else { return [] }
            let key = "\(candle.symbol)|\(candle.intervalMs)"
            guard let open = openCandles[key] else {
                openCandles[key] = candle
                return []
            }
            guard candle.bucketStartMs >= open.bucketStartMs else { return [] }
            openCandles[key] = candle
            return candle.bucketStartMs > open.bucketStartMs ? [.priceBar(open)] : []
        case "error":
            let text = try message.optionalMember("data").map { (node) throws(JSONError) in try node.string() }
            throw VenueAPIError(venue: .hyperliquid, origin: message.origin, code: channel, message: text ?? "")
        case _ where Self.silentChannels.contains(channel):
            return []
        default:
            throw channelNode.error(expected: "a Hyperliquid public channel (candle, trades, l2Book, …)")
        }
    }
}
