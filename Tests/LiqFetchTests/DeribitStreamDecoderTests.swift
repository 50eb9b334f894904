import LiqCore
import LiqFetch
import Testing

/// WebSocket notifications in Deribit's JSON-RPC shape, with our own values.
@Suite struct DeribitStreamDecoderTests {
    static func decoder(
        _ symbols: Set<String> = ["BTC-PERPETUAL"],
        feeds: Set<Feed> = [.liquidations, .openInterest, .funding, .markPrice]
    ) -> DeribitStreamDecoder {
        DeribitStreamDecoder(symbols: symbols, feeds: feeds)
    }

    static func decode(_ decoder: inout DeribitStreamDecoder, _ line: String) throws -> [VenueRecord] {
        try decoder.decode(try Payload.node(line, origin: "capture.ndjson:3"))
    }

    @Test func currencyTradeChannelKeepsTheSelectedLiquidations() throws {
        var decoder = Self.decoder()
        let trades = [
            DeribitPayloads.trade("1", direction: "sell", liquidation: "T"),
            DeribitPayloads.trade("2", direction: "sell", liquidation: nil),
            DeribitPayloads.trade("3", direction: "buy", liquidation: "M", instrument: "BTC-26DEC25"),
            DeribitPayloads.trade("4", direction: "buy", liquidation: "MT"),
        ]
        let records = try Self.decode(
            &decoder, DeribitPayloads.notification("trades.future.BTC.100ms", "[" + trades.joined(separator: ",") + "]")
        )
        // T+sell → long; MT+buy → taker short, maker long.
        #expect(
            records.map { (record) -> String in
                guard case .liquidation(let event) = record else { return "?" }
                return "\(event.venueID ?? "") \(event.side)"
            } == ["1 long", "4 short", "4-M long"])
    }

    @Test func tickerGivesOpenInterestFundingAndMark() throws {
        var decoder = Self.decoder()
        let records = try Self.decode(
            &decoder, DeribitPayloads.notification("ticker.BTC-PERPETUAL.100ms", DeribitPayloads.ticker()))
        #expect(
            records == [
                .openInterest(
                    VenueOpenInterest(
                        venue: .deribit, symbol: "BTC-PERPETUAL", timestampMs: 1_760_133_599_380, quantity: 20_000,
                        quantityUnit: .base, valueUSD: 1_200_000_000)),
                .funding(
                    VenueFunding(
                        venue: .deribit, symbol: "BTC-PERPETUAL", timestampMs: 1_760_133_599_380, rate: -0.00042,
                        intervalHours: 8, kind: .predicted)),
                .markPrice(
                    VenueMarkPrice(
                        venue: .deribit, symbol: "BTC-PERPETUAL", timestampMs: 1_760_133_599_380, markPrice: 60000,
                        indexPrice: 60018.5)),
            ])
    }

    @Test func unselectedFeedsAndInstrumentsYieldNothing() throws {
        var markOnly = Self.decoder(feeds: [.markPrice])
        let ticker = DeribitPayloads.notification("ticker.BTC-PERPETUAL.100ms", DeribitPayloads.ticker())
        #expect(try Self.decode(&markOnly, ticker).map(\.feed) == [.markPrice])
        let trade = DeribitPayloads.notification(
            "trades.BTC-PERPETUAL.100ms", "[" + DeribitPayloads.trade("1", direction: "sell", liquidation: "T") + "]")
        #expect(try Self.decode(&markOnly, trade).isEmpty)
        var ethOnly = Self.decoder(["ETH-PERPETUAL"])
        #expect(try Self.decode(&ethOnly, ticker).isEmpty)
        #expect(try Self.decode(&ethOnly, trade).isEmpty)
    }

    @Test(arguments: [
        #"{"jsonrpc":"2.0","id":42,"result":["trades.future.BTC.100ms","ticker.BTC-PERPETUAL.100ms"],"#
            + #""usIn":1760126399000100,"usOut":1760126399000250,"usDiff":150,"testnet":false}"#,
        #"{"jsonrpc":"2.0","method":"heartbeat","params":{"type":"test_request"}}"#,
        DeribitPayloads.notification("book.BTC-PERPETUAL.100ms", #"{"bids":[],"asks":[]}"#),
    ])
    func controlMessagesAndOtherChannelsYieldNothing(line: String) throws {
        var decoder = Self.decoder()
        #expect(try Self.decode(&decoder, line).isEmpty)
    }

    @Test func errorIsAVenueAPIError() throws {
        var decoder = Self.decoder()
        let error = #expect(throws: VenueAPIError.self) {
            try Self.decode(
                &decoder, #"{"jsonrpc":"2.0","id":1,"error":{"code":10028,"message":"too_many_requests","data":null}}"#)
        }
        #expect(
            error
                == VenueAPIError(
                    venue: .deribit, origin: "capture.ndjson:3", code: "10028", message: "too_many_requests"))
    }
}
