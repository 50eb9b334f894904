import LiqCore
import LiqFetch
import Testing

/// The real recorded payloads in `../shared/feeds/` (next to the package root), each file wrapped as
/// `{"_provenance": …, "payloads": …}`. They are not part of the package, so the suite is skipped where the
/// directory is absent.
@Suite(.enabled(if: RecordedFeeds.directory != nil, "no recorded samples in ../shared/feeds"))
struct RecordedFeedSampleTests {
    @Test func binanceForceOrderFromTardis() throws {
        let sample = try RecordedFeeds.payloads("binance_um_forceOrder_ws_tardis.json")
        let records = try BinanceLiquidationDecoder.decode(try sample.element(0), venue: .binanceUSDM)
        // S=BUY closes a short; z 0.014 (not l 0.015) at ap 4706.04 (not p 4793.91), at T (not E).
        #expect(
            records == [
                VenueLiquidation(
                    venue: .binanceUSDM, symbol: "BTCUSDT", timestampMs: 1_584_059_031_421, side: .short,
                    price: 4706.04, priceKind: .fill, quantity: 0.014, quantityUnit: .base, completeness: .sampled)
            ])
    }

    @Test func okxInstrumentsFromCryptofeed() throws {
        let instruments = try OKXInstrumentDecoder.decode(
            try RecordedFeeds.payloads("okx_instruments_swap_rest_cryptofeed.json"))
        #expect(instruments.map(\.symbol) == ["BTC-USD-SWAP", "BTC-USDT-SWAP", "ETH-USDT-SWAP"])
        #expect(
            instruments.first { $0.symbol == "BTC-USDT-SWAP" }
                == Instrument(
                    venue: .okx, symbol: "BTC-USDT-SWAP", baseAsset: "BTC", quoteAsset: "USDT", settleAsset: "USDT",
                    kind: .perpetual, margining: .linear, contractSize: ContractSize(value: 0.01, unit: .base)))
        #expect(
            instruments.first { $0.symbol == "BTC-USD-SWAP" }
                == Instrument(
                    venue: .okx, symbol: "BTC-USD-SWAP", baseAsset: "BTC", quoteAsset: "USD", settleAsset: "BTC",
                    kind: .perpetual, margining: .inverse, contractSize: ContractSize(value: 100, unit: .usd)))
        #expect(
            instruments.first { $0.symbol == "ETH-USDT-SWAP" }?.contractSize == ContractSize(value: 0.1, unit: .base))
    }

    @Test func okxFundingRateHistoryFromNautilus() throws {
        let samples = try OKXFundingDecoder.decodeSettled(
            try RecordedFeeds.payloads("okx_funding_rate_history_rest_nautilus.json"))
        // realizedRate (the rounded rate actually paid), not fundingRate 0.0001515032 / -0.0000236017.
        #expect(
            samples == [
                VenueFunding(
                    venue: .okx, symbol: "BTC-USDT-SWAP", timestampMs: 1_704_067_200_000, rate: 0.00015,
                    intervalHours: nil, kind: .settled),
                VenueFunding(
                    venue: .okx, symbol: "BTC-USDT-SWAP", timestampMs: 1_704_038_400_000, rate: -0.00002,
                    intervalHours: nil, kind: .settled),
            ])
    }

    @Test func okxOpenInterestAndFundingPushesFromTardis() throws {
        var openInterest: [VenueOpenInterest] = []
        var funding: [String: [VenueFunding]] = [:]
        for message in try RecordedFeeds.payloads("okx_open_interest_funding_mark_index_ws_tardis.json").elements() {
            let argument = try message.member("arg")
            switch try argument.member("channel").string() {
            case "open-interest":
                openInterest += try OKXOpenInterestDecoder.decode(message)
            case "funding-rate":
                funding[try argument.member("instId").string()] = try OKXFundingDecoder.decodePredicted(message)
            default:
                continue
            }
        }
        // `oiCcy` (coin) rather than `oi` (contracts): FIL-USDT-220325 has 236,870 contracts of 0.1 FIL.
        #expect(
            openInterest == [
                VenueOpenInterest(
                    venue: .okx, symbol: "FIL-USDT-220325", timestampMs: 1_640_131_202_886, quantity: 23687,
                    quantityUnit: .base, valueUSD: nil),
                VenueOpenInterest(
                    venue: .okx, symbol: "WNCG-USDT-SWAP", timestampMs: 1_640_131_258_756, quantity: 644_195,
                    quantityUnit: .base, valueUSD: nil),
            ])
        // SOS-USDT-SWAP has no fundingRate at all: nothing, not a zero. WNCG has a rate but no nextFundingTime.
        #expect(funding["SOS-USDT-SWAP"] == [])
        #expect(
            funding["WNCG-USDT-SWAP"] == [
                VenueFunding(
                    venue: .okx, symbol: "WNCG-USDT-SWAP", timestampMs: 1_640_131_200_000, rate: 0.00048105,
                    intervalHours: nil, kind: .predicted)
            ])
    }

    @Test func okxRateLimitBodyFromNautilus() throws {
        let body = try RecordedFeeds.payloads("okx_errors_rest_nautilus.json").element(0).member("body")
        let error = #expect(throws: VenueAPIError.self) { try OKXEnvelope.rows(body) }
        #expect(error?.code == "50011")
        #expect(error?.message == "Too Many Requests")
    }

    @Test func binanceDocExamplesFromNautilus() throws {
        let payloads = try RecordedFeeds.payloads("binance_um_rest_ws_docexamples_nautilus.json")
        func body(endingWith suffix: String) throws -> JSONNode {
            for payload in try payloads.elements() where try payload.member("source_path").string().hasSuffix(suffix) {
                return try payload.member("body")
            }
            throw payloads.error(expected: "a payload from …\(suffix)")
        }

        // openInterestHist with `timestamp` as a string.
        let history = try BinanceOpenInterestDecoder.decodeHistory(
            try body(endingWith: "open_interest_historical.json"), venue: .binanceUSDM)
        #expect(
            history == [
                VenueOpenInterest(
                    venue: .binanceUSDM, symbol: "BTCUSDT", timestampMs: 1_583_127_900_000, quantity: 20403.637,
                    quantityUnit: .base, valueUSD: 150_570_784.07809979),
                VenueOpenInterest(
                    venue: .binanceUSDM, symbol: "BTCUSDT", timestampMs: 1_583_128_200_000, quantity: 20401.367,
                    quantityUnit: .base, valueUSD: 149_940_752.14464448),
            ])

        let settled = try BinanceFundingDecoder.decodeSettled(
            try body(endingWith: "market_funding_rate.json"), venue: .binanceUSDM)
        #expect(settled.map(\.rate) == [-0.0375, 0.0001])
        #expect(settled.map(\.timestampMs) == [1_570_608_000_000, 1_570_636_800_000])

        let predicted = try BinanceFundingDecoder.decodePredicted(
            try body(endingWith: "premium_index.json"), venue: .binanceUSDM)
        #expect(
            predicted == [
                VenueFunding(
                    venue: .binanceUSDM, symbol: "BTCUSDT", timestampMs: 1_597_370_495_002, rate: 0.00038246,
                    intervalHours: nil, kind: .predicted)
            ])

        let current = try BinanceOpenInterestDecoder.decodeCurrent(
            try body(endingWith: "market_open_interest.json"), venue: .binanceUSDM)
        #expect(current.quantity == 10659.509)
        #expect(current.timestampMs == 1_589_437_530_011)

        let liquidation = try BinanceLiquidationDecoder.decode(
            try body(endingWith: "liquidation_stream.json"), venue: .binanceUSDM)
        #expect(liquidation.map(\.side) == [.long])
        #expect(liquidation.map(\.price) == [9910.12345678])
    }
}

/// Where the recorded samples live: `<package root>/../shared/feeds`, found from this file's path.
enum RecordedFeeds {
    static let directory: String? = {
        var components = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        // …/<root>/Tests/LiqFetchTests/RecordedFeedSampleTests.swift → …/<root>
        components.removeLast(3)
        let root = components.joined(separator: "/")
        let feeds = root + "/../shared/feeds"
        return FileBytes.isRegularFile(feeds + "/binance_um_forceOrder_ws_tardis.json") ? feeds : nil
    }()

    /// The `payloads` member of one sample file.
    static func payloads(_ name: String) throws -> JSONNode {
        let path = try #require(directory) + "/" + name
        return try JSONNode.parse(try FileBytes.read(path, maxBytes: 1 << 20), origin: path).member("payloads")
    }
}
