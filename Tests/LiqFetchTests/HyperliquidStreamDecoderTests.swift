import LiqCore
import LiqFetch
import Testing

/// Hyperliquid WebSocket pushes (`{"channel":…,"data":…}`) in the venue's shape, with our own values.
@Suite struct HyperliquidStreamDecoderTests {
    static let origin = "captures/hyperliquid.ndjson:3"

    static func node(_ text: String) throws -> JSONNode { try Payload.node(text, origin: origin) }

    static func candle(_ coin: String, open: Int64, close: String, volume: String) -> String {
        """
        {"channel":"candle","data":{"t":\(open),"T":\(open + 59_999),"s":"\(coin)","i":"1m","o":"100",\
        "c":"\(close)","h":"105","l":"95","v":"\(volume)","n":12}}
        """
    }

    @Test func aCandleIsEmittedOnceTheNextOneOpens() throws {
        var decoder = HyperliquidStreamDecoder(symbols: ["BTC"])
        // Two updates of the 20:00 candle, then the 20:01 candle opens: the last 20:00 update is emitted.
        #expect(
            try decoder.decode(try Self.node(Self.candle("BTC", open: 1_760_126_400_000, close: "101", volume: "1")))
                .isEmpty)
        #expect(
            try decoder.decode(try Self.node(Self.candle("BTC", open: 1_760_126_400_000, close: "99", volume: "3")))
                .isEmpty)
        let closed = try decoder.decode(
            try Self.node(Self.candle("BTC", open: 1_760_126_460_000, close: "98", volume: "0.5")))
        #expect(
            closed == [
                .priceBar(
                    VenuePriceBar(
                        venue: .hyperliquid, symbol: "BTC", bucketStartMs: 1_760_126_400_000, intervalMs: 60_000,
                        open: 100, high: 105, low: 95, close: 99, volume: 3, volumeUnit: .base, takerBuyVolume: nil))
            ])
        // A late update of the closed candle changes nothing; the open candle is never emitted.
        #expect(
            try decoder.decode(try Self.node(Self.candle("BTC", open: 1_760_126_400_000, close: "97", volume: "4")))
                .isEmpty)
    }

    @Test func candlesOfOtherCoinsAreIgnored() throws {
        var decoder = HyperliquidStreamDecoder(symbols: ["BTC"])
        _ = try decoder.decode(try Self.node(Self.candle("ETH", open: 1_760_126_400_000, close: "1", volume: "1")))
        #expect(
            try decoder.decode(try Self.node(Self.candle("ETH", open: 1_760_126_460_000, close: "1", volume: "1")))
                .isEmpty)
    }

    @Test(arguments: [
        #"{"channel":"subscriptionResponse","data":{"method":"subscribe","#
            + #""subscription":{"type":"trades","coin":"BTC"}}}"#,
        #"{"channel":"pong"}"#,
        // Public trades carry no liquidation flag: nothing to read from them.
        #"{"channel":"trades","data":[{"coin":"FXS","side":"A","px":"1.9008","sz":"10.5","time":1730160015113,"#
            + #""hash":"0xdd","tid":611279506717453}]}"#,
        // Asset contexts carry no time: a replayed capture has nothing to stamp them with.
        #"{"channel":"activeAssetCtx","data":{"coin":"MOODENG","ctx":{"funding":"0.00004863","markPx":"0.19963"}}}"#,
    ])
    func messagesWithoutRecordsYieldNothing(message: String) throws {
        var decoder = HyperliquidStreamDecoder(symbols: ["BTC", "FXS", "MOODENG"])
        #expect(try decoder.decode(try Self.node(message)).isEmpty)
    }

    @Test func errorPushIsAVenueAPIError() throws {
        var decoder = HyperliquidStreamDecoder(symbols: ["BTC"])
        let error = #expect(throws: VenueAPIError.self) {
            try decoder.decode(try Self.node(#"{"channel":"error","data":"Invalid subscription"}"#))
        }
        #expect(
            error
                == VenueAPIError(
                    venue: .hyperliquid, origin: Self.origin, code: "error", message: "Invalid subscription"))
    }

    @Test func unknownChannelIsAnError() throws {
        var decoder = HyperliquidStreamDecoder(symbols: ["BTC"])
        let error = #expect(throws: JSONError.self) {
            try decoder.decode(try Self.node(#"{"channel":"user","data":{"fills":[]}}"#))
        }
        #expect(
            error?.description
                == Self.origin + ": channel: expected a Hyperliquid public channel (candle, trades, l2Book, …), "
                + #"found string "user""#)
    }
}
