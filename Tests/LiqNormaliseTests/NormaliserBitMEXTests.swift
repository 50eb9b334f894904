import LiqCore
import LiqFetch
import LiqNormalise
import Testing

/// BitMEX payloads (our values, the venue's shapes) through the decoders and the normaliser, with the contract
/// sizes the instrument decoder derived: every expected number is worked by hand in the comment next to it.
@Suite struct NormaliserBitMEXTests {
    static let terms = """
        [{"symbol":"XBTUSD","typ":"FFWCSX","underlying":"XBT","quoteCurrency":"USD","settlCurrency":"XBt",\
        "multiplier":-100000000,"underlyingToSettleMultiplier":-100000000,"quoteToSettleMultiplier":null,\
        "isQuanto":false,"isInverse":true,"fundingInterval":"2000-01-01T08:00:00.000Z","fundingRate":0.0001,\
        "openInterest":300000000,"openValue":500000000000,"markPrice":60000,"timestamp":"2025-10-10T22:00:00.000Z"},\
        {"symbol":"ETHUSDT","typ":"FFWCSX","underlying":"ETH","quoteCurrency":"USDT","settlCurrency":"USDt",\
        "multiplier":10,"underlyingToSettleMultiplier":null,"quoteToSettleMultiplier":1000000,"isQuanto":false,\
        "isInverse":false,"fundingInterval":"2000-01-01T08:00:00.000Z","fundingRate":0.0001,\
        "openInterest":1000000000,"openValue":25000000000000,"markPrice":2500,"timestamp":"2025-10-10T22:00:00.000Z"}]
        """

    static func rows() throws -> [JSONNode] {
        try JSONNode.parse(Array(terms.utf8), origin: "instrument/active").elements()
    }

    static func normaliser() throws -> Normaliser {
        let instruments = try BitMEXInstrumentDecoder.decode(
            try JSONNode.parse(Array(terms.utf8), origin: "instrument/active"), symbols: ["XBTUSD", "ETHUSDT"])
        return Normaliser(registry: InstrumentRegistry(instruments))
    }

    static func liquidation(_ row: String) throws -> VenueLiquidation {
        try BitMEXLiquidationDecoder.decode(try JSONNode.parse(Array(row.utf8), origin: "capture"), timestampMs: 1)
    }

    @Test func xbtusdOrderOfOneDollarContracts() throws {
        // The reference's example: Buy 9,214 contracts at 10,106 closes a short; 9,214 × 1 USD = 9,214 USD;
        // 9,214 / 10,106 = 0.91173560261231 BTC (tolerance 1e-12).
        let event = try Self.normaliser().liquidation(
            try Self.liquidation(
                #"{"orderID":"dd9cea25","symbol":"XBTUSD","side":"Buy","price":10106,"leavesQty":9214}"#))
        #expect(event.side == .short)
        #expect(event.notionalUSD == 9214)
        #expect(abs(event.quantityBase - 0.911_735_602_612_31) < 1e-12)
        #expect(event.priceKind == .order)
        #expect(event.baseAsset == "BTC")
    }

    @Test func ethusdtOrderOfLinearContracts() throws {
        // Sell 250,000 contracts × 0.00001 ETH = 2.5 ETH, a long; × 4,000 = 10,000 USD (tolerance 1e-9).
        let event = try Self.normaliser().liquidation(
            try Self.liquidation(
                #"{"orderID":"e1","symbol":"ETHUSDT","side":"Sell","price":4000,"leavesQty":250000}"#))
        #expect(event.side == .long)
        #expect(abs(event.quantityBase - 2.5) < 1e-9)
        #expect(abs(event.notionalUSD - 10_000) < 1e-9)
    }

    @Test func openInterestOfBothMarginings() throws {
        let normaliser = try Self.normaliser()
        let rows = try Self.rows()
        // XBTUSD: 500,000,000,000 XBt / 1e8 = 5,000 BTC, × 60,000 = 300,000,000 USD (exact).
        let inverse = try normaliser.openInterest(try #require(try BitMEXOpenInterestDecoder.decode(rows[0])))
        #expect(inverse.openInterestBase == 5000)
        #expect(inverse.openInterestUSD == 300_000_000)
        // ETHUSDT: 1,000,000,000 contracts × 0.00001 = 10,000 ETH; 25,000,000,000,000 USDt / 1e6 = 25,000,000 USD
        // (tolerance 1e-6 ETH).
        let linear = try normaliser.openInterest(try #require(try BitMEXOpenInterestDecoder.decode(rows[1])))
        #expect(abs(linear.openInterestBase - 10_000) < 1e-6)
        #expect(linear.openInterestUSD == 25_000_000)
    }

    @Test func bucketVolumeInDollarContractsToBitcoin() throws {
        // 1,250,300 USD at the typical price (60,110.5 + 59,890 + 60,050) / 3 = 60,016.8333… → 20.8324887 BTC
        // (tolerance 1e-6 BTC); the bar starts one minute before its 20:01 close stamp.
        let bars = try BitMEXPriceBarDecoder.decode(
            try JSONNode.parse(
                Array(
                    (#"[{"timestamp":"2025-10-10T20:01:00.000Z","symbol":"XBTUSD","open":60000,"high":60110.5,"#
                        + #""low":59890,"close":60050,"volume":1250300}]"#).utf8), origin: "buckets"),
            intervalMs: 60_000)
        let bar = try Self.normaliser().priceBar(try #require(bars.first))
        #expect(abs(bar.volumeBase - 20.832_488_7) < 1e-6)
        #expect(bar.bucketStartMs == 1_760_126_400_000)
    }
}
