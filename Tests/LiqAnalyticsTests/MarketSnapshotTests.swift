import LiqAnalytics
import LiqCore
import Testing

@Suite struct MarketSnapshotTests {
    static func oi(_ symbol: String, _ time: Int64, usd: Double) -> OpenInterestSample {
        OpenInterestSample(
            venue: .okx, symbol: symbol, baseAsset: "BTC", timestampMs: time, openInterestBase: usd / 50_000,
            openInterestUSD: usd)
    }

    static func funding(_ symbol: String, _ time: Int64, rate: Double, kind: FundingKind) -> FundingSample {
        FundingSample(
            venue: .okx, symbol: symbol, baseAsset: "BTC", timestampMs: time, rate: rate, intervalHours: 8, kind: kind)
    }

    @Test func weightsFundingByLatestOpenInterest() throws {
        let snapshot = MarketSnapshot(
            openInterest: [Self.oi("A", 1, usd: 50e6), Self.oi("A", 2, usd: 100e6), Self.oi("B", 2, usd: 300e6)],
            funding: [
                Self.funding("A", 5, rate: 0.0001, kind: .predicted),
                Self.funding("B", 9, rate: 0.0005, kind: .settled),
                Self.funding("B", 6, rate: 0.0002, kind: .predicted),
            ])
        let btc = try #require(snapshot.assets.first)
        // Latest OI: A 100M (not the earlier 50M), B 300M → 400M.
        #expect(btc.openInterestUSD == 400e6)
        // B's predicted rate wins over its later settled one. Annualised: A 0.0001 × 1095 = 0.1095, B 0.0002 × 1095
        // = 0.219; weighted (0.1095 × 100 + 0.219 × 300) / 400 = 0.191625.
        #expect(btc.funding.map(\.rate) == [0.0001, 0.0002])
        let weighted = try #require(btc.openInterestWeightedAnnualizedFunding)
        #expect(abs(weighted - 0.191625) < 1e-12)
    }

    @Test func noWeightWithoutOpenInterest() {
        let snapshot = MarketSnapshot(openInterest: [], funding: [Self.funding("A", 1, rate: 0.0001, kind: .settled)])
        #expect(snapshot.assets.first?.openInterestWeightedAnnualizedFunding == nil)
    }
}
