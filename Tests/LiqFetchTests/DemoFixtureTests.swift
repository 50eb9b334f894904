import LiqCore
import LiqFetch
import Testing

/// The committed Bybit and Hyperliquid demo fixtures (written by `Fixtures/generators/{bybit,hyperliquid}.py`)
/// answer exactly the requests the adapters send and decode without error.
@Suite struct DemoFixtureTests {
    @Test func bybitFixturesAndCaptures() throws {
        let adapter = BybitAdapter(
            selection: VenueSelection(
                symbols: ["BTCUSDT", "ETHUSDT", "BTCUSD"],
                feeds: [.liquidations, .openInterest, .funding, .markPrice, .priceBars]))
        let run = try DemoFixtureRun(
            adapter, captures: ["stream-linear-2025-10-10T20.ndjson", "stream-inverse-2025-10-10T20.ndjson"])
        #expect(run.reference.instruments.map(\.symbol).sorted() == ["BTCUSD", "BTCUSDT", "ETHUSDT"])
        #expect(run.reference.markPrices.count == 3)
        // One ticker row per symbol gives a mark, a predicted rate and open interest.
        #expect(run.reference.records.count == 9)
        // Per symbol: 24 five-minute open-interest rows, 4 settlements, 120 one-minute bars.
        #expect(run.records(of: .openInterest).count == 3 * 24)
        #expect(run.records(of: .funding).count == 3 * 4)
        #expect(run.records(of: .priceBars).count == 3 * 120)
        let liquidations = run.captureRecords.compactMap { record -> VenueLiquidation? in
            if case .liquidation(let event) = record { return event }
            return nil
        }
        #expect(Set(liquidations.map(\.symbol)) == ["BTCUSD", "BTCUSDT", "ETHUSDT"])
        // The cascade liquidates mostly longs.
        #expect(liquidations.filter { $0.side == .long }.count > liquidations.count / 2)
        #expect(Set(run.captureRecords.map(\.feed)) == [.liquidations, .markPrice, .funding, .openInterest])
    }

    @Test func hyperliquidFixtures() throws {
        let end: Int64 = 1_760_133_600_000  // 2025-10-10T22:00Z, the fixtures' fetch time
        let adapter = HyperliquidAdapter(
            selection: VenueSelection(
                symbols: ["BTC", "ETH"], feeds: [.openInterest, .funding, .markPrice, .priceBars]),
            clock: { end })
        let run = try DemoFixtureRun(adapter)
        #expect(run.reference.instruments.map(\.symbol) == ["BTC", "ETH"])
        #expect(run.reference.records.count == 6)
        #expect(run.records(of: .funding).count == 2 * 500)
        #expect(run.records(of: .priceBars).count == 2 * 120)
    }
}
