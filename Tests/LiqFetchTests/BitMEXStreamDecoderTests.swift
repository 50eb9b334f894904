import LiqCore
import LiqFetch
import Testing

/// Realtime messages in BitMEX's shape (welcome, acknowledgements, `liquidation` and `instrument` tables), with
/// our own values, fed through one decoder in order as a capture would be.
@Suite struct BitMEXStreamDecoderTests {
    static let capture = "realtime.ndjson"
    static let welcome =
        #"{"info":"Welcome to the BitMEX Realtime API.","version":"2.0.0","timestamp":"2025-10-10T20:00:00.250Z","#
        + #""docs":"https://www.bitmex.com/app/wsAPI","heartbeatEnabled":false,"limit":{"remaining":39}}"#

    static func decoder(
        _ symbols: Set<String> = ["XBTUSD", "ETHUSDT"],
        feeds: Set<Feed> = [.liquidations, .openInterest, .funding, .markPrice]
    ) -> BitMEXStreamDecoder {
        BitMEXStreamDecoder(symbols: symbols, feeds: feeds)
    }

    static func liquidation(_ action: String, _ rows: String...) -> String {
        #"{"table":"liquidation","action":"\#(action)","data":["# + rows.joined(separator: ",") + "]}"
    }

    static func order(
        _ id: String, symbol: String = "XBTUSD", side: String = "Sell", price: String = "59640.5",
        quantity: String = "30000"
    ) -> String {
        #"{"orderID":"\#(id)","symbol":"\#(symbol)","side":"\#(side)","price":\#(price),"leavesQty":\#(quantity)}"#
    }

    static func instrument(_ action: String, _ rows: String...) -> String {
        #"{"table":"instrument","action":"\#(action)","data":["# + rows.joined(separator: ",") + "]}"
    }

    static func feed(_ decoder: inout BitMEXStreamDecoder, _ lines: [String]) throws -> [VenueRecord] {
        var records: [VenueRecord] = []
        for (index, line) in lines.enumerated() {
            records += try decoder.decode(try Payload.node(line, origin: "\(capture):\(index + 1)"))
        }
        return records
    }

    static func expected(_ id: String, _ side: PositionSide, at ms: Int64, quantity: Double = 30000) -> VenueRecord {
        .liquidation(
            VenueLiquidation(
                venue: .bitmex, symbol: "XBTUSD", timestampMs: ms, side: side, price: 59640.5, priceKind: .order,
                quantity: quantity, quantityUnit: .contracts, completeness: .complete, venueID: id))
    }

    // MARK: Liquidations

    @Test func onlyTheInsertOfAnOrderCounts() throws {
        var decoder = Self.decoder()
        let records = try Self.feed(
            &decoder,
            [
                Self.welcome,
                #"{"success":true,"subscribe":"liquidation","request":{"op":"subscribe","args":["liquidation"]}}"#,
                // Resting before we subscribed: state, not an event.
                Self.liquidation("partial", Self.order("a")),
                Self.liquidation("insert", Self.order("b", side: "Buy")),
                // Partly filled, re-sent, filled: none of it counts again.
                Self.liquidation("update", #"{"orderID":"b","symbol":"XBTUSD","leavesQty":12000}"#),
                Self.liquidation("insert", Self.order("b", side: "Buy")),
                Self.liquidation("update", #"{"orderID":"a","symbol":"XBTUSD","leavesQty":100}"#),
                Self.liquidation(
                    "delete", #"{"orderID":"a","symbol":"XBTUSD"}"#, #"{"orderID":"b","symbol":"XBTUSD"}"#),
                Self.liquidation("insert", Self.order("c")),
            ])
        // Both stamped with the welcome time, 2025-10-10T20:00:00.250Z = 1,760,126,400,250.
        #expect(
            records == [
                Self.expected("b", .short, at: 1_760_126_400_250), Self.expected("c", .long, at: 1_760_126_400_250),
            ])
        #expect(decoder.clockMs == 1_760_126_400_250)
    }

    @Test func insertsAreStampedWithTheLatestVenueTime() throws {
        var decoder = Self.decoder()
        let records = try Self.feed(
            &decoder,
            [
                Self.welcome,
                Self.instrument(
                    "update", #"{"symbol":"SOLUSDT","lastPrice":201.5,"timestamp":"2025-10-10T20:51:03.117Z"}"#),
                Self.liquidation("insert", Self.order("a")),
                // An older time does not move the clock back.
                Self.instrument(
                    "update", #"{"symbol":"SOLUSDT","lastPrice":201.4,"timestamp":"2025-10-10T20:51:02.900Z"}"#),
                Self.liquidation("insert", Self.order("b")),
                // Rows of other tables move it too.
                #"{"table":"trade","action":"insert","data":[{"timestamp":"2025-10-10T20:51:04.001Z","symbol":"XBTUSD","#
                    + #""side":"Sell","size":100,"price":59640.5}]}"#,
                Self.liquidation("insert", Self.order("c")),
            ])
        // 20:51:03.117Z = 1,760,129,463,117; 20:51:04.001Z = 1,760,129,464,001.
        #expect(
            records.map { (record) -> Int64? in
                if case .liquidation(let event) = record { event.timestampMs } else { nil }
            } == [
                1_760_129_463_117, 1_760_129_463_117, 1_760_129_464_001,
            ])
    }

    @Test func liquidationBeforeAnyVenueTimeIsAnError() throws {
        var decoder = Self.decoder()
        let error = #expect(throws: JSONError.self) {
            try Self.feed(&decoder, [Self.liquidation("insert", Self.order("a"))])
        }
        #expect(
            error?.description
                == Self.capture
                + ":1: data[0]: expected a venue time before the first liquidation (BitMEX liquidation rows carry none; "
                + "the welcome message or an instrument row gives one), found none yet on this stream")
    }

    @Test func otherSymbolsAndUnselectedFeedsYieldNothing() throws {
        var decoder = Self.decoder(["ETHUSDT"])
        #expect(try Self.feed(&decoder, [Self.welcome, Self.liquidation("insert", Self.order("a"))]).isEmpty)
        var withoutLiquidations = Self.decoder(feeds: [.markPrice])
        #expect(
            try Self.feed(&withoutLiquidations, [Self.welcome, Self.liquidation("insert", Self.order("a"))]).isEmpty)
    }

    @Test func unknownActionIsAnError() throws {
        var decoder = Self.decoder()
        let error = #expect(throws: JSONError.self) {
            try Self.feed(&decoder, [Self.liquidation("upsert", Self.order("a"))])
        }
        #expect(
            error?.description
                == Self.capture + #":1: action: expected partial, insert, update or delete, found string "upsert""#)
    }

    @Test func refusalIsAVenueAPIError() throws {
        var decoder = Self.decoder()
        let error = #expect(throws: VenueAPIError.self) {
            try Self.feed(
                &decoder,
                [
                    #"{"status":400,"error":"Unknown table: liquidations","meta":{},"#
                        + #""request":{"op":"subscribe","args":["liquidations"]}}"#
                ])
        }
        #expect(
            error
                == VenueAPIError(
                    venue: .bitmex, origin: Self.capture + ":1", code: "400", message: "Unknown table: liquidations"))
    }

    // MARK: Instrument deltas

    @Test func snapshotThenDeltasMergeIntoCachedState() throws {
        var decoder = Self.decoder()
        let records = try Self.feed(
            &decoder,
            [
                Self.instrument("partial", BitMEXPayloads.row("XBTUSD")),
                // Only the mark moved (and with it the XBT value of the open interest).
                Self.instrument(
                    "update",
                    #"{"symbol":"XBTUSD","markPrice":50000,"fairPrice":50000,"openValue":600000000000,"#
                        + #""timestamp":"2025-10-10T22:00:05.000Z"}"#),
                // Only the next rate was fixed.
                Self.instrument(
                    "update",
                    #"{"symbol":"XBTUSD","fundingRate":-0.0002,"fundingTimestamp":"2025-10-11T12:00:00.000Z","#
                        + #""timestamp":"2025-10-11T04:00:00.000Z"}"#),
                // Nothing we emit changed.
                Self.instrument(
                    "update", #"{"symbol":"XBTUSD","lastPrice":50010,"timestamp":"2025-10-11T04:00:01.000Z"}"#),
            ])
        // Snapshot: 500,000,000,000 XBt / 1e8 = 5,000 BTC × 60,000 = 300,000,000 USD.
        // After the delta: 600,000,000,000 XBt / 1e8 = 6,000 BTC × 50,000 = 300,000,000 USD (the contracts did
        // not change, only their bitcoin value). Tolerance: exact in binary.
        #expect(
            records == [
                .markPrice(
                    VenueMarkPrice(
                        venue: .bitmex, symbol: "XBTUSD", timestampMs: 1_760_133_599_000, markPrice: 60000,
                        indexPrice: 60000.5)),
                .openInterest(
                    VenueOpenInterest(
                        venue: .bitmex, symbol: "XBTUSD", timestampMs: 1_760_133_599_000, quantity: 5000,
                        quantityUnit: .base, valueUSD: 300_000_000)),
                .funding(
                    VenueFunding(
                        venue: .bitmex, symbol: "XBTUSD", timestampMs: 1_760_133_599_000, rate: 0.0001,
                        intervalHours: 8, kind: .predicted)),
                .markPrice(
                    VenueMarkPrice(
                        venue: .bitmex, symbol: "XBTUSD", timestampMs: 1_760_133_605_000, markPrice: 50000,
                        indexPrice: 60000.5)),
                .openInterest(
                    VenueOpenInterest(
                        venue: .bitmex, symbol: "XBTUSD", timestampMs: 1_760_133_605_000, quantity: 6000,
                        quantityUnit: .base, valueUSD: 300_000_000)),
                .funding(
                    VenueFunding(
                        venue: .bitmex, symbol: "XBTUSD", timestampMs: 1_760_155_200_000, rate: -0.0002,
                        intervalHours: 8, kind: .predicted)),
            ])
    }

    @Test func deltaWithoutASnapshotYieldsNoOpenInterest() throws {
        // A capture that starts mid-connection: the contract terms are unknown, the mark is not.
        var decoder = Self.decoder()
        let records = try Self.feed(
            &decoder,
            [
                Self.instrument(
                    "update",
                    #"{"symbol":"ETHUSDT","markPrice":2400,"openValue":24000000000000,"timestamp":"2025-10-10T22:00:05.000Z"}"#
                )
            ])
        #expect(
            records == [
                .markPrice(
                    VenueMarkPrice(
                        venue: .bitmex, symbol: "ETHUSDT", timestampMs: 1_760_133_605_000, markPrice: 2400,
                        indexPrice: nil))
            ])
    }

    @Test func deleteForgetsTheInstrument() throws {
        var decoder = Self.decoder(feeds: [.openInterest])
        let records = try Self.feed(
            &decoder,
            [
                Self.instrument("partial", BitMEXPayloads.row("ETHUSDT")),
                Self.instrument("delete", #"{"symbol":"ETHUSDT"}"#),
                Self.instrument(
                    "update", #"{"symbol":"ETHUSDT","openValue":24000000000000,"timestamp":"2025-10-10T22:00:05.000Z"}"#
                ),
            ])
        // Only the snapshot's open interest: after the delete the terms are gone.
        #expect(records.count == 1)
    }
}
