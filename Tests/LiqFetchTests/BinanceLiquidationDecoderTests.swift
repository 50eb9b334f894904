import LiqCore
import LiqFetch
import Testing

/// `forceOrder` messages in the exact shape Binance pushes them (see venue-feeds.md §1.2), with our own values.
@Suite struct BinanceLiquidationDecoderTests {
    static let origin = "captures/fstream-market-forceOrder.ndjson"

    /// The inner `forceOrder` event; every field is a raw JSON fragment so tests can swap strings for numbers.
    static func event(
        eventType: String = #""forceOrder""#, symbol: String = #""ETHUSDT""#, side: String = #""SELL""#,
        quantity: String = #""2.000""#, averagePrice: String = #""1995.37""#, status: String = #""PARTIALLY_FILLED""#,
        filled: String = #""1.250""#, tradeTime: String = "1700000000125"
    ) -> String {
        """
        {"e":\(eventType),"E":1700000000130,"o":{"s":\(symbol),"S":\(side),"o":"LIMIT","f":"IOC","q":\(quantity),\
        "p":"1987.10","ap":\(averagePrice),"X":\(status),"l":"0.750","z":\(filled),"T":\(tradeTime)}}
        """
    }

    /// The combined-stream wrapper of `/market/stream?streams=!forceOrder@arr`.
    static func wrapped(_ event: String) -> String {
        #"{"stream":"!forceOrder@arr","data":"# + event + "}"
    }

    static func decode(_ text: String, venue: Venue = .binanceUSDM) throws -> [VenueLiquidation] {
        try BinanceLiquidationDecoder.decode(try Payload.node(text, origin: origin), venue: venue)
    }

    /// ETHUSDT SELL: quantity is `z` (1.25, not `q` 2.0 nor `l` 0.75), price is `ap` (not `p`), time is `T`
    /// (not `E`).
    static let expectedSellETH = VenueLiquidation(
        venue: .binanceUSDM, symbol: "ETHUSDT", timestampMs: 1_700_000_000_125, side: .long, price: 1995.37,
        priceKind: .fill, quantity: 1.25, quantityUnit: .base, completeness: .sampled, venueID: nil)

    @Test func bareSellIsALiquidatedLong() throws {
        #expect(try Self.decode(Self.event()) == [Self.expectedSellETH])
    }

    @Test func wrappedBuyIsALiquidatedShort() throws {
        let records = try Self.decode(
            Self.wrapped(
                Self.event(
                    symbol: #""BTCUSDT""#, side: #""BUY""#, quantity: #""0.030""#, averagePrice: #""61250.5""#,
                    status: #""FILLED""#, filled: #""0.030""#, tradeTime: "1700000001999")))
        #expect(
            records == [
                VenueLiquidation(
                    venue: .binanceUSDM, symbol: "BTCUSDT", timestampMs: 1_700_000_001_999, side: .short,
                    price: 61250.5, priceKind: .fill, quantity: 0.03, quantityUnit: .base, completeness: .sampled)
            ])
    }

    @Test func coinMarginedQuantitiesAreContracts() throws {
        let records = try Self.decode(
            Self.wrapped(Self.event(symbol: #""BTCUSD_PERP""#, filled: #""7""#)), venue: .binanceCOINM)
        let record = try #require(records.first)
        #expect(records.count == 1)
        #expect(record.venue == .binanceCOINM)
        #expect(record.quantity == 7)
        #expect(record.quantityUnit == .contracts)
        #expect(record.completeness == .sampled)
    }

    @Test func numbersAndNumericStringsDecodeAlike() throws {
        // Binance sends decimals as strings and times as numbers; either may arrive as the other.
        let swapped = Self.event(
            quantity: "2.000", averagePrice: "1995.37", filled: "1.250", tradeTime: #""1700000000125""#)
        #expect(try Self.decode(swapped) == [Self.expectedSellETH])
    }

    @Test(arguments: ["NEW", "CANCELED", "EXPIRED"])
    func ordersThatNeverFilledYieldNothing(status: String) throws {
        #expect(try Self.decode(Self.wrapped(Self.event(status: "\"\(status)\""))).isEmpty)
    }

    @Test func zeroFilledQuantityYieldsNothing() throws {
        #expect(try Self.decode(Self.event(filled: #""0""#)).isEmpty)
    }

    struct Malformed: Sendable, CustomTestStringConvertible {
        var name: String
        var message: String
        var description: String
        var testDescription: String { name }
    }

    static let malformed: [Malformed] = [
        Malformed(
            name: "unknown status", message: wrapped(event(status: #""REJECTED""#)),
            description: origin
                + #": data.o.X: expected an order status (NEW, PARTIALLY_FILLED, FILLED, CANCELED, EXPIRED),"#
                + #" found string "REJECTED""#
        ),
        Malformed(
            name: "unknown side", message: wrapped(event(side: #""HOLD""#)),
            description: origin + #": data.o.S: expected "BUY" or "SELL", found string "HOLD""#),
        Malformed(
            name: "unknown side, bare", message: event(side: #""sell""#),
            description: origin + #": o.S: expected "BUY" or "SELL", found string "sell""#),
        Malformed(
            name: "wrong event type", message: wrapped(event(eventType: #""markPriceUpdate""#)),
            description: origin + #": data.e: expected "forceOrder", found string "markPriceUpdate""#),
        Malformed(
            name: "missing trade time",
            message: wrapped(event()).replacing(#","T":1700000000125"#, with: ""),
            description: origin + ": data.o.T: expected a value, found nothing"),
        Malformed(
            name: "side as a number", message: wrapped(event(side: "1")),
            description: origin + ": data.o.S: expected a string, found number 1"),
        Malformed(
            name: "filled quantity not a decimal", message: wrapped(event(filled: #""1,25""#)),
            description: origin + #": data.o.z: expected a decimal number or decimal string, found string "1,25""#),
        Malformed(
            name: "filled quantity as a boolean", message: wrapped(event(filled: "true")),
            description: origin + ": data.o.z: expected a decimal number or decimal string, found boolean true"),
        Malformed(
            name: "zero average price", message: wrapped(event(averagePrice: #""0""#)),
            description: origin
                + #": data.o.ap: expected a positive average price for a filled order, found string "0""#
        ),
        Malformed(
            name: "trade time not a time", message: wrapped(event(tradeTime: #""soon""#)),
            description: origin + #": data.o.T: expected a timestamp (epoch s/ms/µs or ISO 8601), found string "soon""#
        ),
    ]

    @Test(arguments: malformed)
    func malformedMessagesNameOriginAndPath(_ example: Malformed) throws {
        let error = #expect(throws: JSONError.self) { try Self.decode(example.message) }
        #expect(error?.description == example.description)
    }
}
