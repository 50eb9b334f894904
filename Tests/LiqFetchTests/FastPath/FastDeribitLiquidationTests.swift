import LiqCore
import LiqFetch
import Testing

/// Targeted Deribit `trades.*` notifications in Deribit's exact JSON-RPC shape (venue-feeds.md §5), our values:
/// the fast decoder equals the tree decoder exactly or falls back, and falls back where it must.
@Suite struct FastDeribitLiquidationTests {
    /// One 100 ms batch of the currency channel: a liquidated taker, an ordinary trade, a liquidated maker on a
    /// dated future, and a print where both sides were liquidated.
    static let notification = DeribitPayloads.notification(
        "trades.future.BTC.100ms",
        "["
            + [
                DeribitPayloads.trade("403691825", direction: "sell", liquidation: "T"),
                DeribitPayloads.trade("403691826", direction: "sell", liquidation: nil),
                DeribitPayloads.trade(
                    "403691827", direction: "buy", liquidation: "M", amount: "250000.0", price: "61250.5",
                    instrument: "BTC-26DEC25", timestamp: 1_760_129_463_120),
                DeribitPayloads.trade(
                    "403691828", direction: "buy", liquidation: "MT", amount: "30", price: "60001",
                    timestamp: 1_760_129_463_121),
            ].joined(separator: ",") + "]")

    static func notification(replacing fragment: String, with replacement: String) -> String {
        guard let range = notification.range(of: fragment) else {
            preconditionFailure("\(fragment) is not in the notification")
        }
        return notification.replacingCharacters(in: range, with: replacement)
    }

    static func fast(_ message: String) -> [VenueLiquidation]? {
        FastDeribitLiquidation.decode(Array(message.utf8))
    }

    @Test func flaggedTradesBecomeLiquidationsOfTheRightSide() throws {
        let events = try #require(Self.fast(Self.notification))
        // T + sell: the liquidated taker sold, so was long; 1120 USD at 60000.5 → 1120 / 60000.5 ≈ 0.0186662 BTC
        // (112 contracts of 10 USD) once normalised, checked to 1e-9.
        #expect(
            events.first
                == VenueLiquidation(
                    venue: .deribit, symbol: "BTC-PERPETUAL", timestampMs: 1_760_129_463_117, side: .long,
                    price: 60_000.5, priceKind: .fill, quantity: 1120, quantityUnit: .usd, completeness: .complete,
                    venueID: "403691825"))
        #expect(abs(try #require(events.first).quantity / 60_000.5 - 0.018_666_511_1) < 1e-9)
        // The ordinary trade yields nothing. M + buy: the maker had sold into a buying taker, so was long;
        // 250,000 USD of the dated future at 61250.5 ≈ 4.08160 BTC. MT + buy: the taker (short) and the maker
        // (long), each for the whole 30 USD, the maker's id suffixed.
        #expect(events.map(\.venueID) == ["403691825", "403691827", "403691828", "403691828-M"])
        #expect(events.map(\.side) == [.long, .long, .short, .long])
        #expect(events.map(\.symbol) == ["BTC-PERPETUAL", "BTC-26DEC25", "BTC-PERPETUAL", "BTC-PERPETUAL"])
        #expect(events.map(\.quantity) == [1120, 250_000, 30, 30])
        #expect(events.map(\.price) == [60_000.5, 61_250.5, 60_001, 60_001])
        #expect(
            events.map(\.timestampMs) == [1_760_129_463_117, 1_760_129_463_120, 1_760_129_463_121, 1_760_129_463_121])
        #expect(abs(events[1].quantity / events[1].price - 4.081_599_3) < 1e-6)
        #expect(events.allSatisfy { $0.priceKind == .fill && $0.quantityUnit == .usd && $0.completeness == .complete })
        #expect(FastPathOracle.deribitTrades.compare(Array(Self.notification.utf8)) == .same)
    }

    @Test func ordinaryTradesAloneYieldNothingOnTheFastPath() {
        let message = DeribitPayloads.notification(
            "trades.future.ETH.100ms",
            "[" + DeribitPayloads.trade("ETH-1", direction: "buy", liquidation: nil, instrument: "ETH-PERPETUAL") + "]")
        #expect(Self.fast(message) == [])
        #expect(FastPathOracle.deribitTrades.compare(Array(message.utf8)) == .same)
    }

    struct Variant: Sendable, CustomTestStringConvertible {
        var name: String
        var message: String
        var testDescription: String { name }
    }

    static let decodedAlike: [Variant] = [
        Variant(
            name: "instrument channel",
            message: notification(replacing: "trades.future.BTC.100ms", with: "trades.BTC-PERPETUAL.raw")),
        Variant(name: "no trades", message: DeribitPayloads.notification("trades.future.BTC.100ms", "[]")),
        Variant(name: "empty trade object", message: DeribitPayloads.notification("trades.future.BTC.100ms", "[{}]")),
        Variant(
            name: "null flag is an ordinary trade",
            message: notification(replacing: #""liquidation":"T""#, with: #""liquidation":null"#)),
        Variant(
            name: "ordinary trade with odd members is not read",
            message: notification(
                replacing: DeribitPayloads.trade("403691826", direction: "sell", liquidation: nil),
                with: #"{"direction":"HOLD","trade_id":7,"block_trade_id":"x","iv":[1,{"a":null}],"price":"?"}"#)),
        Variant(
            name: "null error", message: notification(replacing: #"{"jsonrpc""#, with: #"{"error":null,"jsonrpc""#)),
        Variant(
            name: "params first, then method",
            message: #"{"params":{"data":["# + DeribitPayloads.trade("9", direction: "buy", liquidation: "T")
                + #"],"channel":"trades.future.BTC.100ms"},"jsonrpc":"2.0","method":"subscription"}"#),
        Variant(
            name: "numbers as strings",
            message: notification(
                replacing: #""timestamp":1760129463117,"price":60000.5,"amount":1120.0"#,
                with: #""timestamp":"1760129463117","price":"60000.5","amount":"1120.0""#)),
        Variant(name: "seconds timestamp", message: notification(replacing: "1760129463117", with: "1760129463")),
        Variant(name: "amount with an exponent", message: notification(replacing: "1120.0", with: "1.12E3")),
        Variant(name: "17-digit price", message: notification(replacing: "60000.5", with: "60000.500000000001")),
        Variant(name: "negative amount", message: notification(replacing: "1120.0", with: "-1120.0")),
        Variant(
            name: "first duplicate flag wins",
            message: notification(replacing: #""liquidation":"T""#, with: #""liquidation":"M","liquidation":"T""#)),
        Variant(
            name: "first null flag wins",
            message: notification(replacing: #""liquidation":"T""#, with: #""liquidation":null,"liquidation":"T""#)),
        Variant(
            name: "first duplicate direction wins",
            message: notification(replacing: #""direction":"sell""#, with: #""direction":"buy","direction":"sell""#)),
        Variant(
            name: "first duplicate data wins",
            message: notification(replacing: #""channel""#, with: #""data":[],"channel""#)),
        Variant(
            name: "first duplicate channel wins",
            message: notification(replacing: #""data""#, with: #""channel":"ticker.BTC-PERPETUAL.100ms","data""#)),
        Variant(
            name: "non-ASCII instrument and id",
            message: notification(replacing: #""403691825""#, with: #""4036é""#).replacing(
                "BTC-26DEC25", with: "BTC-26DÉC25")),
        Variant(
            name: "whitespace everywhere",
            message: "\n "
                + notification.replacing(",", with: "\t,\r\n ").replacing(":", with: " : ").replacing("[", with: "[ ")
                .replacing("]", with: " ]").replacing("{", with: "{ ").replacing("}", with: " }") + " \r"),
    ]

    @Test(arguments: decodedAlike)
    func fastEqualsTree(_ variant: Variant) {
        #expect(FastPathOracle.deribitTrades.compare(Array(variant.message.utf8)) == .same)
    }

    static let fallsBack: [Variant] = [
        Variant(
            name: "error answer",
            message: #"{"jsonrpc":"2.0","id":1,"error":{"code":10028,"message":"too_many_requests","data":null}}"#),
        Variant(
            name: "error beside a notification",
            message: notification(replacing: #"{"jsonrpc""#, with: #"{"error":{"code":1},"jsonrpc""#)),
        Variant(name: "heartbeat", message: #"{"jsonrpc":"2.0","method":"heartbeat","params":{"type":"heartbeat"}}"#),
        Variant(
            name: "subscription answer", message: #"{"jsonrpc":"2.0","id":2,"result":["trades.future.BTC.100ms"]}"#),
        Variant(
            name: "ticker channel",
            message: DeribitPayloads.notification("ticker.BTC-PERPETUAL.100ms", DeribitPayloads.ticker())),
        Variant(name: "null method", message: notification(replacing: #""subscription""#, with: "null")),
        Variant(name: "no method", message: notification(replacing: #""method":"subscription","#, with: "")),
        Variant(name: "null params", message: #"{"jsonrpc":"2.0","method":"subscription","params":null}"#),
        Variant(name: "params not an object", message: #"{"jsonrpc":"2.0","method":"subscription","params":[]}"#),
        Variant(name: "no data", message: #"{"method":"subscription","params":{"channel":"trades.x"}}"#),
        Variant(name: "null data", message: #"{"method":"subscription","params":{"channel":"trades.x","data":null}}"#),
        Variant(
            name: "data an object", message: #"{"method":"subscription","params":{"channel":"trades.x","data":{}}}"#),
        Variant(name: "trade not an object", message: DeribitPayloads.notification("trades.future.BTC.100ms", "[1]")),
        Variant(name: "no channel", message: #"{"method":"subscription","params":{"data":[]}}"#),
        Variant(
            name: "channel not a string",
            message: notification(replacing: #""trades.future.BTC.100ms""#, with: "7")),
        Variant(
            name: "non-ASCII channel",
            message: notification(replacing: "trades.future.BTC.100ms", with: "trades.\u{301}future.BTC.100ms")),
        Variant(
            name: "unknown flag", message: notification(replacing: #""liquidation":"T""#, with: #""liquidation":"X""#)),
        Variant(
            name: "lower-case flag",
            message: notification(replacing: #""liquidation":"T""#, with: #""liquidation":"t""#)),
        Variant(
            name: "flag not a string",
            message: notification(replacing: #""liquidation":"T""#, with: #""liquidation":1"#)),
        Variant(
            name: "unknown direction of a flagged trade",
            message: notification(replacing: #""direction":"sell""#, with: #""direction":"SELL""#)),
        Variant(
            name: "flagged trade without direction", message: notification(replacing: #""direction":"sell","#, with: "")
        ),
        Variant(
            name: "flagged trade without amount", message: notification(replacing: #""amount":1120.0,"#, with: "")),
        Variant(
            name: "null trade id",
            message: notification(replacing: #""trade_id":"403691825""#, with: #""trade_id":null"#)),
        Variant(
            name: "numeric trade id",
            message: notification(replacing: #""trade_id":"403691825""#, with: #""trade_id":403691825"#)),
        Variant(
            name: "escape in the instrument",
            message: notification(replacing: "BTC-26DEC25", with: #"BTC\u002d26DEC25"#)),
        Variant(name: "price not a decimal", message: notification(replacing: "60000.5", with: #""sixty""#)),
        Variant(name: "timestamp not a time", message: notification(replacing: "1760129463117", with: #""now""#)),
        Variant(name: "trailing garbage", message: notification + "}"),
        Variant(name: "truncated", message: String(notification.dropLast())),
    ]

    @Test(arguments: fallsBack)
    func fallsBackToTheTree(_ variant: Variant) {
        #expect(Self.fast(variant.message) == nil)
    }

    @Test func everyTruncationFallsBack() {
        let bytes = Array(Self.notification.utf8)
        for length in 0..<bytes.count {
            #expect(FastDeribitLiquidation.decode(Array(bytes[..<length])) == nil, "\(length)")
        }
    }
}
