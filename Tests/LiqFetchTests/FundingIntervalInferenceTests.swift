import Testing

@testable import LiqFetch

@Suite struct FundingIntervalInferenceTests {
    static let hour: Int64 = 3_600_000
    static let t0: Int64 = 1_760_083_200_000

    @Test func eachSettlementTakesTheGapSinceThePreviousOne() {
        // Settlements at 0, 8, 16, 20, 21 h: the periods paid were ?, 8, 8, 4, 1 h; the oldest takes the 8 h after
        // it. Any order in, the same order out.
        let times = [20, 0, 21, 8, 16].map { Self.t0 + $0 * Self.hour }
        #expect(FundingIntervalInference.intervalHours(settlementTimesMs: times) == [4, 8, 1, 8, 8])
    }

    @Test func millisecondJitterIsRoundedAway() {
        // Hyperliquid's recorded 2023 times: 1683849600048 → 1683878400388 is 28,800,340 ms ≈ 8.0001 h → 8.
        #expect(
            FundingIntervalInference.intervalHours(settlementTimesMs: [1_683_849_600_048, 1_683_878_400_388])
                == [8, 8])
    }

    @Test func oneRowOrRepeatsGiveNoInterval() {
        #expect(FundingIntervalInference.intervalHours(settlementTimesMs: [Self.t0]) == [nil])
        #expect(FundingIntervalInference.intervalHours(settlementTimesMs: [Self.t0, Self.t0]) == [nil, nil])
        #expect(FundingIntervalInference.intervalHours(settlementTimesMs: []) == [])
        // Ten minutes apart rounds to 0 h: no interval rather than a zero one.
        #expect(
            FundingIntervalInference.intervalHours(settlementTimesMs: [Self.t0, Self.t0 + 600_000]) == [nil, nil])
    }
}
