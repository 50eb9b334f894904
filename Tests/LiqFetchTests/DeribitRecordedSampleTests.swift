import LiqCore
import LiqFetch
import Testing

/// The real Deribit payloads in `../shared/feeds/` (skipped where absent), nautilus_trader fixtures: a testnet
/// `get_instrument` answer, a 2025 BTC-PERPETUAL ticker push, a trades push and a rate-limit error.
@Suite(.enabled(if: RecordedFeeds.directory != nil, "no recorded samples in ../shared/feeds"))
struct DeribitRecordedSampleTests {
    @Test func btcPerpetualIsTenDollarInverseContracts() throws {
        let answer = try RecordedFeeds.payloads("deribit_instrument_btc_perpetual_rest_nautilus.json")
        // `get_instrument` answers one row; `get_instruments` a list of the same rows.
        var members = try answer.members().map { JSONMember(key: $0.key, value: $0.node.value) }
        let index = try #require(members.firstIndex { $0.key == "result" })
        members[index].value = .array([members[index].value])
        let list = JSONNode(value: .object(members), origin: answer.origin)
        #expect(
            try DeribitInstrumentDecoder.decode(list, symbols: ["BTC-PERPETUAL"]) == [
                Instrument(
                    venue: .deribit, symbol: "BTC-PERPETUAL", baseAsset: "BTC", quoteAsset: "USD", settleAsset: "BTC",
                    kind: .perpetual, margining: .inverse, contractSize: ContractSize(value: 10, unit: .usd))
            ])
        // usOut 1,765,297,564,479,750 µs.
        #expect(try DeribitEnvelope.serverTimeMs(answer) == 1_765_297_564_479)
    }

    @Test func tickerPushGivesUSDOpenInterestFundingAndMark() throws {
        var decoder = DeribitStreamDecoder(symbols: ["BTC-PERPETUAL"], feeds: [.openInterest, .funding, .markPrice])
        let records = try decoder.decode(try RecordedFeeds.payloads("deribit_ticker_perp_ws_nautilus.json"))
        guard records.count == 3, case .openInterest(let openInterest) = records[0],
            case .funding(let funding) = records[1], case .markPrice(let mark) = records[2]
        else {
            Issue.record("expected open interest, funding and mark, got \(records)")
            return
        }
        // 1,132,329,370 USD / 92,281.78 mark = 12,270.346 BTC (by hand 12,270.34600; tolerance 1e-3 BTC).
        #expect(openInterest.valueUSD == 1_132_329_370)
        #expect(openInterest.quantityUnit == .base)
        #expect(abs(openInterest.quantity - 12_270.346) < 1e-3)
        #expect(openInterest.timestampMs == 1_765_541_474_086)
        // current_funding 0.0 (inside the dampener), not funding_8h 0.00001742 (the realised last 8 hours).
        #expect(
            funding
                == VenueFunding(
                    venue: .deribit, symbol: "BTC-PERPETUAL", timestampMs: 1_765_541_474_086, rate: 0, intervalHours: 8,
                    kind: .predicted))
        #expect(
            mark
                == VenueMarkPrice(
                    venue: .deribit, symbol: "BTC-PERPETUAL", timestampMs: 1_765_541_474_086, markPrice: 92281.78,
                    indexPrice: 92263.55))
    }

    @Test func tradesWithoutTheFlagAreNoLiquidations() throws {
        var decoder = DeribitStreamDecoder(symbols: ["BTC-PERPETUAL"], feeds: [.liquidations])
        let push = try RecordedFeeds.payloads("deribit_trades_ws_nautilus.json")
        #expect(try decoder.decode(push).isEmpty)
        // The same trades flagged by us: 750 USD of 10-dollar contracts (the push says 75 contracts), taker sold.
        let trades = try push.member("params").member("data").elements()
        var flagged = trades[1].value
        if case .object(var members) = flagged {
            members.append(JSONMember(key: "liquidation", value: .string("T")))
            flagged = .object(members)
        }
        let liquidations = try DeribitLiquidationDecoder.decode(trades: [JSONNode(value: flagged, origin: push.origin)])
        #expect(
            liquidations == [
                VenueLiquidation(
                    venue: .deribit, symbol: "BTC-PERPETUAL", timestampMs: 1_765_531_356_452, side: .long,
                    price: 92288.5, priceKind: .fill, quantity: 750, quantityUnit: .usd, completeness: .complete,
                    venueID: "403691825")
            ])
    }

    @Test func rateLimitError() throws {
        let message = try RecordedFeeds.payloads("deribit_error_ws_nautilus.json")
        var decoder = DeribitStreamDecoder(symbols: ["BTC-PERPETUAL"], feeds: [.liquidations])
        let error = #expect(throws: VenueAPIError.self) { try decoder.decode(message) }
        #expect(error?.code == "10028")
        #expect(error?.message == "too_many_requests")
        #expect(throws: VenueAPIError.self) { try DeribitEnvelope.result(message) }
    }
}
