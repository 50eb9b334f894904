import LiqCore
import LiqFetch
import Testing

/// Open interest of tickers in Deribit's shape, with our own values.
@Suite struct DeribitOpenInterestDecoderTests {
    static let origin = "https://www.deribit.com/api/v2/public/ticker?instrument_name=BTC-PERPETUAL"

    @Test func usdOpenInterestIsSizedAtTheTickersOwnMark() throws {
        // 1,200,000,000 USD / 60,000 mark = 20,000 BTC (exact in binary).
        #expect(
            try DeribitOpenInterestDecoder.decode(try Payload.node(DeribitPayloads.ticker(), origin: Self.origin))
                == VenueOpenInterest(
                    venue: .deribit, symbol: "BTC-PERPETUAL", timestampMs: 1_760_133_599_380, quantity: 20_000,
                    quantityUnit: .base, valueUSD: 1_200_000_000))
    }

    @Test func tickerWithoutOpenInterestYieldsNothing() throws {
        let ticker = DeribitPayloads.ticker().replacingOccurrences(of: #""open_interest":1200000000.0,"#, with: "")
        #expect(try DeribitOpenInterestDecoder.decode(try Payload.node(ticker, origin: Self.origin)) == nil)
    }

    @Test func zeroMarkIsAnError() throws {
        let error = #expect(throws: JSONError.self) {
            try DeribitOpenInterestDecoder.decode(
                try Payload.node(DeribitPayloads.ticker(mark: "0"), origin: Self.origin))
        }
        #expect(
            error?.description == Self.origin
                + ": mark_price: expected a positive mark price to size open interest, found number 0")
    }
}
