import LiqCore
import LiqFetch
import Testing

/// Trades with and without `liquidation` in Deribit's shape, with our own values.
@Suite struct DeribitLiquidationDecoderTests {
    static let origin = "https://www.deribit.com/api/v2/public/get_last_trades_by_currency?currency=BTC&kind=future"

    static func decode(_ trades: [String]) throws -> [VenueLiquidation] {
        try DeribitLiquidationDecoder.decode(
            trades: try Payload.node("[" + trades.joined(separator: ",") + "]", origin: origin).elements())
    }

    static func event(_ side: PositionSide, id: String) -> VenueLiquidation {
        VenueLiquidation(
            venue: .deribit, symbol: "BTC-PERPETUAL", timestampMs: 1_760_129_463_117, side: side, price: 60000.5,
            priceKind: .fill, quantity: 1120, quantityUnit: .usd, completeness: .complete, venueID: id)
    }

    /// `direction` is the taker's side. T: the taker was liquidated, so a selling taker was long. M: the maker was,
    /// and a maker facing a buying taker had sold, so was long.
    @Test(
        arguments: [
            ("T", "sell", PositionSide.long),
            ("T", "buy", .short),
            ("M", "buy", .long),
            ("M", "sell", .short),
        ] as [(String, String, PositionSide)])
    func oneSideLiquidated(flag: String, direction: String, side: PositionSide) throws {
        #expect(
            try Self.decode([DeribitPayloads.trade("403691825", direction: direction, liquidation: flag)]) == [
                Self.event(side, id: "403691825")
            ])
    }

    /// MT: both sides of one print were liquidated, one long and one short, each for the whole 1,120 USD.
    @Test(arguments: [("buy", PositionSide.short, PositionSide.long), ("sell", .long, .short)])
    func bothSidesLiquidated(direction: String, taker: PositionSide, maker: PositionSide) throws {
        #expect(
            try Self.decode([DeribitPayloads.trade("403691825", direction: direction, liquidation: "MT")]) == [
                Self.event(taker, id: "403691825"), Self.event(maker, id: "403691825-M"),
            ])
    }

    @Test func ordinaryTradesYieldNothing() throws {
        let liquidations = try Self.decode([
            DeribitPayloads.trade("1", direction: "sell", liquidation: nil),
            DeribitPayloads.trade("2", direction: "sell", liquidation: "T"),
            DeribitPayloads.trade("3", direction: "buy", liquidation: nil),
        ])
        #expect(liquidations.map(\.venueID) == ["2"])
    }

    struct Malformed: Sendable, CustomTestStringConvertible {
        var name: String
        var trade: String
        var description: String
        var testDescription: String { name }
    }

    static let malformed: [Malformed] = [
        Malformed(
            name: "unknown flag", trade: DeribitPayloads.trade("9", direction: "sell", liquidation: "X"),
            description: origin + #": [1].liquidation: expected "T", "M" or "MT", found string "X""#),
        Malformed(
            name: "unknown direction", trade: DeribitPayloads.trade("9", direction: "short", liquidation: "T"),
            description: origin + #": [1].direction: expected "buy" or "sell", found string "short""#),
        Malformed(
            name: "amount missing",
            trade: DeribitPayloads.trade("9", direction: "sell", liquidation: "T").replacingOccurrences(
                of: #""amount":1120.0,"#, with: ""),
            description: origin + ": [1].amount: expected a value, found nothing"),
    ]

    @Test(arguments: malformed)
    func malformedTradesNameOriginAndPath(_ example: Malformed) throws {
        let error = #expect(throws: JSONError.self) {
            try Self.decode([DeribitPayloads.trade("1", direction: "sell", liquidation: "T"), example.trade])
        }
        #expect(error?.description == example.description)
    }
}
