import Foundation
import LiqCore
import LiqFetch
import LiqTestSupport
import Testing

@testable import LiqCLI

/// Paginated REST history as backfill sources (`RestHistorySource`), built by the real registry and run against a
/// loopback venue that answers only the exact requests a day's window should produce (any other request is a 404
/// and fails the item), with payloads in each venue's exact shape written here.
@Suite struct RestHistoryBackfillTests {
    /// 2025-10-10 00:00:00.000 UTC and the first ms after that day.
    static let dayStart: Int64 = 1_760_054_400_000
    static let dayEnd: Int64 = 1_760_140_800_000
    static let date = UTCDate(year: 2025, month: 10, day: 10)
    static let day = BackfillItem(
        venue: .binanceUSDM, dataset: "openInterestHistory", symbol: "BTCUSDT", period: .day(date))

    /// A loopback venue answering `answers[key]` with 200 (`key`: the exact path and query of a GET, `POST <path>
    /// <body>` of a POST), else the reference payloads
    /// of the demo fixtures under `fixtures` (instruments for the normaliser), else 404.
    static func venue(fixtures: String? = nil, _ answers: [String: String]) throws -> LoopbackHTTPServer {
        try LoopbackHTTPServer { request in
            if let body = answers[key(request)] { return CannedResponse(status: 200, text: body) }
            if let fixtures {
                let parts = request.target.split(separator: "?", maxSplits: 1)
                let file =
                    ProjectPaths.fixtures + "/" + fixtures + parts[0] + "/"
                    + (parts.count > 1 ? parts[1] + ".json" : "index.json")
                if let body = try? FileBytes.read(file, maxBytes: 16 << 20) {
                    return CannedResponse(status: 200, headers: [("Content-Type", "application/json")], body: body)
                }
            }
            return CannedResponse(status: 404, text: #"{"msg":"not scripted"}"#)
        }
    }

    static func key(_ request: ReceivedRequest) -> String {
        request.method == "POST"
            ? "POST \(request.target) \(String(decoding: request.body, as: UTF8.self))" : request.target
    }

    static func spec(_ venue: Venue, symbols: [String], feeds: Set<Feed>, server: LoopbackHTTPServer, nowMs: Int64)
        -> VenueSpec
    {
        VenueSpec(
            venue: venue, symbols: symbols, feeds: feeds, source: .network(baseURL: server.baseURL), captures: [],
            openInterestPeriod: "5m", priceBarInterval: "1m", maxPages: 1, requestBudget: nil, fixtureTimeMs: nowMs)
    }

    /// The REST history source of `spec` from the real registry (there is exactly one for these specs).
    static func source(_ spec: VenueSpec) throws -> RestHistorySource {
        let sources = BackfillSources.make(for: spec, http: HTTPSettings()).compactMap { $0 as? RestHistorySource }
        return try #require(sources.count == 1 ? sources.first : nil)
    }

    /// Runs `item` and returns its outcome and every record emitted.
    static func run(_ source: RestHistorySource, _ item: BackfillItem) throws -> (
        outcome: BackfillItemOutcome, records: [VenueRecord]
    ) {
        var records: [VenueRecord] = []
        let outcome = try source.run(item, worker: BackfillWorkerClient()) { records += $0 }
        return (outcome, records)
    }

    // MARK: Binance open interest history

    /// `n` rows of `openInterestHist` one minute apart from `startMs` (our own spacing, to fill a 500-row page
    /// inside one day), in Binance's shape: strings for the sums, a number for the time.
    static func binanceRows(from startMs: Int64, count: Int) -> String {
        let rows = (0..<count).map { index in
            #"{"symbol":"BTCUSDT","sumOpenInterest":"\#(80000 + index).000","sumOpenInterestValue":"\#(9_000_000_000 + index).00","timestamp":\#(startMs + Int64(index) * 60_000)}"#
        }
        return "[" + rows.joined(separator: ",") + "]"
    }

    @Test func binanceOpenInterestPagesForwardInsideTheDayWindow() throws {
        let path = "/futures/data/openInterestHist?symbol=BTCUSDT&period=5m&limit=500"
        // Page 1: the whole window, both bounds inclusive. 500 rows = full, so page 2 starts 1 ms after the newest
        // row (00:00 + 499 min = 1,760,054,400,000 + 29,940,000 = 1,760,084,340,000).
        let first = "\(path)&startTime=1760054400000&endTime=1760140799999"
        let second = "\(path)&startTime=1760084340001&endTime=1760140799999"
        // Page 2: two rows in the day and one of the next day (the venue's filtering is not relied on).
        let secondRows =
            "["
            + [1_760_140_500_000, 1_760_140_740_000, 1_760_140_800_000].map {
                #"{"symbol":"BTCUSDT","sumOpenInterest":"1.5","sumOpenInterestValue":"2.5","timestamp":\#($0)}"#
            }.joined(separator: ",") + "]"
        let server = try Self.venue([first: Self.binanceRows(from: Self.dayStart, count: 500), second: secondRows])
        defer { server.stop() }
        let source = try Self.source(
            Self.spec(
                .binanceUSDM, symbols: ["BTCUSDT"], feeds: [.openInterest], server: server,
                nowMs: Self.dayEnd + 86_400_000))
        #expect(source.items(symbols: ["BTCUSDT"], from: Self.date, to: Self.date) == [Self.day])
        let (outcome, records) = try Self.run(source, Self.day)
        #expect(outcome == .done)
        #expect(server.receivedRequests.map(\.target) == [first, second])
        #expect(records.count == 503)
        // The adapter's decoder: base-unit quantity and USD value straight from the row.
        guard case .openInterest(let oi) = records[1] else {
            Issue.record("\(records[1])")
            return
        }
        #expect(oi.timestampMs == Self.dayStart + 60_000 && oi.quantity == 80_001 && oi.valueUSD == 9_000_000_001)
    }

    @Test func binanceDaysBeyondThirtyDaysAreMissingWithoutARequest() throws {
        let server = try Self.venue([:])
        defer { server.stop() }
        // Now = 2025-11-09 00:00:01: the oldest kept ms is 2025-10-10 00:00:01, after the day's start.
        let now = Self.dayStart + 30 * 86_400_000 + 1_000
        let source = try Self.source(
            Self.spec(.binanceUSDM, symbols: ["BTCUSDT"], feeds: [.openInterest], server: server, nowMs: now))
        let (outcome, records) = try Self.run(source, Self.day)
        #expect(
            outcome
                == .missing(
                    reason: "binance-usdm keeps open interest history for 30 days only (since 2025-10-10 now); the "
                        + "archive's metrics dataset covers older days"))
        #expect(records.isEmpty && server.receivedRequests.isEmpty)
    }

    @Test func coinMarginedPerpetualsAreAskedByPairAndDatedContractsAreMissing() throws {
        let target =
            "/futures/data/openInterestHist?pair=BTCUSD&contractType=PERPETUAL&period=5m&limit=500"
            + "&startTime=1760054400000&endTime=1760140799999"
        let body =
            #"[{"pair":"BTCUSD","contractType":"PERPETUAL","sumOpenInterest":"1000","sumOpenInterestValue":"8.5","timestamp":1760054700000}]"#
        let server = try Self.venue([target: body])
        defer { server.stop() }
        let source = try Self.source(
            Self.spec(
                .binanceCOINM, symbols: ["BTCUSD_PERP", "BTCUSD_251226"], feeds: [.openInterest], server: server,
                nowMs: Self.dayEnd))
        var item = Self.day
        item.venue = .binanceCOINM
        item.symbol = "BTCUSD_PERP"
        let perpetual = try Self.run(source, item)
        #expect(perpetual.outcome == .done && perpetual.records.map(\.symbol) == ["BTCUSD_PERP"])
        item.symbol = "BTCUSD_251226"
        let dated = try Self.run(source, item)
        #expect(
            dated.outcome
                == .missing(reason: "binance-coinm keeps no per-symbol open interest history for dated BTCUSD_251226"))
        #expect(server.receivedRequests.map(\.target) == [target])
    }

    @Test func aVenueErrorFailsTheItemNamingTheRequest() throws {
        let server = try Self.venue([:])
        defer { server.stop() }
        let source = try Self.source(
            Self.spec(
                .binanceUSDM, symbols: ["BTCUSDT"], feeds: [.openInterest], server: server, nowMs: Self.dayEnd))
        #expect {
            try Self.run(source, Self.day)
        } throws: { error in
            "\(error)".hasPrefix(
                "binance-usdm/openInterestHistory/BTCUSDT/2025-10-10: \(server.baseURL)/futures/data/openInterestHist"
                    + "?symbol=BTCUSDT&period=5m&limit=500&startTime=1760054400000&endTime=1760140799999: HTTP 404")
        }
    }

    // MARK: OKX funding history

    /// OKX `funding-rate-history` rows, newest first, in OKX's envelope (every value a string).
    static func okxFunding(_ times: [Int64], instID: String = "BTC-USDT-SWAP") -> String {
        let rows = times.map { time in
            #"{"fundingRate":"0.0001000000","fundingTime":"\#(time)","instId":"\#(instID)","instType":"SWAP","method":"current_period","realizedRate":"0.0001"}"#
        }
        return #"{"code":"0","msg":"","data":["# + rows.joined(separator: ",") + "]}"
    }

    static let okxFirst =
        "/api/v5/public/funding-rate-history?instId=BTC-USDT-SWAP&limit=100&after=1760140800000&before=1760054399999"
    /// 100 settlements every 10 minutes (our spacing, to fill a page), newest 23:50: the oldest is
    /// 23:50 − 99 × 10 min = 07:20 = 1,760,054,400,000 + 26,400,000 = 1,760,080,800,000.
    static let okxFirstTimes = (0..<100).map { dayEnd - 600_000 - Int64($0) * 600_000 }
    static let okxSecond =
        "/api/v5/public/funding-rate-history?instId=BTC-USDT-SWAP&limit=100&after=1760080800000&before=1760054399999"
    /// Two settlements in the day (07:10 and 00:00) and one of the day before (16:00).
    static let okxSecondTimes: [Int64] = [1_760_080_200_000, 1_760_054_400_000, 1_760_025_600_000]

    @Test func okxFundingPagesBackwardsWithAfterInsideTheDayWindow() throws {
        let server = try Self.venue([
            Self.okxFirst: Self.okxFunding(Self.okxFirstTimes), Self.okxSecond: Self.okxFunding(Self.okxSecondTimes),
        ])
        defer { server.stop() }
        let source = try Self.source(
            Self.spec(.okx, symbols: ["BTC-USDT-SWAP"], feeds: [.funding], server: server, nowMs: Self.dayEnd))
        let item = BackfillItem(
            venue: .okx, dataset: "fundingHistory", symbol: "BTC-USDT-SWAP", period: Self.day.period)
        let (outcome, records) = try Self.run(source, item)
        #expect(outcome == .done)
        #expect(server.receivedRequests.map(\.target) == [Self.okxFirst, Self.okxSecond])
        #expect(records.map(\.timestampMs) == Self.okxFirstTimes + Self.okxSecondTimes)
        // A dated future pays no funding: missing without a request.
        var dated = item
        dated.symbol = "BTC-USDT-251226"
        #expect(
            try Self.run(source, dated).outcome
                == .missing(reason: "BTC-USDT-251226 is a dated OKX future and pays no funding"))
        #expect(server.receivedRequests.count == 2)
    }

    /// `liqpipe backfill` through the real registry: OKX reference data and funding history from one loopback
    /// venue, the day's records stored (the previous day's settlement dropped), a re-run asking nothing.
    @Test func backfillEndToEndStoresTheDayFromTheLoopbackVenue() throws {
        let server = try Self.venue(
            fixtures: "okx",
            [Self.okxFirst: Self.okxFunding(Self.okxFirstTimes), Self.okxSecond: Self.okxFunding(Self.okxSecondTimes)])
        defer { server.stop() }
        let directory = try ProjectPaths.temporaryDirectory("rest-history")
        let spec = """
            {"name": "rest", "venues": [{"venue": "okx", "baseURL": "\(server.baseURL)",
              "symbols": ["BTC-USDT-SWAP"], "feeds": ["funding"]}],
             "backfill": {"directory": "store", "stateDirectory": "state"}}
            """
        try Data(spec.utf8).write(to: URL(fileURLWithPath: directory + "/spec.json"))
        let arguments = [directory + "/spec.json", "--quiet", "--from", "2025-10-10", "--to", "2025-10-10"]
        let captured = CapturedConsole()
        let code = try BackfillCommand.perform(arguments, console: captured.console, makeSources: BackfillSources.make)
        #expect(code == .success, "\(captured.err)\(captured.out)")
        #expect(captured.out.contains("1 items planned: 1 done (102 records in 1 files)"), "\(captured.out)")
        let file =
            directory + "/store/feed=funding/venue=okx/symbol=BTC-USDT-SWAP/date=2025-10-10/fundingHistory.csv"
        let lines = String(decoding: try Data(contentsOf: URL(fileURLWithPath: file)), as: UTF8.self)
            .split(separator: "\n")
        #expect(lines.count == 1 + 102)
        #expect(lines.dropFirst().first?.hasPrefix("1760054400000,") == true, "\(lines.prefix(2))")
        let requests = server.receivedRequests.count
        let again = CapturedConsole()
        #expect(
            try BackfillCommand.perform(arguments, console: again.console, makeSources: BackfillSources.make)
                == .success)
        #expect(server.receivedRequests.count == requests)
    }

    // MARK: BitMEX funding history

    /// BitMEX `funding` rows in BitMEX's shape (ISO times, the interval as a date after 2000-01-01, numbers).
    static func bitmexFunding(_ times: [Int64]) -> String {
        let rows = times.map { time in
            #"{"timestamp":"\#(iso8601(time))","symbol":"XBTUSD","fundingInterval":"2000-01-01T08:00:00.000Z","fundingRate":0.0001,"fundingRateDaily":0.0003}"#
        }
        return "[" + rows.joined(separator: ",") + "]"
    }

    /// `2025-10-10T00:00:00.000Z`, by Foundation (not the code under test).
    static func iso8601(_ timestampMs: Int64) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: Date(timeIntervalSince1970: Double(timestampMs) / 1_000))
    }

    @Test func bitmexFundingPagesByOffsetInsideTheDayWindow() throws {
        let window =
            "/api/v1/funding?symbol=XBTUSD&startTime=2025-10-10T00%3A00%3A00.000Z"
            + "&endTime=2025-10-10T23%3A59%3A59.999Z&count=500"
        // 500 rows a minute apart (our spacing, to fill a page), then offset 500: one row in the day, one after.
        let firstTimes = (0..<500).map { Self.dayStart + Int64($0) * 60_000 }
        let server = try Self.venue([
            window + "&start=0": Self.bitmexFunding(firstTimes),
            window + "&start=500": Self.bitmexFunding([1_760_126_400_000, Self.dayEnd]),
        ])
        defer { server.stop() }
        let source = try Self.source(
            Self.spec(.bitmex, symbols: ["XBTUSD"], feeds: [.funding], server: server, nowMs: Self.dayEnd))
        let item = BackfillItem(venue: .bitmex, dataset: "fundingHistory", symbol: "XBTUSD", period: Self.day.period)
        let (outcome, records) = try Self.run(source, item)
        #expect(outcome == .done)
        #expect(server.receivedRequests.map(\.target) == [window + "&start=0", window + "&start=500"])
        #expect(records.map(\.timestampMs) == firstTimes + [1_760_126_400_000, Self.dayEnd])
    }

    // MARK: Hyperliquid funding history

    /// Hyperliquid `fundingHistory` rows, oldest first, in Hyperliquid's shape (strings for rates, ms numbers).
    static func hyperliquidFunding(_ times: [Int64]) -> String {
        "["
            + times.map { #"{"coin":"BTC","fundingRate":"0.0000125","premium":"-0.0003","time":\#($0)}"# }
            .joined(separator: ",") + "]"
    }

    @Test func hyperliquidFundingPostsTheDayWindowAndPagesFromTheNewestRow() throws {
        let body = #"{"type":"fundingHistory","coin":"BTC","startTime":1760054400000,"endTime":1760140799999}"#
        // 500 rows a minute apart from 00:00 (our spacing): the newest is 08:19, so page 2 starts at
        // 1,760,054,400,000 + 499 × 60,000 + 1 = 1,760,084,340,001.
        let next = #"{"type":"fundingHistory","coin":"BTC","startTime":1760084340001,"endTime":1760140799999}"#
        let firstTimes = (0..<500).map { Self.dayStart + Int64($0) * 60_000 }
        let server = try Self.venue([
            "POST /info \(body)": Self.hyperliquidFunding(firstTimes),
            "POST /info \(next)": Self.hyperliquidFunding([1_760_137_200_000]),
        ])
        defer { server.stop() }
        let source = try Self.source(
            Self.spec(.hyperliquid, symbols: ["BTC"], feeds: [.funding], server: server, nowMs: Self.dayEnd))
        let item = BackfillItem(venue: .hyperliquid, dataset: "fundingHistory", symbol: "BTC", period: Self.day.period)
        let (outcome, records) = try Self.run(source, item)
        #expect(outcome == .done)
        #expect(server.receivedRequests.map(Self.key) == ["POST /info \(body)", "POST /info \(next)"])
        #expect(records.map(\.timestampMs) == firstTimes + [1_760_137_200_000])
    }
}
