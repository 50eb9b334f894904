import LiqCore
import LiqFetch
import Testing

/// The real BitMEX payloads in `../shared/feeds/` (skipped where absent): a 2021 `/api/v1/instrument/active`
/// capture (cryptofeed), a 2026 `instrument` delta and an error envelope (nautilus_trader fixtures).
@Suite(.enabled(if: RecordedFeeds.directory != nil, "no recorded samples in ../shared/feeds"))
struct BitMEXRecordedSampleTests {
    static func activeList() throws -> JSONNode {
        try RecordedFeeds.payloads("bitmex_instrument_active_rest_cryptofeed.json").member("data")
    }

    static func xbtusd() throws -> JSONNode { try activeList().element(0) }

    @Test func xbtusdIsOneDollarInverseContracts() throws {
        // multiplier −100,000,000 / underlyingToSettleMultiplier −100,000,000 = 1 USD per contract.
        #expect(
            try BitMEXInstrumentDecoder.decode(try Self.activeList(), symbols: ["XBTUSD"]) == [
                Instrument(
                    venue: .bitmex, symbol: "XBTUSD", baseAsset: "BTC", quoteAsset: "USD", settleAsset: "BTC",
                    kind: .perpetual, margining: .inverse, contractSize: ContractSize(value: 1, unit: .usd))
            ])
        // ETHUSD is a quanto: left out of the list, refused when selected.
        #expect(try BitMEXInstrumentDecoder.listed(try Self.activeList()).map(\.symbol) == ["XBTUSD"])
        let error = #expect(throws: JSONError.self) {
            try BitMEXInstrumentDecoder.decode(try Self.activeList(), symbols: ["ETHUSD"])
        }
        #expect(error?.location == .path(try Self.activeList().element(1).member("isQuanto").path))
    }

    @Test func xbtusdOpenValueInSatoshisToUSD() throws {
        let sample = try #require(try BitMEXOpenInterestDecoder.decode(try Self.xbtusd()))
        // openValue 1,784,268,825,430 XBt / 100,000,000 = 17,842.6882543 BTC (tolerance 1e-9 BTC).
        #expect(sample.quantityUnit == .base)
        #expect(abs(sample.quantity - 17_842.688_254_3) < 1e-9)
        // × mark 32,184.89 = 574,264,958.77 USD (by hand: 17,842.6882543 × 32,184.89; tolerance 0.01 USD) ...
        let usd = try #require(sample.valueUSD)
        #expect(abs(usd - 574_264_958.77) < 0.01)
        // ... within 1 ppm of the 574,264,600 one-dollar contracts open (openValue was struck at a mark a moment
        // apart: 358.77 USD, 0.62 ppm).
        #expect(abs(usd - 574_264_600) / 574_264_600 < 1e-6)
        // 2021-07-22T22:36:05.000Z.
        #expect(sample.timestampMs == 1_626_993_365_000)
    }

    @Test func xbtusdFundingAndMark() throws {
        #expect(
            try BitMEXFundingDecoder.decodePredicted(try Self.xbtusd())
                == VenueFunding(
                    venue: .bitmex, symbol: "XBTUSD", timestampMs: 1_626_993_365_000, rate: 0.0001, intervalHours: 8,
                    kind: .predicted))
        #expect(
            try BitMEXMarkPriceDecoder.decode(try Self.xbtusd())
                == VenueMarkPrice(
                    venue: .bitmex, symbol: "XBTUSD", timestampMs: 1_626_993_365_000, markPrice: 32184.89,
                    indexPrice: 32182.72))
    }

    /// The delta `{symbol, openValue, fairPrice, markPrice, timestamp}` as the `instrument` table sends it.
    static func markUpdate() throws -> JSONNode {
        let row = try RecordedFeeds.payloads("bitmex_instrument_mark_update_ws_nautilus.json")
        return JSONNode(
            value: .object([
                JSONMember(key: "table", value: .string("instrument")),
                JSONMember(key: "action", value: .string("update")),
                JSONMember(key: "data", value: .array([row.value])),
            ]), origin: row.origin)
    }

    @Test func markDeltaWithoutASnapshotGivesTheMarkOnly() throws {
        var decoder = BitMEXStreamDecoder(symbols: ["DOTUSDT"], feeds: [.markPrice, .openInterest, .funding])
        // 2026-05-27T12:56:40.500Z.
        #expect(
            try decoder.decode(try Self.markUpdate()) == [
                .markPrice(
                    VenueMarkPrice(
                        venue: .bitmex, symbol: "DOTUSDT", timestampMs: 1_779_886_600_500, markPrice: 1.2669,
                        indexPrice: nil))
            ])
    }

    @Test func markDeltaAfterOurSnapshotValuesTheOpenInterest() throws {
        // Our snapshot: linear DOTUSDT, 1,000 / 1,000,000 = 0.001 DOT per contract, 425,000,000 contracts open.
        let snapshot = """
            {"table":"instrument","action":"partial","data":[{"symbol":"DOTUSDT","typ":"FFWCSX","underlying":"DOT",\
            "quoteCurrency":"USDT","settlCurrency":"USDt","multiplier":1000,"underlyingToSettleMultiplier":null,\
            "quoteToSettleMultiplier":1000000,"isQuanto":false,"isInverse":false,"openInterest":425000000,\
            "openValue":540000000000,"markPrice":1.2705882352941176,"timestamp":"2026-05-27T12:56:35.000Z"}]}
            """
        var decoder = BitMEXStreamDecoder(symbols: ["DOTUSDT"], feeds: [.openInterest])
        _ = try decoder.decode(try Payload.node(snapshot, origin: "snapshot"))
        // The real delta: openValue 538,432,500,000 USDt / 1,000,000 = 538,432.5 USDT, which is our 425,000 DOT
        // × the delta's mark 1.2669 exactly (425,000 × 1.2669 = 538,432.5).
        #expect(
            try decoder.decode(try Self.markUpdate()) == [
                .openInterest(
                    VenueOpenInterest(
                        venue: .bitmex, symbol: "DOTUSDT", timestampMs: 1_779_886_600_500, quantity: 425_000_000,
                        quantityUnit: .contracts, valueUSD: 538_432.5))
            ])
    }

    @Test func errorEnvelope() throws {
        let body = try RecordedFeeds.payloads("bitmex_error_rest_nautilus.json")
        let error = #expect(throws: VenueAPIError.self) { try BitMEXEnvelope.rows(body) }
        #expect(error?.code == "HTTPError")
        #expect(error?.message == "Invalid API Key.")
        #expect(error?.venue == .bitmex)
    }
}
