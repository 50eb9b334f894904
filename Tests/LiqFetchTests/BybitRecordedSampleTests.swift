import LiqCore
import LiqFetch
import Testing

/// The recorded Bybit samples in `../shared/feeds/` (doc examples and nautilus fixtures; see their provenance),
/// skipped where the directory is absent.
@Suite(.enabled(if: RecordedFeeds.directory != nil, "no recorded samples in ../shared/feeds"))
struct BybitRecordedSampleTests {
    /// The official doc examples: open interest, funding history and an allLiquidation push.
    static func docExample(endingWith suffix: String) throws -> JSONNode {
        let payloads = try RecordedFeeds.payloads("bybit_v5_docexamples_openinterest_funding_allLiquidation.json")
        for payload in try payloads.elements() where try payload.member("doc_path").string().hasSuffix(suffix) {
            return try payload.member("body")
        }
        throw payloads.error(expected: "a payload from …\(suffix)")
    }

    @Test func allLiquidationFromNautilus() throws {
        var decoder = BybitStreamDecoder(symbols: ["BTCUSDT"], tickerFeeds: [])
        let records = try decoder.decode(try RecordedFeeds.payloads("bybit_allLiquidation_ws_fixture_nautilus.json"))
        // S=Buy: a long was liquidated; p is the bankruptcy price; v is BTC for a linear symbol.
        #expect(
            records == [
                .liquidation(
                    VenueLiquidation(
                        venue: .bybit, symbol: "BTCUSDT", timestampMs: 1_739_502_302_929, side: .long, price: 96_250.5,
                        priceKind: .bankruptcy, quantity: 0.015, quantityUnit: .contracts, completeness: .complete)),
                .liquidation(
                    VenueLiquidation(
                        venue: .bybit, symbol: "BTCUSDT", timestampMs: 1_739_502_303_011, side: .short, price: 97_410,
                        priceKind: .bankruptcy, quantity: 1.25, quantityUnit: .contracts, completeness: .complete)),
            ])
    }

    @Test func allLiquidationDocExample() throws {
        let events = try BybitLiquidationDecoder.decode(try Self.docExample(endingWith: "all-liquidation.mdx"))
        #expect(
            events == [
                VenueLiquidation(
                    venue: .bybit, symbol: "ROSEUSDT", timestampMs: 1_739_502_302_929, side: .short, price: 0.04499,
                    priceKind: .bankruptcy, quantity: 20_000, quantityUnit: .contracts, completeness: .complete)
            ])
    }

    @Test func openInterestDocExampleUsesTheSingleSideAndItsCursor() throws {
        let body = try Self.docExample(endingWith: "open-interest.mdx")
        let records = try BybitOpenInterestDecoder.decode(body)
        // singleOpenInterest (one side), not the two-sided 63,910,691 / 63,942,311 USD.
        #expect(records.map(\.quantity) == [31_955_346, 31_955_346, 31_955_346, 31_971_156, 31_971_156])
        #expect(records.first?.timestampMs == 1_780_963_200_000)
        #expect(records.allSatisfy { $0.symbol == "BTCUSD" && $0.quantityUnit == .contracts })
        // A full page of 5 continues with the cursor exactly as Bybit sent it.
        let adapter = BybitAdapter(selection: VenueSelection(symbols: ["BTCUSD"], feeds: [.openInterest]))
        let request = BybitEndpoints.openInterest(category: .inverse, symbol: "BTCUSD", intervalTime: "1d", limit: 5)
        let next = try #require(try adapter.nextPage(after: request, document: body, records: []))
        #expect(
            next.url(baseURL: BybitEndpoints.defaultBaseURL).hasSuffix(
                "&limit=5&cursor=lastid%3D19408935%26lasttime%3D1780617600"))
    }

    @Test func fundingHistoryDocExampleOfOneRow() throws {
        let samples = try BybitFundingDecoder.decodeSettled(try Self.docExample(endingWith: "history-fund-rate.mdx"))
        #expect(
            samples == [
                VenueFunding(
                    venue: .bybit, symbol: "ETHPERP", timestampMs: 1_672_041_600_000, rate: 0.0001, intervalHours: nil,
                    kind: .settled)
            ])
    }

    @Test func fundingHistoryFromNautilus() throws {
        let samples = try BybitFundingDecoder.decodeSettled(
            try RecordedFeeds.payloads("bybit_funding_history_rest_nautilus.json"))
        // 1,709,884,800,000 − 1,709,856,000,000 = 28,800,000 ms = 8 h for both rows.
        #expect(
            samples == [
                VenueFunding(
                    venue: .bybit, symbol: "BTCUSDT", timestampMs: 1_709_884_800_000, rate: 0.0001, intervalHours: 8,
                    kind: .settled),
                VenueFunding(
                    venue: .bybit, symbol: "BTCUSDT", timestampMs: 1_709_856_000_000, rate: 0.00015, intervalHours: 8,
                    kind: .settled),
            ])
    }

    @Test func tickerSnapshotDocExample() throws {
        var decoder = BybitStreamDecoder(symbols: ["BTCUSDT"], tickerFeeds: [.markPrice, .funding, .openInterest])
        let records = try decoder.decode(try RecordedFeeds.payloads("bybit_ticker_linear_ws_docexample_nautilus.json"))
        // No singleOpenInterest in this 2023 example: the two-sided 68,744.761 BTC is halved to 34,372.3805.
        #expect(
            records == [
                .markPrice(
                    VenueMarkPrice(
                        venue: .bybit, symbol: "BTCUSDT", timestampMs: 1_673_272_861_686, markPrice: 17_217.33,
                        indexPrice: 17_227.36)),
                .funding(
                    VenueFunding(
                        venue: .bybit, symbol: "BTCUSDT", timestampMs: 1_673_272_861_686, rate: -0.000212,
                        intervalHours: 8, kind: .predicted)),
                .openInterest(
                    VenueOpenInterest(
                        venue: .bybit, symbol: "BTCUSDT", timestampMs: 1_673_272_861_686, quantity: 34_372.3805,
                        quantityUnit: .contracts, valueUSD: nil)),
            ])
    }
}
