import LiqCore
import LiqFetch
import Testing

/// Ticker funding and `public/get_funding_rate_history` rows in Deribit's shape, with our own values.
@Suite struct DeribitFundingDecoderTests {
    static let historyOrigin =
        "https://www.deribit.com/api/v2/public/get_funding_rate_history?instrument_name=BTC-PERPETUAL"
        + "&start_timestamp=1759528800401&end_timestamp=1760133600400"

    @Test func currentFundingIsThePredictedEightHourRate() throws {
        #expect(
            try DeribitFundingDecoder.decodePredicted(try Payload.node(DeribitPayloads.ticker(), origin: "ticker"))
                == VenueFunding(
                    venue: .deribit, symbol: "BTC-PERPETUAL", timestampMs: 1_760_133_599_380, rate: -0.00042,
                    intervalHours: 8, kind: .predicted))
    }

    @Test func datedFutureTickerHasNoFunding() throws {
        let ticker = DeribitPayloads.ticker("BTC-26DEC25", funding: false)
        #expect(try DeribitFundingDecoder.decodePredicted(try Payload.node(ticker, origin: "ticker")) == nil)
    }

    @Test func historyRowsAreSettledHourlyRatesOfTheRequestedInstrument() throws {
        // interest_1h is the hour's own funding; interest_8h (a rolling sum) is not used.
        let document = try Payload.node(
            DeribitPayloads.envelope(
                """
                [{"timestamp":1760130000000,"index_price":60100.2,"prev_index_price":60110.4,\
                "interest_8h":0.0000712,"interest_1h":0.0000031},\
                {"timestamp":1760133600000,"index_price":59990.1,"prev_index_price":60100.2,\
                "interest_8h":0.0000161,"interest_1h":-0.000052}]
                """), origin: Self.historyOrigin)
        #expect(
            try DeribitFundingDecoder.decodeSettled(document, symbol: "BTC-PERPETUAL") == [
                VenueFunding(
                    venue: .deribit, symbol: "BTC-PERPETUAL", timestampMs: 1_760_130_000_000, rate: 0.0000031,
                    intervalHours: 1, kind: .settled),
                VenueFunding(
                    venue: .deribit, symbol: "BTC-PERPETUAL", timestampMs: 1_760_133_600_000, rate: -0.000052,
                    intervalHours: 1, kind: .settled),
            ])
    }

    @Test func historyRowWithoutTheHourlyRateIsAnError() throws {
        let document = try Payload.node(
            DeribitPayloads.envelope(#"[{"timestamp":1760133600000,"interest_8h":0.0000161}]"#),
            origin: Self.historyOrigin)
        let error = #expect(throws: JSONError.self) {
            try DeribitFundingDecoder.decodeSettled(document, symbol: "BTC-PERPETUAL")
        }
        #expect(error?.description == Self.historyOrigin + ": result[0].interest_1h: expected a value, found nothing")
    }
}
