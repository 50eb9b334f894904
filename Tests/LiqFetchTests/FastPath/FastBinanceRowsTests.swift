import LiqCore
import LiqFetch
import Testing

/// Targeted `openInterestHist` and `fundingRate` answers in Binance's exact shapes (venue-feeds.md §1.3, §1.4),
/// our values: the fast decoders equal the tree decoders exactly or fall back.
@Suite struct FastBinanceRowsTests {
    static let openInterest =
        #"[{"symbol":"BTCUSDT","sumOpenInterest":"88632.75000000","sumOpenInterestValue":"10755584212.50000000","#
        + #""CMCCirculatingSupply":"19935112.00000000","timestamp":1760126400000},{"symbol":"BTCUSDT","#
        + #""sumOpenInterest":"88765.69912500","sumOpenInterestValue":"10775382692.34737778","#
        + #""CMCCirculatingSupply":"19935112.00000000","timestamp":"1760126700000"}]"#

    static let funding =
        #"[{"symbol":"BTCUSDT","fundingTime":1760083200000,"fundingRate":"0.00010000","markPrice":"120743.25000000"},"#
        + #"{"symbol":"BTCUSDT","fundingTime":1760112000000,"fundingRate":"-0.03750000","markPrice":"120985.95"}]"#

    @Test func openInterestRowsAreBaseUnitsWithBinancesValuation() {
        // 88632.75 BTC valued by Binance at 10,755,584,212.50 USDT (≈ 121,349.6 per BTC).
        let rows = FastBinanceOpenInterest.decodeHistory(Array(Self.openInterest.utf8), venue: .binanceUSDM)
        #expect(rows?.map(\.quantity) == [88_632.75, 88_765.699125])
        #expect(rows?.map(\.valueUSD) == [10_755_584_212.5, 10_775_382_692.347_377_78])
        #expect(rows?.map(\.timestampMs) == [1_760_126_400_000, 1_760_126_700_000])
        #expect(rows?.map(\.quantityUnit) == [.base, .base])
        #expect(FastPathOracle.binanceOpenInterestHistory(.binanceUSDM).compare(Array(Self.openInterest.utf8)) == .same)
    }

    @Test func coinMarginedOpenInterestIsLeftToTheTreeDecoder() {
        #expect(FastBinanceOpenInterest.decodeHistory(Array(Self.openInterest.utf8), venue: .binanceCOINM) == nil)
        #expect(
            FastPathOracle.binanceOpenInterestHistory(.binanceCOINM).compare(Array(Self.openInterest.utf8)) == .fellBack
        )
        // USDⓈ-M needs the valuation: the tree decoder names the missing field.
        let withoutValue = Self.openInterest.replacing(#""sumOpenInterestValue":"10755584212.50000000","#, with: "")
        #expect(FastBinanceOpenInterest.decodeHistory(Array(withoutValue.utf8), venue: .binanceUSDM) == nil)
    }

    @Test func fundingRowsAreSettledRates() {
        let rows = FastBinanceFunding.decodeSettled(Array(Self.funding.utf8), venue: .binanceUSDM)
        #expect(rows?.map(\.rate) == [0.0001, -0.0375])
        #expect(rows?.map(\.kind) == [.settled, .settled])
        #expect(FastPathOracle.binanceFundingHistory(.binanceUSDM).compare(Array(Self.funding.utf8)) == .same)
    }

    @Test(arguments: ["[]", " [ ] "])
    func emptyAnswersAreNoRows(_ text: String) {
        #expect(FastPathOracle.binanceFundingHistory(.binanceUSDM).compare(Array(text.utf8)) == .same)
        #expect(FastPathOracle.binanceOpenInterestHistory(.binanceUSDM).compare(Array(text.utf8)) == .same)
        #expect(FastBinanceFunding.decodeSettled(Array(text.utf8), venue: .binanceUSDM)?.isEmpty == true)
    }

    @Test func negativeZeroRateKeepsItsSign() {
        let text = #"[{"symbol":"A","fundingTime":"1760083200","fundingRate":-0.0}]"#
        #expect(FastBinanceFunding.decodeSettled(Array(text.utf8), venue: .binanceUSDM)?.first?.rate.sign == .minus)
        #expect(FastPathOracle.binanceFundingHistory(.binanceUSDM).compare(Array(text.utf8)) == .same)
    }

    @Test(arguments: [
        #"{"code":-1130,"msg":"Data invalid."}"#, "[1]", "[{}]", "[null]", #"[{"symbol":"BTCUSDT"}]"#,
        #"[{"symbol":"BTC\"USDT","fundingTime":1,"fundingRate":"0"}]"#, "[", "",
    ])
    func unexpectedAnswersFallBack(_ text: String) {
        #expect(FastBinanceFunding.decodeSettled(Array(text.utf8), venue: .binanceUSDM) == nil)
        #expect(FastBinanceOpenInterest.decodeHistory(Array(text.utf8), venue: .binanceUSDM) == nil)
    }
}
