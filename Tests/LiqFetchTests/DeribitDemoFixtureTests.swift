import LiqCore
import LiqFetch
import Testing

/// The generated `Fixtures/deribit/` answer every request the adapter plans for the demo selection, with the
/// history windows anchored to the fixtures' server time.
@Suite struct DeribitDemoFixtureTests {
    @Test func demoSelectionRunsOverTheFixtures() throws {
        let adapter = DeribitAdapter(
            selection: VenueSelection(
                symbols: ["BTC-PERPETUAL", "ETH-PERPETUAL"],
                feeds: [.liquidations, .openInterest, .funding, .markPrice, .priceBars]))
        let (reference, records) = try DemoFixtures.run(adapter)
        // 2025-10-10T22:00:00.400Z.
        #expect(reference.venueTimeMs == 1_760_133_600_400)
        for feed in Feed.allCases {
            for symbol in ["BTC-PERPETUAL", "ETH-PERPETUAL"] {
                #expect(records.contains { $0.feed == feed && $0.symbol == symbol }, "\(feed) \(symbol)")
            }
        }
        #expect(Set(records.map(\.symbol)) == ["BTC-PERPETUAL", "ETH-PERPETUAL"])
        // MT trades give a maker event of their own.
        #expect(
            records.contains {
                if case .liquidation(let event) = $0 { event.venueID?.hasSuffix("-M") == true } else { false }
            })
    }
}
