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

    // MARK: Binance marks, COIN-M

    @Test func binanceMarkPriceStreamFromTardis() throws {
        var decoder = BinanceStreamDecoder(
            venue: .binanceUSDM, symbols: ["BTCUSDT", "BTCBUSD_210129"], feeds: [.markPrice, .funding])
        var records: [VenueRecord] = []
        for message in try RecordedFeeds.payloads("binance_um_markPrice_openInterest_ws_tardis.json").elements()
        where try message.optionalMember("generated") == nil {
            records += try decoder.decode(message)
        }
        // 2019 pushes have no `i`; the quarterly BTCBUSD_210129 sends r "0.00000000" with T 0: a mark, no rate.
        #expect(
            records == [
                .markPrice(
                    VenueMarkPrice(
                        venue: .binanceUSDM, symbol: "BTCUSDT", timestampMs: 1_569_888_003_001,
                        markPrice: 8291.34697815, indexPrice: nil)),
                .funding(
                    VenueFunding(
                        venue: .binanceUSDM, symbol: "BTCUSDT", timestampMs: 1_569_888_003_001, rate: 0.0001,
                        intervalHours: nil, kind: .predicted)),
                .markPrice(
                    VenueMarkPrice(
                        venue: .binanceUSDM, symbol: "BTCUSDT", timestampMs: 1_597_536_008_000, markPrice: 11857.56,
                        indexPrice: 11851.86949091)),
                .funding(
                    VenueFunding(
                        venue: .binanceUSDM, symbol: "BTCUSDT", timestampMs: 1_597_536_008_000, rate: 0.0001564,
                        intervalHours: nil, kind: .predicted)),
                .markPrice(
                    VenueMarkPrice(
                        venue: .binanceUSDM, symbol: "BTCBUSD_210129", timestampMs: 1_609_830_121_004,
                        markPrice: 31799.2773, indexPrice: 31307.034)),
            ])
    }

    @Test func binanceCoinMarginedMarkIndexAndOpenInterestFromTardis() throws {
        let payloads = try RecordedFeeds.payloads("binance_cm_markPrice_indexPrice_openInterest_ws_tardis.json")
        var decoder = BinanceStreamDecoder(
            venue: .binanceCOINM, symbols: ["BTCUSD_200925"], feeds: [.markPrice, .funding])
        // The quarterly's markPriceUpdate has no r, T nor i; the pair-level indexPriceUpdate yields nothing.
        #expect(
            try decoder.decode(try payloads.element(0)) == [
                .markPrice(
                    VenueMarkPrice(
                        venue: .binanceCOINM, symbol: "BTCUSD_200925", timestampMs: 1_592_265_602_000,
                        markPrice: 9501.15723333, indexPrice: nil))
            ])
        #expect(try decoder.decode(try payloads.element(1)).isEmpty)
        // The REST-polled /dapi/v1/openInterest body: contracts, not base units.
        #expect(
            try BinanceOpenInterestDecoder.decodeCurrent(try payloads.element(2).member("data"), venue: .binanceCOINM)
                == VenueOpenInterest(
                    venue: .binanceCOINM, symbol: "BTCUSD_200925", timestampMs: 1_592_265_372_706, quantity: 15279,
                    quantityUnit: .contracts, valueUSD: nil))
    }

    @Test func binanceCoinMarginedExchangeInfoFromCryptofeed() throws {
        let instruments = try BinanceInstrumentDecoder.decode(
            try RecordedFeeds.payloads("binance_cm_exchangeInfo_rest_cryptofeed.json"), venue: .binanceCOINM)
        #expect(
            instruments == [
                Instrument(
                    venue: .binanceCOINM, symbol: "BTCUSD_PERP", baseAsset: "BTC", quoteAsset: "USD",
                    settleAsset: "BTC", kind: .perpetual, margining: .inverse,
                    contractSize: ContractSize(value: 100, unit: .usd)),
                Instrument(
                    venue: .binanceCOINM, symbol: "ETHUSD_PERP", baseAsset: "ETH", quoteAsset: "USD",
                    settleAsset: "ETH", kind: .perpetual, margining: .inverse,
                    contractSize: ContractSize(value: 10, unit: .usd)),
            ])
    }

    @Test func binanceCoinMarginedKlineColumnsFromTheArchive() throws {
        // The archive's 12 columns are the REST kline's; the rows are turned into the REST array shape.
        let text = try RecordedFeeds.text("binance_cm_klines_csv_with_header_issue283.csv")
        let rows = text.split(separator: "\n").dropFirst().map { line in
            let cells = line.split(separator: ",")
            let quoted = cells.enumerated().map {
                [0, 6, 8].contains($0.offset) ? String($0.element) : #""\#($0.element)""#
            }
            return "[" + quoted.joined(separator: ",") + "]"
        }
        let bars = try BinanceKlineDecoder.decode(
            try JSONNode.parse(Array(("[" + rows.joined(separator: ",") + "]").utf8), origin: "issue283.csv"),
            venue: .binanceCOINM, symbol: "BTCUSD_PERP")
        #expect(bars.map(\.volume) == [1202.97118037, 2183.75671155, 1147.73267094])
        #expect(bars.map(\.takerBuyVolume) == [564.12041453, 1085.17080793, 680.60405822])
        #expect(bars.allSatisfy { $0.intervalMs == 3_600_000 })
        // Column 7 is base, not quote: 409,953 contracts × 100 USD / 1,202.97118037 BTC = 34,078.37 USD per BTC, a
        // price inside the bar's low 33,977.4 … high 34,182.5; read as USD it would be a price of 0.003.
        let first = try #require(bars.first)
        let implied = 409_953 * 100 / first.volume
        #expect(abs(implied - 34_078.37) < 0.01)
        #expect(first.low < implied && implied < first.high)
    }

    @Test func binanceMarkDocExamplesFromNautilus() throws {
        let payloads = try RecordedFeeds.payloads("binance_um_rest_ws_docexamples_nautilus.json")
        func body(endingWith suffix: String) throws -> JSONNode {
            for payload in try payloads.elements() where try payload.member("source_path").string().hasSuffix(suffix) {
                return try payload.member("body")
            }
            throw payloads.error(expected: "a payload from …\(suffix)")
        }
        let klines = try BinanceKlineDecoder.decode(
            try body(endingWith: "mark_price_klines.json"), venue: .binanceUSDM, symbol: "BTCUSDT")
        #expect(
            klines == [
                VenuePriceBar(
                    venue: .binanceUSDM, symbol: "BTCUSDT", bucketStartMs: 1_591_256_460_000, intervalMs: 60_000,
                    open: 9653.29201333, high: 9654.56401333, low: 9653.07367333, close: 9653.07367333, volume: 0,
                    volumeUnit: .base, takerBuyVolume: 0)
            ])
        let update = try BinanceMarkPriceDecoder.decodeUpdate(
            try body(endingWith: "mark_price_stream.json"), venue: .binanceUSDM)
        #expect(update.mark.markPrice == 11794.15)
        #expect(update.mark.indexPrice == 11784.62659091)
        #expect(update.funding?.rate == 0.00038167)
        #expect(
            try BinanceMarkPriceDecoder.decodePremiumIndex(
                try body(endingWith: "premium_index.json"), venue: .binanceUSDM)
                == [
                    VenueMarkPrice(
                        venue: .binanceUSDM, symbol: "BTCUSDT", timestampMs: 1_597_370_495_002,
                        markPrice: 11793.63104562, indexPrice: 11781.8049597)
                ])
    }

    // MARK: OKX marks

    @Test func okxMarkPriceFromNautilus() throws {
        #expect(
            try OKXMarkPriceDecoder.decode(try RecordedFeeds.payloads("okx_mark_price_rest_nautilus.json")) == [
                VenueMarkPrice(
                    venue: .okx, symbol: "BTC-USDT-SWAP", timestampMs: 1_744_590_349_506, markPrice: 84660.1,
                    indexPrice: nil)
            ])
    }

    @Test func okxMarkPricePushesFromTardis() throws {
        var decoder = OKXStreamDecoder(symbols: ["FIL-USDT-220325", "WNCG-USDT-SWAP"], feeds: [.markPrice])
        var marks: [VenueRecord] = []
        for message in try RecordedFeeds.payloads("okx_open_interest_funding_mark_index_ws_tardis.json").elements()
        where try message.member("arg").member("channel").string() != "index-tickers" {
            marks += try decoder.decode(message)
        }
        #expect(
            marks == [
                .markPrice(
                    VenueMarkPrice(
                        venue: .okx, symbol: "FIL-USDT-220325", timestampMs: 1_640_131_204_676, markPrice: 36.232,
                        indexPrice: nil)),
                .markPrice(
                    VenueMarkPrice(
                        venue: .okx, symbol: "FIL-USDT-220325", timestampMs: 1_640_140_257_676, markPrice: 36.662,
                        indexPrice: nil)),
                .markPrice(
                    VenueMarkPrice(
                        venue: .okx, symbol: "WNCG-USDT-SWAP", timestampMs: 1_640_131_259_180, markPrice: 2.1729,
                        indexPrice: nil)),
            ])
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

    /// The text of one sample file that is not JSON (the archive CSVs).
    static func text(_ name: String) throws -> String {
        String(decoding: try FileBytes.read(try #require(directory) + "/" + name, maxBytes: 1 << 20), as: UTF8.self)
    }
}
