import LiqCore
import LiqFetch
import Testing

/// The mark price of instrument rows in BitMEX's shape, with our own values.
@Suite struct BitMEXMarkPriceDecoderTests {
    static let origin = BitMEXPayloads.activeOrigin

    static func row(_ symbol: String, _ overrides: [String: String?] = [:]) throws -> JSONNode {
        try BitMEXPayloads.node(symbol, overrides)
    }

    @Test func markPriceWithTheSpotIndex() throws {
        #expect(
            try BitMEXMarkPriceDecoder.decode(try Self.row("XBTUSD"))
                == VenueMarkPrice(
                    venue: .bitmex, symbol: "XBTUSD", timestampMs: 1_760_133_599_000, markPrice: 60000,
                    indexPrice: 60000.5))
        #expect(try BitMEXMarkPriceDecoder.decode(try Self.row("XBTUSD", ["markPrice": nil])) == nil)
    }
}
