import LiqCore
import LiqFetch
import Testing

/// Targeted `forceOrder` messages in Binance's exact shape (venue-feeds.md §1.2), our values: the fast decoder
/// either equals the tree decoder exactly or falls back, and falls back where it must.
@Suite struct FastBinanceForceOrderTests {
    /// One `!forceOrder@arr` combined-stream capture line.
    static let line =
        #"{"stream":"!forceOrder@arr","data":{"e":"forceOrder","E":1760126508464,"o":{"s":"BTCUSDT","S":"SELL","#
        + #""o":"LIMIT","f":"IOC","q":"0.014","p":"121263.5","ap":"121384.9","X":"FILLED","l":"0.014","#
        + #""z":"0.014","T":1760126508441}}}"#

    /// An array nested `depth` levels deep.
    static func nested(_ depth: Int) -> String {
        String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
    }

    /// `line` with its first occurrence of `fragment` replaced.
    static func line(replacing fragment: String, with replacement: String) -> String {
        guard let range = line.range(of: fragment) else { preconditionFailure("\(fragment) is not in the line") }
        return line.replacingCharacters(in: range, with: replacement)
    }

    static func fast(_ message: String, venue: Venue = .binanceUSDM) -> [VenueLiquidation]? {
        FastBinanceForceOrder.decode(Array(message.utf8), venue: venue)
    }

    @Test func captureLineIsALiquidatedLongAtTheFillPrice() throws {
        // S=SELL closes a long: z 0.014 BTC at ap 121384.9 at T; notional 0.014 × 121384.9 = 1699.3886 USD.
        let expected = VenueLiquidation(
            venue: .binanceUSDM, symbol: "BTCUSDT", timestampMs: 1_760_126_508_441, side: .long, price: 121_384.9,
            priceKind: .fill, quantity: 0.014, quantityUnit: .base, completeness: .sampled)
        #expect(Self.fast(Self.line) == [expected])
        let notional = try #require(Self.fast(Self.line)?.first).price * 0.014
        #expect(abs(notional - 1699.3886) < 1e-9)
        #expect(FastPathOracle.binanceForceOrder(.binanceUSDM).compare(Array(Self.line.utf8)) == .same)
    }

    @Test func coinMarginedQuantitiesAreContracts() {
        let message = Self.line(replacing: #""s":"BTCUSDT""#, with: #""s":"BTCUSD_PERP","ps":"BTCUSD""#)
            .replacing(#""z":"0.014""#, with: #""z":"7""#)
        // 7 contracts of 100 USD (COIN-M BTC), converted by the normaliser, not here.
        #expect(Self.fast(message, venue: .binanceCOINM)?.map(\.quantityUnit) == [.contracts])
        #expect(Self.fast(message, venue: .binanceCOINM)?.map(\.quantity) == [7])
        #expect(FastPathOracle.binanceForceOrder(.binanceCOINM).compare(Array(message.utf8)) == .same)
    }

    /// A message both decoders must read alike, fast path included.
    struct Variant: Sendable, CustomTestStringConvertible {
        var name: String
        var message: String
        var testDescription: String { name }
    }

    static let decodedAlike: [Variant] = [
        Variant(
            name: "bare event",
            message: String(line.dropFirst(#"{"stream":"!forceOrder@arr","data":"#.count).dropLast())),
        Variant(
            name: "keys in another order",
            message: #"{"data":{"o":{"T":1760126508441,"z":"0.014","l":"0.014","X":"FILLED","ap":"121384.9","#
                + #""p":"121263.5","q":"0.014","f":"IOC","o":"LIMIT","S":"BUY","s":"ETHUSDT"},"E":1760126508464,"#
                + #""e":"forceOrder"},"stream":"!forceOrder@arr"}"#),
        Variant(
            name: "extra keys of every kind",
            message: line(replacing: #""stream""#, with: #""x":[1,{"y":[true,false,null]},-0.5e+3],"ok":{},"stream""#)
                .replacing(#""f":"IOC""#, with: #""f":"IOC","ps":null,"V":"NONE","list":[[],[[]]],"flag":true"#)),
        Variant(name: "price as a JSON number", message: line(replacing: #""ap":"121384.9""#, with: #""ap":121384.9"#)),
        Variant(name: "time as a string", message: line(replacing: "1760126508441", with: #""1760126508441""#)),
        Variant(name: "time in seconds", message: line(replacing: "1760126508441", with: "1760126508")),
        Variant(name: "time in microseconds", message: line(replacing: "1760126508441", with: "1760126508441123")),
        Variant(
            name: "time with leading zeros", message: line(replacing: "1760126508441", with: #""0001760126508441""#)),
        Variant(name: "time in decimal seconds", message: line(replacing: "1760126508441", with: "1760126508.4415")),
        Variant(
            name: "time as ISO 8601", message: line(replacing: "1760126508441", with: #""2025-10-10T20:01:48.441Z""#)),
        Variant(name: "time with a plus sign", message: line(replacing: "1760126508441", with: #""+1760126508441""#)),
        Variant(name: "price with an exponent", message: line(replacing: #""121384.9""#, with: #""1.213849E5""#)),
        Variant(name: "number with an exponent", message: line(replacing: #""121384.9""#, with: "121.3849e+3")),
        Variant(
            name: "quantity with a negative exponent", message: line(replacing: #""z":"0.014""#, with: #""z":14e-3"#)),
        Variant(name: "17 significant digits", message: line(replacing: "121384.9", with: "12138.490000000001")),
        Variant(name: "20 significant digits", message: line(replacing: "121384.9", with: "121384.90000000000001")),
        Variant(name: "mantissa just above 2^53", message: line(replacing: "121384.9", with: "9007199254.740993")),
        Variant(name: "many trailing zeros", message: line(replacing: "121384.9", with: "121384.90000000000000000000")),
        Variant(name: "23 decimals", message: line(replacing: "121384.9", with: "0.00000000000000000000001")),
        Variant(name: "leading zero string", message: line(replacing: "121384.9", with: "0121384.9")),
        Variant(name: "dot first", message: line(replacing: #""z":"0.014""#, with: #""z":".014""#)),
        Variant(name: "dot last", message: line(replacing: "121384.9", with: "121384.")),
        Variant(name: "negative zero filled: nothing", message: line(replacing: #""z":"0.014""#, with: #""z":"-0.0""#)),
        Variant(name: "zero filled: nothing", message: line(replacing: #""z":"0.014""#, with: #""z":0"#)),
        Variant(name: "negative filled: nothing", message: line(replacing: #""z":"0.014""#, with: #""z":"-1""#)),
        Variant(
            name: "new order: nothing",
            message: line(replacing: #""S":"SELL""#, with: #""S":"HOLD""#).replacing("FILLED", with: "NEW")),
        Variant(name: "canceled order: nothing", message: line(replacing: "FILLED", with: "CANCELED")),
        Variant(name: "expired order: nothing", message: line(replacing: "FILLED", with: "EXPIRED")),
        Variant(name: "partially filled", message: line(replacing: "FILLED", with: "PARTIALLY_FILLED")),
        Variant(
            name: "first duplicate key wins",
            message: line(replacing: #""X":"FILLED""#, with: #""X":"NEW","X":"FILLED""#)),
        Variant(
            name: "first duplicate order wins", message: line(replacing: #""o":{"#, with: #""o":{"X":"EXPIRED"},"o":{"#)
        ),
        Variant(
            name: "null data is absent",
            message: #"{"data":null,"#
                + line.dropFirst(#"{"stream":"!forceOrder@arr","data":{"#.count).dropLast(2) + "}"),
        Variant(name: "data nested twice", message: #"{"data":"# + line + "}"),
        Variant(name: "non-ASCII symbol", message: line(replacing: "BTCUSDT", with: "币安人生USDT")),
        Variant(name: "non-ASCII in an ignored value", message: line(replacing: "LIMIT", with: "LIMITÉ")),
        Variant(name: "DEL byte in a string", message: line(replacing: "LIMIT", with: "LIM\u{7F}IT")),
        Variant(
            name: "nesting 200 deep",
            message: line(replacing: #""stream""#, with: #""x":"# + nested(200) + #","stream""#)),
        Variant(
            name: "whitespace everywhere",
            message: " \t\r\n"
                + line.replacing(",", with: " ,\n\t").replacing(":", with: "\r : ").replacing("{", with: "{ ")
                .replacing("}", with: " } ") + "\n"),
    ]

    @Test(arguments: decodedAlike)
    func fastEqualsTree(_ variant: Variant) {
        #expect(FastPathOracle.binanceForceOrder(.binanceUSDM).compare(Array(variant.message.utf8)) == .same)
    }

    static let fallsBack: [Variant] = [
        Variant(name: "escape in the symbol", message: line(replacing: "BTCUSDT", with: #"BTC\u0055SDT"#)),
        Variant(name: "escape in an ignored value", message: line(replacing: "LIMIT", with: #"LI\/MIT"#)),
        Variant(name: "escape in a key", message: line(replacing: #""ap""#, with: #""a\u0070""#)),
        Variant(name: "non-ASCII key", message: line(replacing: #""f":"#, with: #""é":"#)),
        Variant(name: "unknown status", message: line(replacing: "FILLED", with: "REJECTED")),
        Variant(name: "unknown side", message: line(replacing: "SELL", with: "sell")),
        Variant(name: "wrong event type", message: line(replacing: #""forceOrder""#, with: #""markPriceUpdate""#)),
        Variant(name: "missing average price", message: line(replacing: #""ap":"121384.9","#, with: "")),
        Variant(name: "null filled quantity", message: line(replacing: #""z":"0.014""#, with: #""z":null"#)),
        Variant(name: "side as a number", message: line(replacing: #""SELL""#, with: "1")),
        Variant(name: "symbol as a number", message: line(replacing: #""BTCUSDT""#, with: "7")),
        Variant(name: "zero price", message: line(replacing: "121384.9", with: "0")),
        Variant(name: "negative time", message: line(replacing: "1760126508441", with: "-1760126508441")),
        Variant(name: "price with a comma", message: line(replacing: "121384.9", with: "121384,9")),
        Variant(name: "price infinite", message: line(replacing: "121384.9", with: "1e999")),
        Variant(name: "price NaN", message: line(replacing: "121384.9", with: "nan")),
        Variant(name: "hexadecimal price", message: line(replacing: "121384.9", with: "0x1p3")),
        Variant(name: "order not an object", message: line(replacing: #""o":{"s""#, with: #""o":[],"x":{"s""#)),
        Variant(name: "data not an object", message: #"{"data":[],"e":"forceOrder"}"#),
        Variant(name: "leading zero number", message: line(replacing: "1760126508441", with: "01760126508441")),
        Variant(name: "trailing bytes", message: line + "x"),
        Variant(name: "two documents", message: line + line),
        Variant(name: "trailing comma", message: line(replacing: #""T":1760126508441"#, with: #""T":1760126508441,"#)),
        Variant(name: "control character in a string", message: line(replacing: "LIMIT", with: "LIM\tIT")),
        Variant(
            name: "nesting 300 deep",
            message: line(replacing: #""stream""#, with: #""x":"# + nested(300) + #","stream""#)),
        Variant(name: "subscription answer", message: #"{"result":null,"id":1}"#),
        Variant(name: "empty object", message: "{}"),
        Variant(name: "empty line", message: ""),
    ]

    @Test(arguments: fallsBack)
    func fallsBackToTheTree(_ variant: Variant) {
        #expect(Self.fast(variant.message) == nil)
    }

    @Test func invalidUTF8InAnIgnoredValueFallsBack() throws {
        var bytes = Array(Self.line.utf8)
        let limit = try #require(Self.line.utf8.firstRange(of: "LIMIT".utf8))
        bytes[Self.line.utf8.distance(from: Self.line.utf8.startIndex, to: limit.lowerBound)] = 0xC3
        // C3 followed by ASCII `I`: a lead byte without its continuation, which `JSONParser` rejects.
        #expect(FastPathOracle.binanceForceOrder(.binanceUSDM).tree(bytes).isFailure)
        #expect(FastBinanceForceOrder.decode(bytes, venue: .binanceUSDM) == nil)
    }

    @Test func everyTruncationFallsBack() {
        let bytes = Array(Self.line.utf8)
        for length in 0..<bytes.count {
            #expect(FastBinanceForceOrder.decode(Array(bytes[..<length]), venue: .binanceUSDM) == nil, "\(length)")
        }
    }
}
