import LiqCore
import LiqFetch
import LiqNormalise
import Testing

/// Deribit payloads (our values, the venue's shapes) through the decoders and the normaliser: every expected
/// number is worked by hand in the comment next to it.
@Suite struct NormaliserDeribitTests {
    static func normaliser() throws -> Normaliser {
        let list = """
            {"jsonrpc":"2.0","result":[{"kind":"future","instrument_name":"BTC-PERPETUAL","instrument_type":"reversed",\
            "contract_size":10.0,"settlement_period":"perpetual","settlement_currency":"BTC","base_currency":"BTC",\
            "quote_currency":"USD"}],"usIn":1760133600400032,"usOut":1760133600400215}
            """
        let instruments = try DeribitInstrumentDecoder.decode(
            try JSONNode.parse(Array(list.utf8), origin: "get_instruments"), symbols: ["BTC-PERPETUAL"])
        return Normaliser(registry: InstrumentRegistry(instruments))
    }

    static func events(_ trade: String) throws -> [LiquidationEvent] {
        let normaliser = try normaliser()
        return try DeribitLiquidationDecoder.decode(
            trades: try JSONNode.parse(Array("[\(trade)]".utf8), origin: "trades").elements()
        ).map { (record) throws(NormaliseError) in try normaliser.liquidation(record) }
    }

    static func trade(_ flag: String, _ direction: String, amount: String, price: String) -> String {
        #"{"trade_id":"66460463","instrument_name":"BTC-PERPETUAL","timestamp":1584059031421,"price":\#(price),"#
            + #""amount":\#(amount),"direction":"\#(direction)","liquidation":"\#(flag)"}"#
    }

    @Test func takerLiquidatedSelling() throws {
        // The reference's 2020-03-13 trade: T, sell, 1,120 USD at 4,469.5 → a long; 1,120 / 4,469.5 =
        // 0.2505873 BTC (tolerance 1e-7), 112 contracts of 10 USD.
        let events = try Self.events(Self.trade("T", "sell", amount: "1120", price: "4469.5"))
        #expect(events.map(\.side) == [.long])
        #expect(events.map(\.notionalUSD) == [1120])
        let event = try #require(events.first)
        #expect(abs(event.quantityBase - 0.250_587_3) < 1e-7)
        #expect(event.priceKind == .fill)
    }

    @Test func makerLiquidatedAgainstABuyer() throws {
        // M, buy: the maker sold, so was long; 2,500 / 4,469.5 = 0.5593467 BTC (tolerance 1e-7).
        let events = try Self.events(Self.trade("M", "buy", amount: "2500", price: "4469.5"))
        #expect(events.map(\.side) == [.long])
        #expect(abs(try #require(events.first).quantityBase - 0.559_346_7) < 1e-7)
    }

    @Test func bothSidesLiquidatedAreTwoDistinctEvents() throws {
        // MT, buy: the taker bought (short liquidated), the maker sold (long liquidated); each 1,000 USD,
        // 1,000 / 60,000 = 0.0166667 BTC (tolerance 1e-7), and their event ids differ.
        let events = try Self.events(Self.trade("MT", "buy", amount: "1000", price: "60000"))
        try #require(events.count == 2)
        #expect(events.map(\.side) == [.short, .long])
        #expect(events.map(\.notionalUSD) == [1000, 1000])
        #expect(events.allSatisfy { abs($0.quantityBase - 0.016_666_7) < 1e-7 })
        #expect(events[0].eventID != events[1].eventID)
    }

    @Test func tickerOpenInterestAndHourlyFunding() throws {
        let ticker = """
            {"timestamp":1760133599380,"instrument_name":"BTC-PERPETUAL","open_interest":1200000000.0,\
            "mark_price":60000.0,"index_price":60018.5,"current_funding":-0.00042,"funding_8h":-0.0001883}
            """
        let node = try JSONNode.parse(Array(ticker.utf8), origin: "ticker")
        let normaliser = try Self.normaliser()
        // 1,200,000,000 USD / 60,000 = 20,000 BTC (exact).
        let openInterest = try normaliser.openInterest(try #require(try DeribitOpenInterestDecoder.decode(node)))
        #expect(openInterest.openInterestBase == 20_000)
        #expect(openInterest.openInterestUSD == 1_200_000_000)
        // −0.00042 per 8 hours.
        let predicted = try normaliser.funding(try #require(try DeribitFundingDecoder.decodePredicted(node)))
        #expect(predicted.intervalHours == 8)
        #expect(predicted.rate == -0.00042)
    }
}
