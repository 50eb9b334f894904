import LiqCore
import LiqFetch
import Testing

/// `liquidation` table rows in BitMEX's shape (`{orderID, symbol, side, price, leavesQty}`), with our own values.
@Suite struct BitMEXLiquidationDecoderTests {
    static let origin = "capture.ndjson:7"

    static func row(side: String) throws -> JSONNode {
        try Payload.node(
            #"{"orderID":"5e589e8e-a46c-5dc4-85e3-982a66951d67","symbol":"XBTUSD","side":"\#(side)","#
                + #""price":59640.5,"leavesQty":30000}"#, origin: origin)
    }

    /// The order side: the engine sells to close a long.
    @Test(arguments: [("Sell", PositionSide.long), ("Buy", .short)])
    func orderSideIsTheOppositeOfThePosition(side: String, position: PositionSide) throws {
        #expect(
            try BitMEXLiquidationDecoder.decode(try Self.row(side: side), timestampMs: 1_760_129_400_123)
                == VenueLiquidation(
                    venue: .bitmex, symbol: "XBTUSD", timestampMs: 1_760_129_400_123, side: position, price: 59640.5,
                    priceKind: .order, quantity: 30000, quantityUnit: .contracts, completeness: .complete,
                    venueID: "5e589e8e-a46c-5dc4-85e3-982a66951d67"))
    }

    @Test func unknownSideIsAnError() throws {
        let error = #expect(throws: JSONError.self) {
            try BitMEXLiquidationDecoder.decode(try Self.row(side: "sell"), timestampMs: 0)
        }
        #expect(error?.description == Self.origin + #": side: expected "Buy" or "Sell", found string "sell""#)
    }
}
