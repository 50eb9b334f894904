import LiqCore
import LiqFetch
import Testing

/// `candles` / `history-candles` in OKX's shape (`[ts,o,h,l,c,vol,volCcy,volCcyQuote,confirm]`, newest first),
/// with our own values.
@Suite struct OKXCandleDecoderTests {
    static let origin = "https://www.okx.com/api/v5/market/candles?instId=BTC-USD-SWAP&bar=1m&limit=300"

    static func envelope(_ rows: String...) -> String {
        #"{"code":"0","msg":"","data":["# + rows.joined(separator: ",") + "]}"
    }

    @Test func volumeIsTheBaseColumnAndTheFormingBarIsSkipped() throws {
        // Inverse BTC-USD-SWAP: vol 31,002 contracts of 100 USD = 3,100,200 USD (volCcyQuote); volCcy 27.5 BTC is
        // that at ~112,733, the base volume kept. The newest bar (confirm "0") is still forming.
        let document = try Payload.node(
            Self.envelope(
                #"["1760133600000","112700.1","112710","112690","112705.5","12","0.01064","1200","0"]"#,
                #"["1760133540000","112650.0","112790.4","112600.2","112700.1","31002","27.50040001","3100200","1"]"#),
            origin: Self.origin)
        #expect(
            try OKXCandleDecoder.decode(document, symbol: "BTC-USD-SWAP", intervalMs: 60_000) == [
                VenuePriceBar(
                    venue: .okx, symbol: "BTC-USD-SWAP", bucketStartMs: 1_760_133_540_000, intervalMs: 60_000,
                    open: 112_650, high: 112_790.4, low: 112_600.2, close: 112_700.1, volume: 27.50040001,
                    volumeUnit: .base, takerBuyVolume: nil)
            ])
    }

    @Test func unknownConfirmStateIsAnError() throws {
        let document = try Payload.node(
            Self.envelope(#"["1760133540000","1","2","0.5","1.5","10","0.1","15","2"]"#), origin: Self.origin)
        let error = #expect(throws: JSONError.self) {
            try OKXCandleDecoder.decode(document, symbol: "BTC-USD-SWAP", intervalMs: 60_000)
        }
        #expect(
            error?.description == Self.origin
                + #": data[0][8]: expected "0" (forming) or "1" (complete), found string "2""#)
    }

    @Test func rowWithoutConfirmIsAnError() throws {
        let document = try Payload.node(
            Self.envelope(#"["1760133540000","1","2","0.5","1.5","10","0.1","15"]"#), origin: Self.origin)
        let error = #expect(throws: JSONError.self) {
            try OKXCandleDecoder.decode(document, symbol: "BTC-USD-SWAP", intervalMs: 60_000)
        }
        #expect(
            error?.description == Self.origin
                + ": data[0]: expected an array with an element at index 8, found array of 8")
    }

    @Test func venueErrorIsAVenueAPIError() throws {
        let document = try Payload.node(
            #"{"code":"51001","msg":"Instrument ID doesn't exist.","data":[]}"#, origin: Self.origin)
        let error = #expect(throws: VenueAPIError.self) {
            try OKXCandleDecoder.decode(document, symbol: "BTC-USD-SWAP", intervalMs: 60_000)
        }
        #expect(error?.description == Self.origin + ": okx error 51001: Instrument ID doesn't exist.")
    }
}
