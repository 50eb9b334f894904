import LiqCore
import LiqFetch
import Testing

/// `/api/v5/public/open-interest` rows in OKX's shape, with our own values.
@Suite struct OKXOpenInterestDecoderTests {
    static let origin = "https://www.okx.com/api/v5/public/open-interest?instType=SWAP"

    @Test func baseQuantityFromOiCcyAndUSDFromOiUsd() throws {
        // `oi` is contracts (BTC-USDT-SWAP 0.01 BTC each, BTC-USD-SWAP 100 USD each); `oiCcy` is the coin amount.
        let document = try Payload.node(
            """
            {"code":"0","msg":"","data":[\
            {"instId":"BTC-USDT-SWAP","instType":"SWAP","oi":"2345678","oiCcy":"23456.78","oiUsd":"1407406800",\
            "ts":"1700000000000"},\
            {"instId":"BTC-USD-SWAP","instType":"SWAP","oi":"5000000","oiCcy":"8333.3333","oiUsd":"",\
            "ts":"1700000000001"},\
            {"instId":"ETH-USDT-SWAP","instType":"SWAP","oi":"100","oiCcy":"10","ts":"1700000000002"}]}
            """, origin: Self.origin)
        #expect(
            try OKXOpenInterestDecoder.decode(document) == [
                VenueOpenInterest(
                    venue: .okx, symbol: "BTC-USDT-SWAP", timestampMs: 1_700_000_000_000, quantity: 23456.78,
                    quantityUnit: .base, valueUSD: 1_407_406_800),
                VenueOpenInterest(
                    venue: .okx, symbol: "BTC-USD-SWAP", timestampMs: 1_700_000_000_001, quantity: 8333.3333,
                    quantityUnit: .base, valueUSD: nil),
                VenueOpenInterest(
                    venue: .okx, symbol: "ETH-USDT-SWAP", timestampMs: 1_700_000_000_002, quantity: 10,
                    quantityUnit: .base, valueUSD: nil),
            ])
    }

    @Test func missingOiCcyIsAnError() throws {
        let document = try Payload.node(
            #"{"code":"0","msg":"","data":[{"instId":"BTC-USDT-SWAP","instType":"SWAP","oi":"1","#
                + #""ts":"1700000000000"}]}"#,
            origin: Self.origin)
        let error = #expect(throws: JSONError.self) { try OKXOpenInterestDecoder.decode(document) }
        #expect(error?.description == Self.origin + ": data[0].oiCcy: expected a value, found nothing")
    }

    @Test func malformedOiUsdIsAnErrorNotANil() throws {
        let document = try Payload.node(
            #"{"code":"0","msg":"","data":[{"instId":"BTC-USDT-SWAP","oi":"1","oiCcy":"0.01","oiUsd":"n/a","#
                + #""ts":"1700000000000"}]}"#,
            origin: Self.origin)
        let error = #expect(throws: JSONError.self) { try OKXOpenInterestDecoder.decode(document) }
        #expect(
            error?.description
                == Self.origin + #": data[0].oiUsd: expected a decimal number or decimal string, found string "n/a""#)
    }
}
