import LiqCore
import LiqFetch
import Testing

/// The recorded Hyperliquid samples in `../shared/feeds/` (nautilus captures, tardis recordings, the python SDK's
/// VCR cassette; see their provenance), skipped where the directory is absent.
@Suite(.enabled(if: RecordedFeeds.directory != nil, "no recorded samples in ../shared/feeds"))
struct HyperliquidRecordedSampleTests {
    /// `[meta, assetCtxs]` from the recorded `meta` (BTC, ETH, ATOM) and the first `count` contexts of the recorded
    /// main-dex `allDexsAssetCtxs` push, which lists contexts in the same asset-index order.
    static func metaAndContexts(first count: Int) throws -> JSONNode {
        let meta = try RecordedFeeds.payloads("hyperliquid_meta_rest_nautilus.json")
        let dexes = try RecordedFeeds.payloads("hyperliquid_allDexsAssetCtxs_ws_nautilus.json").member("data")
            .member("ctxs")
        let mainDex = try dexes.element(0)
        #expect(try mainDex.element(0).string() == "")
        let contexts = try mainDex.element(1).elements().prefix(count).map(\.value)
        return JSONNode(value: .array([meta.value, .array(Array(contexts))]), origin: meta.origin)
    }

    @Test func universeAndRecordedContextsMatchByIndex() throws {
        let document = try Self.metaAndContexts(first: 3)
        #expect(try HyperliquidAssetContextDecoder.instruments(document).map(\.symbol) == ["BTC", "ETH", "ATOM"])
        // Index 0 BTC (mark 77,562, 27,353.17682 BTC open), 1 ETH, 2 ATOM.
        #expect(
            try HyperliquidAssetContextDecoder.contexts(document) == [
                HyperliquidAssetContext(
                    coin: "BTC", markPrice: 77_562, oraclePrice: 77_605, fundingRate: -0.0000015186,
                    openInterest: 27_353.17682),
                HyperliquidAssetContext(
                    coin: "ETH", markPrice: 2_123.7, oraclePrice: 2_124.6, fundingRate: 0.0000125,
                    openInterest: 605_822.2557999999),
                HyperliquidAssetContext(
                    coin: "ATOM", markPrice: 2.1315, oraclePrice: 2.1345, fundingRate: 0.0000125,
                    openInterest: 1_485_517.8400000001),
            ])
    }

    @Test func sixContextsForThreeNamesIsAnError() throws {
        // The recorded push has six contexts and the recorded meta three names: no pairing of them by index can be
        // trusted, so it is refused.
        let error = #expect(throws: JSONError.self) {
            try HyperliquidAssetContextDecoder.contexts(try Self.metaAndContexts(first: 6))
        }
        #expect(error?.expected == "3 asset contexts, one per meta.universe entry")
        #expect(error?.found == "array of 6")
    }

    @Test func hourlyFundingHistoryFromNautilus() throws {
        let samples = try HyperliquidFundingDecoder.decodeSettled(
            try RecordedFeeds.payloads("hyperliquid_fundingHistory_rest_nautilus.json"))
        // 2026 rows one hour apart (the third has no premium).
        #expect(samples.map(\.intervalHours) == [1, 1, 1])
        #expect(samples.map(\.rate) == [0.0000125, -0.0000081, 0.0000033])
        #expect(samples.map(\.timestampMs) == [1_769_908_800_000, 1_769_912_400_000, 1_769_916_000_000])
    }

    @Test func eightHourFundingHistoryFromThe2023Cassette() throws {
        let samples = try HyperliquidFundingDecoder.decodeSettled(
            try RecordedFeeds.payloads("hyperliquid_fundingHistory_rest_sdk_cassette.json").member("response"))
        // May 2023: settlements every 8 h with ms jitter (…600048, …400388): 8 h each, not today's 1 h.
        #expect(samples.count == 34)
        #expect(samples.allSatisfy { $0.intervalHours == 8 && $0.symbol == "BTC" && $0.kind == .settled })
        #expect(
            samples.first
                == VenueFunding(
                    venue: .hyperliquid, symbol: "BTC", timestampMs: 1_683_849_600_048, rate: -0.00061334,
                    intervalHours: 8, kind: .settled))
    }

    @Test func publicStreamsFromTardisYieldNoRecords() throws {
        var decoder = HyperliquidStreamDecoder(symbols: ["MOODENG", "FXS", "@2"])
        // Asset contexts carry no time; public trades carry no liquidation flag.
        for file in ["hyperliquid_activeAssetCtx_ws_tardis.json", "hyperliquid_trades_ws_tardis.json"] {
            for message in try RecordedFeeds.payloads(file).elements() {
                #expect(try decoder.decode(message).isEmpty)
            }
        }
    }

    @Test func userFillsAreNotAPublicFeed() throws {
        // The only place Hyperliquid shows a liquidation: a user's own fill. Not market-wide, so not decoded.
        var decoder = HyperliquidStreamDecoder(symbols: ["BTC"])
        let error = #expect(throws: JSONError.self) {
            try decoder.decode(try RecordedFeeds.payloads("hyperliquid_userFill_liquidation_ws_nautilus.json"))
        }
        #expect(error?.found == #"string "user""#)
    }
}
