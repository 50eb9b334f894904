import LiqCore
import LiqFetch
import Testing

/// `/api/v5/public/liquidation-orders` rows and `liquidation-orders` pushes in OKX's shape, with our own values.
@Suite struct OKXLiquidationDecoderTests {
    static let origin =
        "https://www.okx.com/api/v5/public/liquidation-orders?instType=SWAP&uly=BTC-USDT&state=filled&limit=100"

    static func detail(posSide: String?, side: String, bkPx: String = "30000", sz: String = "39", ts: String)
        -> String
    {
        let position = posSide.map { #""posSide":"\#($0)","# } ?? ""
        return #"{"bkLoss":"0",\#(position)"bkPx":"\#(bkPx)","ccy":"","side":"\#(side)","sz":"\#(sz)","ts":"\#(ts)"}"#
    }

    static func row(_ instID: String, _ details: String...) -> String {
        let underlying = instID.split(separator: "-").prefix(2).joined(separator: "-")
        return """
            {"details":[\(details.joined(separator: ","))],"instFamily":"\(underlying)","instId":"\(instID)",\
            "instType":"SWAP","totalLoss":"","uly":"\(underlying)"}
            """
    }

    static func decode(_ text: String, origin: String = origin) throws -> [VenueLiquidation] {
        try OKXLiquidationDecoder.decode(try Payload.node(text, origin: origin))
    }

    static func liquidation(_ symbol: String, _ side: PositionSide, price: Double, contracts: Double, at ms: Int64)
        -> VenueLiquidation
    {
        VenueLiquidation(
            venue: .okx, symbol: symbol, timestampMs: ms, side: side, price: price, priceKind: .bankruptcy,
            quantity: contracts, quantityUnit: .contracts, completeness: .complete, venueID: nil)
    }

    @Test func restRowsGiveOneLiquidationPerDetail() throws {
        let text =
            #"{"code":"0","msg":"","data":["#
            + Self.row(
                "BTC-USDT-SWAP",
                Self.detail(posSide: "long", side: "sell", bkPx: "30000", sz: "39", ts: "1700000000100"),
                Self.detail(posSide: "short", side: "buy", bkPx: "30123.4", sz: "2", ts: "1700000000200"))
            + ","
            + Self.row(
                "ETH-USDT-SWAP",
                Self.detail(posSide: "long", side: "sell", bkPx: "1999.99", sz: "15", ts: "1700000000300"))
            + "]}"
        #expect(
            try Self.decode(text) == [
                Self.liquidation("BTC-USDT-SWAP", .long, price: 30000, contracts: 39, at: 1_700_000_000_100),
                Self.liquidation("BTC-USDT-SWAP", .short, price: 30123.4, contracts: 2, at: 1_700_000_000_200),
                Self.liquidation("ETH-USDT-SWAP", .long, price: 1999.99, contracts: 15, at: 1_700_000_000_300),
            ])
    }

    @Test func webSocketPushDecodesLikeREST() throws {
        let text =
            #"{"arg":{"channel":"liquidation-orders","instType":"SWAP"},"data":["#
            + Self.row(
                "BTC-USD-SWAP", Self.detail(posSide: "short", side: "buy", bkPx: "60000", sz: "25", ts: "1700000000999")
            )
            + "]}"
        #expect(
            try Self.decode(text, origin: "wss://ws.okx.com:8443/ws/v5/public") == [
                Self.liquidation("BTC-USD-SWAP", .short, price: 60000, contracts: 25, at: 1_700_000_000_999)
            ])
    }

    /// `posSide` names the liquidated position; in net mode (`net`, empty or absent) the order side decides and
    /// the engine sells to close a long.
    @Test(
        arguments: [
            ("long", "buy", PositionSide.long),
            ("short", "sell", .short),
            ("net", "sell", .long),
            ("net", "buy", .short),
            ("", "sell", .long),
            (nil, "buy", .short),
        ] as [(String?, String, PositionSide)])
    func positionSide(posSide: String?, side: String, expected: PositionSide) throws {
        let text =
            #"{"code":"0","msg":"","data":["#
            + Self.row("BTC-USDT-SWAP", Self.detail(posSide: posSide, side: side, ts: "1700000000100")) + "]}"
        #expect(try Self.decode(text).map(\.side) == [expected])
    }

    struct Malformed: Sendable, CustomTestStringConvertible {
        var name: String
        var detail: String
        var description: String
        var testDescription: String { name }
    }

    static let malformed: [Malformed] = [
        Malformed(
            name: "unknown posSide", detail: detail(posSide: "both", side: "sell", ts: "1700000000100"),
            description: origin
                + #": data[0].details[1].posSide: expected "long", "short" or "net", found string "both""#),
        Malformed(
            name: "net with unknown side", detail: detail(posSide: "net", side: "close", ts: "1700000000100"),
            description: origin + #": data[0].details[1].side: expected "buy" or "sell", found string "close""#),
        Malformed(
            name: "bankruptcy price not a number",
            detail: detail(posSide: "long", side: "sell", bkPx: "", ts: "1700000000100"),
            description: origin
                + #": data[0].details[1].bkPx: expected a decimal number or decimal string, found string """#),
        Malformed(
            name: "missing bankruptcy price",
            detail: #"{"posSide":"long","side":"sell","sz":"1","ts":"1700000000100"}"#,
            description: origin + ": data[0].details[1].bkPx: expected a value, found nothing"),
        Malformed(
            name: "time not a time", detail: detail(posSide: "long", side: "sell", ts: "later"),
            description: origin
                + #": data[0].details[1].ts: expected a timestamp (epoch s/ms/µs or ISO 8601), found string "later""#),
    ]

    @Test(arguments: malformed)
    func malformedDetailsNameOriginAndPath(_ example: Malformed) throws {
        let good = Self.detail(posSide: "long", side: "sell", ts: "1700000000100")
        let text = #"{"code":"0","msg":"","data":["# + Self.row("BTC-USDT-SWAP", good, example.detail) + "]}"
        let error = #expect(throws: JSONError.self) { try Self.decode(text) }
        #expect(error?.description == example.description)
    }

    @Test func rateLimitIsAVenueAPIError() throws {
        let error = #expect(throws: VenueAPIError.self) {
            try Self.decode(#"{"msg":"Too Many Requests","code":"50011"}"#)
        }
        #expect(error == VenueAPIError(venue: .okx, origin: Self.origin, code: "50011", message: "Too Many Requests"))
    }
}
