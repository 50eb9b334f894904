import LiqCore
import LiqFetch
import Testing

/// The generated `Fixtures/bitmex/` answer every request the adapter plans for the demo selection, and its
/// capture decodes from start to end.
@Suite struct BitMEXDemoFixtureTests {
    @Test func demoSelectionRunsOverTheFixtures() throws {
        let adapter = BitMEXAdapter(
            selection: VenueSelection(
                symbols: ["XBTUSD", "ETHUSDT"], feeds: [.liquidations, .openInterest, .funding, .markPrice, .priceBars])
        )
        let (reference, records) = try DemoFixtures.run(
            adapter, captures: ["realtime-liquidation-instrument-2025-10-10T20.ndjson"])
        #expect(
            reference.instruments.map(\.contractSize) == [
                ContractSize(value: 1, unit: .usd), ContractSize(value: 0.00001, unit: .base),
            ])
        for feed in Feed.allCases {
            for symbol in ["XBTUSD", "ETHUSDT"] {
                #expect(records.contains { $0.feed == feed && $0.symbol == symbol }, "\(feed) \(symbol)")
            }
        }
        // Only the selected symbols, and every liquidation inside the demo window 20:00–22:00 UTC.
        #expect(Set(records.map(\.symbol)) == ["XBTUSD", "ETHUSDT"])
        for case .liquidation(let event) in records {
            #expect((1_760_126_400_000..<1_760_133_600_000).contains(event.timestampMs))
        }
    }
}
