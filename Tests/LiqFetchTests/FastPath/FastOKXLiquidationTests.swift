import LiqCore
import LiqFetch
import Testing

/// Targeted OKX `liquidation-orders` pushes and REST pages in OKX's exact shape (venue-feeds.md §3.1), our
/// values: the fast decoder equals the tree decoder exactly or falls back, and falls back where it must.
@Suite struct FastOKXLiquidationTests {
    /// A WebSocket push with two rows, the second carrying two details (one in net mode).
    static let push =
        #"{"arg":{"channel":"liquidation-orders","instType":"SWAP"},"data":[{"details":[{"bkLoss":"0","#
        + #""bkPx":"112699.5","ccy":"","posSide":"long","side":"sell","sz":"4","ts":"1760133590461"}],"#
        + #""instFamily":"BTC-USDT","instId":"BTC-USDT-SWAP","instType":"SWAP","uly":"BTC-USDT"},{"details":["#
        + #"{"bkLoss":"0","bkPx":"4363.62","ccy":"","posSide":"short","side":"buy","sz":"19","ts":"1760133362910"},"#
        + #"{"bkLoss":"0","bkPx":"4360.1","ccy":"","posSide":"net","side":"buy","sz":"2","ts":"1760133362911"}],"#
        + #""instFamily":"ETH-USDT","instId":"ETH-USDT-SWAP","instType":"SWAP","uly":"ETH-USDT"}]}"#

    /// The same rows as a REST page.
    static let page = #"{"code":"0","msg":"","data":["# + push.split(separator: "[", maxSplits: 1)[1]

    static func push(replacing fragment: String, with replacement: String) -> String {
        guard let range = push.range(of: fragment) else { preconditionFailure("\(fragment) is not in the push") }
        return push.replacingCharacters(in: range, with: replacement)
    }

    @Test func pushRowsTakeTheirInstrumentAndPositionSide() {
        // posSide long → a long; 4 contracts of 0.01 BTC at the bankruptcy price 112699.5 → 0.04 BTC, ≈ 4507.98 USD
        // once normalised. posSide net defers to side buy → a short.
        let events = FastOKXLiquidation.decode(Array(Self.push.utf8))
        #expect(events?.map(\.symbol) == ["BTC-USDT-SWAP", "ETH-USDT-SWAP", "ETH-USDT-SWAP"])
        #expect(events?.map(\.side) == [.long, .short, .short])
        #expect(events?.map(\.quantity) == [4, 19, 2])
        #expect(events?.first?.price == 112_699.5)
        #expect(events?.first?.timestampMs == 1_760_133_590_461)
        #expect(events?.allSatisfy { $0.priceKind == .bankruptcy && $0.quantityUnit == .contracts } == true)
        #expect(FastPathOracle.okxLiquidation.compare(Array(Self.push.utf8)) == .same)
    }

    @Test func restPageDecodesLikeThePush() {
        #expect(Self.page.hasPrefix(#"{"code":"0","msg":"","data":[{"details""#))
        #expect(FastOKXLiquidation.decode(Array(Self.page.utf8)) == FastOKXLiquidation.decode(Array(Self.push.utf8)))
        #expect(FastPathOracle.okxLiquidation.compare(Array(Self.page.utf8)) == .same)
    }

    struct Variant: Sendable, CustomTestStringConvertible {
        var name: String
        var message: String
        var testDescription: String { name }
    }

    static let decodedAlike: [Variant] = [
        Variant(name: "code as a number", message: #"{"code":0,"# + page.dropFirst(#"{"code":"0","#.count)),
        Variant(name: "null code", message: #"{"code":null,"# + page.dropFirst(#"{"code":"0","#.count)),
        Variant(name: "no rows", message: #"{"code":"0","msg":"","data":[]}"#),
        Variant(name: "row without details", message: #"{"data":[{"instId":"BTC-USDT-SWAP","details":[]}]}"#),
        Variant(
            name: "instId before details",
            message: #"{"data":[{"instId":"X-SWAP","details":[{"side":"sell","bkPx":"1","sz":"1","ts":1}]}]}"#),
        Variant(
            name: "empty posSide defers to side", message: push(replacing: #""posSide":"long""#, with: #""posSide":"""#)
        ),
        Variant(
            name: "null posSide defers to side",
            message: push(replacing: #""posSide":"long""#, with: #""posSide":null"#)),
        Variant(name: "missing posSide defers to side", message: push(replacing: #""posSide":"long","#, with: "")),
        Variant(
            name: "posSide long wins over side", message: push(replacing: #""side":"sell""#, with: #""side":"HOLD""#)),
        Variant(name: "negative zero size", message: push(replacing: #""sz":"4""#, with: #""sz":"-0""#)),
        Variant(name: "negative size", message: push(replacing: #""sz":"4""#, with: #""sz":"-4.50""#)),
        Variant(name: "size with an exponent", message: push(replacing: #""sz":"4""#, with: #""sz":4E0"#)),
        Variant(name: "17-digit price", message: push(replacing: "112699.5", with: "112699.50000000001")),
        Variant(
            name: "keys reversed",
            message:
                #"{"data":[{"uly":"BTC-USDT","instId":"BTC-USDT-SWAP","details":[{"ts":"1760133590461","sz":"4","#
                + #""side":"sell","posSide":"long","bkPx":"112699.5"}]}],"arg":{}}"#
        ),
        Variant(
            name: "first duplicate details win",
            message: push(replacing: #""instFamily":"BTC-USDT""#, with: #""details":[{"x":1}]"#)),
        Variant(
            name: "first duplicate instId wins",
            message: push(replacing: #""instFamily":"BTC-USDT""#, with: #""instId":"OTHER""#).replacing(
                #""instId":"BTC-USDT-SWAP""#, with: #""instId":"OTHER2""#)),
        Variant(
            name: "whitespace everywhere",
            message: "\n "
                + push.replacing(",", with: "\t,\r\n ").replacing(":", with: " : ").replacing("[", with: "[ ")
                .replacing("]", with: " ]") + " \r"),
    ]

    @Test(arguments: decodedAlike)
    func fastEqualsTree(_ variant: Variant) {
        #expect(FastPathOracle.okxLiquidation.compare(Array(variant.message.utf8)) == .same)
    }

    static let fallsBack: [Variant] = [
        Variant(name: "error code", message: #"{"code":"50011","msg":"Too Many Requests","data":[]}"#),
        Variant(name: "code zero with a sign", message: #"{"code":-0,"data":[]}"#),
        Variant(
            name: "subscription event",
            message: #"{"event":"subscribe","arg":{"channel":"liquidation-orders","instType":"SWAP"}}"#),
        Variant(
            name: "error event", message: #"{"event":"error","code":"60018","msg":"channel doesn't exist","data":[]}"#),
        Variant(name: "no data", message: #"{"code":"0","msg":""}"#),
        Variant(name: "null data", message: #"{"code":"0","data":null}"#),
        Variant(name: "data not an array", message: #"{"code":"0","data":{}}"#),
        Variant(name: "row not an object", message: #"{"data":[1]}"#),
        Variant(name: "missing instId", message: push(replacing: #""instId":"BTC-USDT-SWAP","#, with: "")),
        Variant(name: "missing details", message: #"{"data":[{"instId":"BTC-USDT-SWAP"}]}"#),
        Variant(name: "unknown posSide", message: push(replacing: #""posSide":"long""#, with: #""posSide":"both""#)),
        Variant(
            name: "unknown side in net mode",
            message: push(replacing: #""posSide":"net","side":"buy""#, with: #""posSide":"net","side":"BUY""#)),
        Variant(name: "escape in instId", message: push(replacing: "BTC-USDT-SWAP", with: #"BTC\u002dUSDT-SWAP"#)),
        Variant(name: "size not a decimal", message: push(replacing: #""sz":"4""#, with: #""sz":"four""#)),
        Variant(name: "empty price", message: push(replacing: #""bkPx":"112699.5""#, with: #""bkPx":"""#)),
        Variant(name: "time not a time", message: push(replacing: #""ts":"1760133590461""#, with: #""ts":"now""#)),
        Variant(name: "truncated", message: String(push.dropLast())),
    ]

    @Test(arguments: fallsBack)
    func fallsBackToTheTree(_ variant: Variant) {
        #expect(FastOKXLiquidation.decode(Array(variant.message.utf8)) == nil)
    }
}
