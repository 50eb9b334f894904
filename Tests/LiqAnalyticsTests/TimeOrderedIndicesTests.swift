import LiqCore
import Testing

@testable import LiqAnalytics

@Suite struct TimeOrderedIndicesTests {
    @Test func sameOrderAsSortingTheEventsTiesIncluded() {
        // 3,000 events over 20 milliseconds, three venues, four symbols, ids from a small range: most times are
        // shared, and some (time, venue, symbol, id) are equal outright, so both the tie-break and the sort's stability
        // decide the order. The indices must give exactly the events `sorted(by:)` gives.
        var random = SplitMix64(seed: 17)
        let venues: [Venue] = [.okx, .binanceUSDM, .bybit]
        let events = (0..<3_000).map { serial in
            LiquidationEvent(
                venue: venues[Int.random(in: 0..<3, using: &random)],
                symbol: "S\(Int.random(in: 0..<4, using: &random))",
                baseAsset: "BTC", timestampMs: Int64.random(in: 0..<20, using: &random), side: .long, price: 1,
                priceKind: .fill, quantityBase: Double(serial), notionalUSD: Double(serial), completeness: .complete,
                eventID: EventID(value: UInt128(Int.random(in: 0..<50, using: &random))))
        }
        let expected = events.sorted(by: LiquidationTotals.canonicalOrder)
        let ordered = events.indicesByTime(tieBreak: LiquidationTotals.canonicalOrder).map { events[$0] }
        // Serial numbers (in quantityBase) tell equal-keyed events apart.
        #expect(ordered.map(\.quantityBase) == expected.map(\.quantityBase))
        #expect(Set(events.indicesByTime(tieBreak: { _, _ in false })).count == events.count)
    }
}
