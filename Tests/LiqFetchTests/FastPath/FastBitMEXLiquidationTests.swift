import LiqCore
import LiqFetch
import Testing

/// Targeted BitMEX `liquidation` table messages in BitMEX's exact shape (venue-feeds.md §4), our values: the fast
/// decoder reads what the stream decoder's tree path reads, exactly, or falls back, and falls back where it must.
@Suite struct FastBitMEXLiquidationTests {
    /// Two liquidation orders placed in one message: an inverse XBTUSD order and a linear ETHUSDT one.
    static let insert =
        #"{"table":"liquidation","action":"insert","data":[{"orderID":"3666e790-3619-4ff7-b7a2-9f3ca78f216c","#
        + #""symbol":"XBTUSD","side":"Buy","price":122111.0,"leavesQty":7300},{"orderID":"5b1d7c2e-0d9a-4c11-"#
        + #"8e4f-2a6b9c0d1e2f","symbol":"ETHUSDT","side":"Sell","price":4363.25,"leavesQty":2500}]}"#
    static let update =
        #"{"table":"liquidation","action":"update","data":[{"orderID":"3666e790-3619-4ff7-b7a2-9f3ca78f216c","#
        + #""symbol":"XBTUSD","leavesQty":3600}]}"#
    static let delete =
        #"{"table":"liquidation","action":"delete","data":[{"orderID":"3666e790-3619-4ff7-b7a2-9f3ca78f216c","#
        + #""symbol":"XBTUSD"}]}"#

    static func insert(replacing fragment: String, with replacement: String) -> String {
        guard let range = insert.range(of: fragment) else { preconditionFailure("\(fragment) is not in the insert") }
        return insert.replacingCharacters(in: range, with: replacement)
    }

    @Test func insertedOrdersAreStampedWithTheClock() throws {
        // side Buy: the engine buys to close a short. XBTUSD is inverse, 1 USD per contract: 7300 contracts
        // = 7300 USD at the order price 122,111 → 7300 / 122,111 ≈ 0.059782 BTC once normalised (tolerance 1e-6).
        // side Sell closes a long: 2500 ETHUSDT contracts at 4363.25.
        let message = FastBitMEXLiquidation.decode(Array(Self.insert.utf8), timestampMs: 1_760_126_401_234)
        guard case .insert(let events) = try #require(message) else {
            Issue.record("not an insert: \(String(describing: message))")
            return
        }
        #expect(events.map(\.symbol) == ["XBTUSD", "ETHUSDT"])
        #expect(events.map(\.side) == [.short, .long])
        #expect(events.map(\.price) == [122_111, 4363.25])
        #expect(events.map(\.quantity) == [7300, 2500])
        #expect(abs(events[0].quantity / events[0].price - 0.059782) < 1e-6)
        #expect(events.map(\.timestampMs) == [1_760_126_401_234, 1_760_126_401_234])
        #expect(
            events.map(\.venueID) == ["3666e790-3619-4ff7-b7a2-9f3ca78f216c", "5b1d7c2e-0d9a-4c11-8e4f-2a6b9c0d1e2f"])
        #expect(
            events.allSatisfy {
                $0.venue == .bitmex && $0.priceKind == .order && $0.quantityUnit == .contracts
                    && $0.completeness == .complete
            })
        #expect(FastPathOracle.bitmexLiquidation.compare(Array(Self.insert.utf8)) == .same)
    }

    @Test func updatesAndDeletesCarryTheirOrderIDs() {
        #expect(
            FastBitMEXLiquidation.decode(Array(Self.update.utf8), timestampMs: 0)
                == .update(orderIDs: ["3666e790-3619-4ff7-b7a2-9f3ca78f216c"]))
        #expect(
            FastBitMEXLiquidation.decode(Array(Self.delete.utf8), timestampMs: 0)
                == .delete(orderIDs: ["3666e790-3619-4ff7-b7a2-9f3ca78f216c"]))
        #expect(FastPathOracle.bitmexLiquidation.compare(Array(Self.update.utf8)) == .same)
        #expect(FastPathOracle.bitmexLiquidation.compare(Array(Self.delete.utf8)) == .same)
    }

    struct Variant: Sendable, CustomTestStringConvertible {
        var name: String
        var message: String
        var testDescription: String { name }
    }

    static let decodedAlike: [Variant] = [
        Variant(name: "no rows", message: #"{"table":"liquidation","action":"insert","data":[]}"#),
        Variant(
            name: "table after the rows",
            message: #"{"action":"delete","data":[{"orderID":"x"}],"table":"liquidation"}"#),
        Variant(
            name: "update row of the orderID only",
            message: #"{"table":"liquidation","action":"update","data":[{"orderID":"x"}]}"#),
        Variant(
            name: "delete row with odd members",
            message: #"{"table":"liquidation","action":"delete","data":[{"orderID":"x","side":7,"price":null}]}"#),
        Variant(
            name: "price and size as strings",
            message: insert(
                replacing: #""price":122111.0,"leavesQty":7300"#, with: #""price":"122111.0","leavesQty":"7300""#)),
        Variant(name: "price with an exponent", message: insert(replacing: "122111.0", with: "1.22111E5")),
        Variant(name: "17-digit price", message: insert(replacing: "4363.25", with: "4363.2500000000001")),
        Variant(name: "negative size", message: insert(replacing: "7300", with: "-7300")),
        Variant(name: "non-ASCII symbol", message: insert(replacing: #""symbol":"XBTUSD""#, with: #""symbol":"XBT€""#)),
        Variant(
            name: "first duplicate side wins",
            message: insert(replacing: #""side":"Buy""#, with: #""side":"Buy","side":"Hold""#)),
        Variant(
            name: "first duplicate action wins",
            message: insert(replacing: #""action":"insert""#, with: #""action":"insert","action":"delete""#)),
        Variant(
            name: "first duplicate data wins", message: insert(replacing: #""data":["#, with: #""data":[],"data":["#)),
        Variant(
            name: "unknown members",
            message: insert(
                replacing: #""action":"insert","#, with: #""action":"insert","keys":["orderID"],"filter":{},"#)),
        Variant(
            name: "whitespace everywhere",
            message: "\n "
                + insert.replacing(",", with: "\t,\r\n ").replacing(":", with: " : ").replacing("[", with: "[ ")
                .replacing("]", with: " ]").replacing("{", with: "{ ").replacing("}", with: " }") + " \r"),
    ]

    @Test(arguments: decodedAlike)
    func fastEqualsTree(_ variant: Variant) {
        #expect(FastPathOracle.bitmexLiquidation.compare(Array(variant.message.utf8)) == .same)
    }

    static let fallsBack: [Variant] = [
        Variant(name: "partial", message: #"{"table":"liquidation","action":"partial","keys":["orderID"],"data":[]}"#),
        Variant(name: "unknown action", message: #"{"table":"liquidation","action":"upsert","data":[]}"#),
        Variant(name: "action after the rows", message: #"{"table":"liquidation","data":[],"action":"insert"}"#),
        Variant(name: "null action", message: #"{"table":"liquidation","action":null,"data":[]}"#),
        Variant(
            name: "instrument table",
            message: #"{"table":"instrument","action":"update","data":[{"symbol":"XBTUSD","markPrice":1}]}"#),
        Variant(name: "no table", message: #"{"action":"insert","data":[]}"#),
        Variant(name: "null table", message: #"{"table":null,"action":"insert","data":[]}"#),
        Variant(
            name: "welcome",
            message: #"{"info":"Welcome to the BitMEX Realtime API.","timestamp":"2025-10-10T19:59:58.512Z"}"#),
        Variant(
            name: "acknowledgement",
            message: #"{"success":true,"subscribe":"liquidation","request":{"op":"subscribe"}}"#),
        Variant(
            name: "error",
            message:
                #"{"status":400,"error":"Unknown table: liquidations","table":"liquidation","action":"insert","data":[]}"#
        ),
        Variant(name: "null error", message: #"{"error":null,"table":"liquidation","action":"insert","data":[]}"#),
        Variant(name: "no data", message: #"{"table":"liquidation","action":"delete"}"#),
        Variant(name: "null data", message: #"{"table":"liquidation","action":"delete","data":null}"#),
        Variant(name: "data an object", message: #"{"table":"liquidation","action":"delete","data":{"orderID":"x"}}"#),
        Variant(name: "null row", message: #"{"table":"liquidation","action":"delete","data":[null]}"#),
        Variant(
            name: "delete row without orderID",
            message: #"{"table":"liquidation","action":"delete","data":[{"symbol":"XBTUSD"}]}"#),
        Variant(
            name: "orderID a number", message: #"{"table":"liquidation","action":"update","data":[{"orderID":1}]}"#),
        Variant(name: "unknown side", message: insert(replacing: #""side":"Buy""#, with: #""side":"BUY""#)),
        Variant(name: "missing side", message: insert(replacing: #""side":"Buy","#, with: "")),
        Variant(name: "null price", message: insert(replacing: "122111.0", with: "null")),
        Variant(name: "size not a decimal", message: insert(replacing: "7300", with: #""many""#)),
        Variant(name: "missing symbol", message: insert(replacing: #""symbol":"XBTUSD","#, with: "")),
        Variant(name: "escape in orderID", message: insert(replacing: "3666e790-", with: #"3666e790\u002d"#)),
        Variant(name: "not an object", message: "[" + insert + "]"),
        Variant(name: "trailing garbage", message: insert + "x"),
        Variant(name: "truncated", message: String(insert.dropLast())),
    ]

    @Test(arguments: fallsBack)
    func fallsBackToTheTree(_ variant: Variant) {
        #expect(FastBitMEXLiquidation.decode(Array(variant.message.utf8), timestampMs: 0) == nil)
    }

    @Test func everyTruncationFallsBack() {
        for message in [Self.insert, Self.update, Self.delete] {
            let bytes = Array(message.utf8)
            for length in 0..<bytes.count {
                #expect(FastBitMEXLiquidation.decode(Array(bytes[..<length]), timestampMs: 0) == nil, "\(length)")
            }
        }
    }
}
