import LiqCore
import LiqFetch
import Testing

/// Ticker mark and index prices in Deribit's shape, with our own values.
@Suite struct DeribitMarkPriceDecoderTests {
    @Test func markAndIndex() throws {
        #expect(
            try DeribitMarkPriceDecoder.decode(try Payload.node(DeribitPayloads.ticker(), origin: "ticker"))
                == VenueMarkPrice(
                    venue: .deribit, symbol: "BTC-PERPETUAL", timestampMs: 1_760_133_599_380, markPrice: 60000,
                    indexPrice: 60018.5))
    }

    @Test func tickerWithoutAMarkIsAnError() throws {
        let ticker = DeribitPayloads.ticker().replacingOccurrences(of: #""mark_price":60000.0,"#, with: "")
        let error = #expect(throws: JSONError.self) {
            try DeribitMarkPriceDecoder.decode(try Payload.node(ticker, origin: "ticker"))
        }
        #expect(error?.description == "ticker: mark_price: expected a value, found nothing")
    }
}
