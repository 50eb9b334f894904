import LiqCore
import LiqFetch
import Testing

/// Open interest from instrument rows in BitMEX's shape, with our own values.
@Suite struct BitMEXOpenInterestDecoderTests {
    static let origin = BitMEXPayloads.activeOrigin

    static func row(_ symbol: String, _ overrides: [String: String?] = [:]) throws -> JSONNode {
        try BitMEXPayloads.node(symbol, overrides)
    }

    @Test func inverseOpenValueInSatoshisIsTheBaseQuantity() throws {
        // 500,000,000,000 XBt / |−100,000,000| = 5,000 BTC; × 60,000 mark = 300,000,000 USD, which is also the
        // 300,000,000 one-dollar contracts (tolerance 1e-6 USD).
        let sample = try #require(try BitMEXOpenInterestDecoder.decode(try Self.row("XBTUSD")))
        #expect(sample.quantity == 5000)
        #expect(sample.quantityUnit == .base)
        #expect(abs(try #require(sample.valueUSD) - 300_000_000) < 1e-6)
        #expect(sample.timestampMs == 1_760_133_599_000)
        #expect(sample.symbol == "XBTUSD")
    }

    @Test func linearOpenValueInMicroTetherIsTheUSDValue() throws {
        // 25,000,000,000,000 USDt / 1,000,000 = 25,000,000 USDT; the 1,000,000,000 contracts stay contracts
        // (× 0.00001 ETH = 10,000 ETH, × 2,500 = 25,000,000: consistent).
        #expect(
            try BitMEXOpenInterestDecoder.decode(try Self.row("ETHUSDT"))
                == VenueOpenInterest(
                    venue: .bitmex, symbol: "ETHUSDT", timestampMs: 1_760_133_599_000, quantity: 1_000_000_000,
                    quantityUnit: .contracts, valueUSD: 25_000_000))
    }

    @Test func rowWithoutOpenInterestFieldsYieldsNothing() throws {
        #expect(
            try BitMEXOpenInterestDecoder.decode(try Self.row("XBTUSD", ["openInterest": nil, "openValue": nil])) == nil
        )
    }

    @Test func quantoOpenInterestIsRefused() throws {
        let error = #expect(throws: JSONError.self) { try BitMEXOpenInterestDecoder.decode(try Self.row("ETHUSD")) }
        #expect(error?.location == .path(try Self.row("ETHUSD").member("isQuanto").path))
    }

    @Test func inverseWithoutAMarkIsAnError() throws {
        let error = #expect(throws: JSONError.self) {
            try BitMEXOpenInterestDecoder.decode(try Self.row("XBTUSD", ["markPrice": "0"]))
        }
        #expect(
            error?.description
                == Self.origin
                + ": [0].markPrice: expected a positive mark price to value open interest, found number 0")
    }
}
