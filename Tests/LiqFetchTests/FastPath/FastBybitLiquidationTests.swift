import LiqCore
import LiqFetch
import Testing

/// Targeted Bybit `allLiquidation.{symbol}` pushes in Bybit's exact shape (venue-feeds.md §2), our values: the
/// fast decoder equals the tree decoder exactly or falls back, and falls back where it must.
@Suite struct FastBybitLiquidationTests {
    /// A 500 ms batch of two liquidations of a linear symbol, one of each side.
    static let push =
        #"{"topic":"allLiquidation.BTCUSDT","type":"snapshot","ts":1760133590612,"data":[{"T":1760133590461,"#
        + #""s":"BTCUSDT","S":"Buy","v":"0.350","p":"112699.5"},{"T":1760133590502,"s":"BTCUSDT","S":"Sell","#
        + #""v":"1.024","p":"113310.1"}]}"#

    static func push(replacing fragment: String, with replacement: String) -> String {
        guard let range = push.range(of: fragment) else { preconditionFailure("\(fragment) is not in the push") }
        return push.replacingCharacters(in: range, with: replacement)
    }

    @Test func batchRowsTakeThePositionSideTheBankruptcyPriceAndContracts() {
        // S=Buy: a long was liquidated; v is 0.350 contracts of 1 BTC (linear) → 0.35 BTC at 112,699.5
        // → 0.35 × 112,699.5 = 39,444.825 USD once normalised. S=Sell: a short, 1.024 BTC at 113,310.1.
        let events = FastBybitLiquidation.decode(Array(Self.push.utf8))
        #expect(events?.map(\.symbol) == ["BTCUSDT", "BTCUSDT"])
        #expect(events?.map(\.side) == [.long, .short])
        #expect(events?.map(\.quantity) == [0.35, 1.024])
        #expect(events?.map(\.price) == [112_699.5, 113_310.1])
        #expect(events?.map(\.timestampMs) == [1_760_133_590_461, 1_760_133_590_502])
        let notional = (events?.first).map { $0.quantity * $0.price }
        #expect(notional.map { abs($0 - 39_444.825) < 1e-6 } == true)  // tolerance 1e-6 USD
        #expect(
            events?.allSatisfy {
                $0.venue == .bybit && $0.priceKind == .bankruptcy && $0.quantityUnit == .contracts
                    && $0.completeness == .complete && $0.venueID == nil
            } == true)
        #expect(FastPathOracle.bybitLiquidation.compare(Array(Self.push.utf8)) == .same)
    }

    @Test func inverseRowsKeepTheirUSDContracts() {
        // BTCUSD is inverse: v = 2336 contracts of 1 USD each, 2336 USD at 120,821.5 → 2336 / 120,821.5
        // ≈ 0.019334 BTC once normalised; here the quantity stays 2336 contracts.
        let line =
            #"{"topic":"allLiquidation.BTCUSD","type":"snapshot","ts":1760126461034,"data":[{"T":1760126460820,"#
            + #""s":"BTCUSD","S":"Buy","v":"2336","p":"120821.5"}]}"#
        let events = FastBybitLiquidation.decode(Array(line.utf8))
        #expect(events?.map(\.quantity) == [2336])
        #expect(events?.map(\.side) == [.long])
        #expect(FastPathOracle.bybitLiquidation.compare(Array(line.utf8)) == .same)
    }

    struct Variant: Sendable, CustomTestStringConvertible {
        var name: String
        var message: String
        var testDescription: String { name }
    }

    static let decodedAlike: [Variant] = [
        Variant(name: "no rows", message: #"{"topic":"allLiquidation.BTCUSDT","data":[]}"#),
        Variant(
            name: "data a single row object",
            message: #"{"topic":"allLiquidation.X","data":{"T":"1760133590461","s":"X","S":"Sell","v":1,"p":2.5}}"#),
        Variant(name: "data before topic", message: #"{"data":[],"topic":"allLiquidation.BTCUSDT"}"#),
        Variant(name: "bare prefix topic", message: #"{"topic":"allLiquidation.","data":[]}"#),
        Variant(
            name: "topic of another symbol",
            message: push(replacing: "allLiquidation.BTCUSDT", with: "allLiquidation.ETHUSDT")),
        Variant(name: "time as a string", message: push(replacing: "1760133590461", with: #""1760133590461""#)),
        Variant(name: "time in seconds", message: push(replacing: "1760133590461", with: "1760133590")),
        Variant(
            name: "numbers not strings",
            message: push(replacing: #""v":"0.350","p":"112699.5""#, with: #""v":0.350,"p":112699.5"#)),
        Variant(name: "size with an exponent", message: push(replacing: #""v":"0.350""#, with: #""v":3.5E-1"#)),
        Variant(name: "negative zero size", message: push(replacing: #""v":"0.350""#, with: #""v":"-0""#)),
        Variant(name: "17-digit price", message: push(replacing: "112699.5", with: "112699.50000000001")),
        Variant(
            name: "unknown members",
            message: push(
                replacing: #""s":"BTCUSDT","S":"Buy""#, with: #""s":"BTCUSDT","x":{"y":[1,true]},"Sx":"?","S":"Buy""#)),
        Variant(
            name: "first duplicate side wins", message: push(replacing: #""S":"Buy""#, with: #""S":"Buy","S":"HOLD""#)),
        Variant(
            name: "non-ASCII symbol",
            message: push(replacing: #""s":"BTCUSDT","S":"Buy""#, with: #""s":"BTC€","S":"Buy""#)),
        Variant(name: "null type", message: push(replacing: #""type":"snapshot""#, with: #""type":null"#)),
        Variant(
            name: "keys reversed",
            message: #"{"data":[{"p":"112699.5","v":"0.350","S":"Buy","s":"BTCUSDT","T":1760133590461}],"#
                + #""ts":1760133590612,"type":"snapshot","topic":"allLiquidation.BTCUSDT"}"#),
        Variant(
            name: "whitespace everywhere",
            message: "\n "
                + push.replacing(",", with: "\t,\r\n ").replacing(":", with: " : ").replacing("[", with: "[ ")
                .replacing("]", with: " ]").replacing("{", with: "{ ").replacing("}", with: " }") + " \r"),
    ]

    @Test(arguments: decodedAlike)
    func fastEqualsTree(_ variant: Variant) {
        #expect(FastPathOracle.bybitLiquidation.compare(Array(variant.message.utf8)) == .same)
    }

    @Test func firstDuplicateDataWins() {
        // An empty batch first: the rows after it are never read, by either decoder.
        let message = Self.push(replacing: #""type":"snapshot""#, with: #""data":[],"type":"snapshot""#)
        #expect(FastBybitLiquidation.decode(Array(message.utf8)) == [])
        #expect(FastPathOracle.bybitLiquidation.compare(Array(message.utf8)) == .same)
    }

    static let fallsBack: [Variant] = [
        Variant(
            name: "subscription answer",
            message: #"{"success":true,"ret_msg":"","conn_id":"c1","req_id":"liqpipe-1","op":"subscribe"}"#),
        Variant(
            name: "refused subscription",
            message: #"{"success":false,"ret_msg":"error:handler not found","conn_id":"c1","op":"subscribe"}"#),
        Variant(name: "pong", message: #"{"op":"pong","args":["1760126400000"],"conn_id":"c1"}"#),
        Variant(name: "push with an op member", message: push(replacing: #""type":"snapshot""#, with: #""op":null"#)),
        Variant(
            name: "push with a success member",
            message: push(replacing: #""type":"snapshot""#, with: #""success":true"#)),
        Variant(
            name: "ticker push",
            message: #"{"topic":"tickers.BTCUSDT","type":"delta","data":{"symbol":"BTCUSDT","markPrice":"1"},"ts":1}"#),
        Variant(name: "unknown topic", message: push(replacing: "allLiquidation.BTCUSDT", with: "liquidation.BTCUSDT")),
        Variant(
            name: "lower-case topic", message: push(replacing: "allLiquidation.BTCUSDT", with: "allliquidation.BTCUSDT")
        ),
        Variant(
            name: "non-ASCII topic",
            message: push(replacing: "allLiquidation.BTCUSDT", with: "allLiquidation.\u{301}BTC")),
        Variant(
            name: "escape in topic",
            message: push(replacing: "allLiquidation.BTCUSDT", with: #"allLiquidation\u002eBTCUSDT"#)),
        Variant(name: "no topic", message: push(replacing: #""topic":"allLiquidation.BTCUSDT","#, with: "")),
        Variant(name: "null topic", message: push(replacing: #""allLiquidation.BTCUSDT""#, with: "null")),
        Variant(name: "topic not a string", message: push(replacing: #""allLiquidation.BTCUSDT""#, with: "1")),
        Variant(name: "no data", message: #"{"topic":"allLiquidation.BTCUSDT","ts":1}"#),
        Variant(name: "null data", message: #"{"topic":"allLiquidation.BTCUSDT","data":null}"#),
        Variant(name: "data a string", message: #"{"topic":"allLiquidation.BTCUSDT","data":"x"}"#),
        Variant(name: "empty row", message: #"{"topic":"allLiquidation.BTCUSDT","data":[{}]}"#),
        Variant(name: "null row", message: #"{"topic":"allLiquidation.BTCUSDT","data":[null]}"#),
        Variant(name: "row not an object", message: #"{"topic":"allLiquidation.BTCUSDT","data":[1]}"#),
        Variant(name: "unknown side", message: push(replacing: #""S":"Buy""#, with: #""S":"BUY""#)),
        Variant(name: "null side", message: push(replacing: #""S":"Buy""#, with: #""S":null"#)),
        Variant(name: "missing symbol", message: push(replacing: #""s":"BTCUSDT","#, with: "")),
        Variant(name: "symbol a number", message: push(replacing: #""s":"BTCUSDT""#, with: #""s":1"#)),
        Variant(name: "missing time", message: push(replacing: #""T":1760133590461,"#, with: "")),
        Variant(name: "time not a time", message: push(replacing: "1760133590461", with: #""now""#)),
        Variant(name: "size not a decimal", message: push(replacing: #""v":"0.350""#, with: #""v":"a lot""#)),
        Variant(name: "empty price", message: push(replacing: #""p":"112699.5""#, with: #""p":"""#)),
        Variant(name: "escape in symbol", message: push(replacing: #""s":"BTCUSDT""#, with: #""s":"BTC\u0055SDT""#)),
        Variant(name: "not an object", message: "[" + push + "]"),
        Variant(name: "trailing garbage", message: push + "}"),
        Variant(name: "truncated", message: String(push.dropLast())),
    ]

    @Test(arguments: fallsBack)
    func fallsBackToTheTree(_ variant: Variant) {
        #expect(FastBybitLiquidation.decode(Array(variant.message.utf8)) == nil)
    }

    @Test func everyTruncationFallsBack() {
        let bytes = Array(Self.push.utf8)
        for length in 0..<bytes.count {
            #expect(FastBybitLiquidation.decode(Array(bytes[..<length])) == nil, "\(length)")
        }
    }
}
