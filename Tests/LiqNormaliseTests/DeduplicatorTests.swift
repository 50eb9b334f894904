import LiqCore
import LiqNormalise
import Testing

@Suite struct DeduplicatorTests {
    static func event(_ ms: Int64, side: PositionSide = .long) -> LiquidationEvent {
        LiquidationEvent(
            venue: .okx, symbol: "BTC-USDT-SWAP", baseAsset: "BTC", timestampMs: ms, side: side, price: 30_000,
            priceKind: .bankruptcy, quantityBase: 0.39, notionalUSD: 11_700, completeness: .complete,
            eventID: EventID(
                venue: .okx, symbol: "BTC-USDT-SWAP", timestampMs: ms, side: side, price: 30_000, quantity: 39,
                venueID: nil))
    }

    @Test func dropsRepeatsWithinABatchAndKeepsOrder() {
        let a = Self.event(3)
        let b = Self.event(1)
        let c = Self.event(2)
        var deduplicator = Deduplicator()
        #expect(deduplicator.admit([a, b, a, c, b]) == [a, b, c])
        #expect(deduplicator.seenCount == 3)
    }

    @Test func dropsEventsSeenInEarlierBatches() {
        let a = Self.event(1)
        let b = Self.event(2)
        let c = Self.event(3)
        let d = Self.event(3, side: .short)
        var deduplicator = Deduplicator()
        #expect(deduplicator.admit([a, b]) == [a, b])
        // An overlapping poll window: b again, then new c and d (same time as c, other side: another fact).
        #expect(deduplicator.admit([d, b, c]) == [d, c])
        #expect(deduplicator.admit([a, b, c, d]).isEmpty)
        #expect(deduplicator.seenCount == 4)
    }

    @Test func emptyBatch() {
        var deduplicator = Deduplicator()
        #expect(deduplicator.admit([]).isEmpty)
        #expect(deduplicator.seenCount == 0)
    }
}
