import LiqCore
import LiqFetch
import Testing

/// `/api/v5/public/mark-price` in OKX's shape, with our own values.
@Suite struct OKXMarkPriceDecoderTests {
    static let origin = "https://www.okx.com/api/v5/public/mark-price?instType=SWAP"

    @Test func rowsGiveMarksWithoutIndex() throws {
        let document = try Payload.node(
            #"{"code":"0","msg":"","data":[{"instType":"SWAP","instId":"BTC-USDT-SWAP","markPx":"110321.5","#
                + #""ts":"1760133599500"},{"instType":"SWAP","instId":"ETH-USDT-SWAP","markPx":"3876.51","#
                + #""ts":"1760133599500"}]}"#, origin: Self.origin)
        #expect(
            try OKXMarkPriceDecoder.decode(document) == [
                VenueMarkPrice(
                    venue: .okx, symbol: "BTC-USDT-SWAP", timestampMs: 1_760_133_599_500, markPrice: 110_321.5,
                    indexPrice: nil),
                VenueMarkPrice(
                    venue: .okx, symbol: "ETH-USDT-SWAP", timestampMs: 1_760_133_599_500, markPrice: 3876.51,
                    indexPrice: nil),
            ])
    }

    @Test func blankMarkIsAnError() throws {
        let document = try Payload.node(
            #"{"code":"0","msg":"","data":[{"instId":"BTC-USDT-SWAP","markPx":"","ts":"1760133599500"}]}"#,
            origin: Self.origin)
        let error = #expect(throws: JSONError.self) { try OKXMarkPriceDecoder.decode(document) }
        #expect(
            error?.description
                == Self.origin + #": data[0].markPx: expected a decimal number or decimal string, found string """#)
    }
}
