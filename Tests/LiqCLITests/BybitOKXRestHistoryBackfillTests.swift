import Foundation
import LiqCore
import LiqFetch
import LiqTestSupport
import Testing

@testable import LiqCLI

/// Bybit funding and open interest history and OKX liquidation orders as backfill sources: requests whose
/// parameters come from the venue's instruments (Bybit `category`, OKX `instType` and `uly`), paging by Bybit's
/// moving `endTime` and `nextPageCursor` and by OKX's `after`, against the loopback venue of
/// `RestHistoryBackfillTests` (exact requests only; reference payloads from the demo fixtures or written here).
@Suite struct BybitOKXRestHistoryBackfillTests {
    typealias Shared = RestHistoryBackfillTests
    static let dayStart = Shared.dayStart
    static let dayEnd = Shared.dayEnd
    static let period = Shared.day.period

    /// Bybit's v5 envelope around `result`.
    static func bybit(_ result: String) -> String {
        #"{"retCode":0,"retMsg":"OK","result":\#(result),"retExtInfo":{},"time":1760140800123}"#
    }

    /// Writes `spec` (JSON, the venue's base URL at `server`) and runs `liqpipe backfill` over 2025-10-10.
    static func backfill(_ venues: String, directory: String) throws -> (code: ExitCode, out: String, err: String) {
        let spec =
            #"{"name": "rest", "venues": [\#(venues)], "backfill": {"directory": "store", "stateDirectory": "state"}}"#
        try Data(spec.utf8).write(to: URL(fileURLWithPath: directory + "/spec.json"))
        let captured = CapturedConsole()
        let code = try BackfillCommand.perform(
            [directory + "/spec.json", "--quiet", "--from", "2025-10-10", "--to", "2025-10-10"],
            console: captured.console, makeSources: BackfillSources.make)
        return (code, captured.out, captured.err)
    }

    /// The data lines of one stored file.
    static func stored(_ directory: String, feed: String, venue: String, symbol: String, dataset: String) throws
        -> [Substring]
    {
        let path = "\(directory)/store/feed=\(feed)/venue=\(venue)/symbol=\(symbol)/date=2025-10-10/\(dataset).csv"
        return String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
            .split(separator: "\n").dropFirst().map { $0 }
    }

    // MARK: Bybit funding history

    /// `funding/history` rows in Bybit's shape (strings for rate and time), newest first as given.
    static func bybitFunding(_ times: [Int64], symbol: String = "BTCUSDT") -> String {
        let rows = times.map {
            #"{"symbol":"\#(symbol)","fundingRate":"0.0001","fundingRateTimestamp":"\#($0)"}"#
        }
        return bybit(#"{"category":"linear","list":["# + rows.joined(separator: ",") + "]}")
    }

    static let bybitFundingFirst =
        "/v5/market/funding/history?category=linear&symbol=BTCUSDT&limit=200&startTime=1760054400000"
        + "&endTime=1760140799999"
    /// 200 settlements every 5 minutes (our spacing, to fill a page), newest 23:55: the oldest is
    /// 23:55 − 199 × 5 min = 07:20 = 1,760,054,400,000 + 26,400,000 = 1,760,080,800,000, so page 2 ends 1 ms before.
    static let bybitFundingFirstTimes = (0..<200).map { dayEnd - 300_000 - Int64($0) * 300_000 }
    static let bybitFundingSecond =
        "/v5/market/funding/history?category=linear&symbol=BTCUSDT&limit=200&startTime=1760054400000"
        + "&endTime=1760080799999"
    /// 07:15 and 00:00 of the day, and 16:00 of the day before (the venue's window is not relied on).
    static let bybitFundingSecondTimes: [Int64] = [1_760_080_500_000, 1_760_054_400_000, 1_760_025_600_000]

    static func bybitSpec(symbols: [String], feeds: Set<Feed>, server: LoopbackHTTPServer) -> VenueSpec {
        Shared.spec(.bybit, symbols: symbols, feeds: feeds, server: server, nowMs: dayEnd)
    }

    @Test func bybitFundingPagesBackwardsByEndTimeWithTheLinearCategoryFromTheInstruments() throws {
        let server = try Shared.venue(
            fixtures: "bybit",
            [
                Self.bybitFundingFirst: Self.bybitFunding(Self.bybitFundingFirstTimes),
                Self.bybitFundingSecond: Self.bybitFunding(Self.bybitFundingSecondTimes),
            ])
        defer { server.stop() }
        let source = try Shared.source(Self.bybitSpec(symbols: ["BTCUSDT"], feeds: [.funding], server: server))
        let item = BackfillItem(venue: .bybit, dataset: "fundingHistory", symbol: "BTCUSDT", period: Self.period)
        let (outcome, records) = try Shared.run(source, item)
        #expect(outcome == .done)
        let targets = server.receivedRequests.map(\.target)
        #expect(
            targets.filter { $0.hasPrefix("/v5/market/funding/") } == [Self.bybitFundingFirst, Self.bybitFundingSecond])
        // The reference (both instrument lists and both ticker lists) came first, once.
        #expect(
            targets.filter { !$0.hasPrefix("/v5/market/funding/") } == [
                "/v5/market/instruments-info?category=linear&limit=1000",
                "/v5/market/instruments-info?category=inverse&limit=1000", "/v5/market/tickers?category=linear",
                "/v5/market/tickers?category=inverse",
            ])
        #expect(records.map(\.timestampMs) == Self.bybitFundingFirstTimes + Self.bybitFundingSecondTimes)
        // A second day asks the venue for its pages only: the instruments are kept for the whole backfill.
        var next = item
        next.period = .day(UTCDate(year: 2025, month: 10, day: 11))
        #expect(throws: BackfillSourceError.self) { try Shared.run(source, next) }
        #expect(server.receivedRequests.filter { $0.target.hasPrefix("/v5/market/instruments-info") }.count == 2)
    }

    @Test func aSymbolTheInstrumentsDoNotListFailsItsItemNamingIt() throws {
        let server = try Shared.venue(fixtures: "bybit", [:])
        defer { server.stop() }
        let source = try Shared.source(Self.bybitSpec(symbols: ["BTCUSDX"], feeds: [.funding], server: server))
        let item = BackfillItem(venue: .bybit, dataset: "fundingHistory", symbol: "BTCUSDX", period: Self.period)
        #expect {
            try Shared.run(source, item)
        } throws: { error in
            "\(error)"
                == "bybit/fundingHistory/BTCUSDX/2025-10-10: bybit: symbol BTCUSDX is not listed by the venue's "
                + "instruments endpoint"
        }
        #expect(!server.receivedRequests.contains { $0.target.hasPrefix("/v5/market/funding/") })
    }

    @Test func aDatedBybitFutureHasNoFundingHistoryAndIsMissingWithoutAPageRequest() throws {
        let server = try Shared.venue(fixtures: "bybit", [:])
        defer { server.stop() }
        let source = try Shared.source(Self.bybitSpec(symbols: ["BTCUSDZ25"], feeds: [.funding], server: server))
        let item = BackfillItem(venue: .bybit, dataset: "fundingHistory", symbol: "BTCUSDZ25", period: Self.period)
        #expect(
            try Shared.run(source, item).outcome
                == .missing(reason: "BTCUSDZ25 is a dated Bybit future and pays no funding"))
        #expect(!server.receivedRequests.contains { $0.target.hasPrefix("/v5/market/funding/") })
    }

    @Test func aFailedReferenceLoadFailsEveryItemWithItsReasonAndIsNotRepeated() throws {
        let server = try Shared.venue([:])
        defer { server.stop() }
        let source = try Shared.source(Self.bybitSpec(symbols: ["BTCUSDT"], feeds: [.funding], server: server))
        let item = BackfillItem(venue: .bybit, dataset: "fundingHistory", symbol: "BTCUSDT", period: Self.period)
        for _ in 0..<2 {
            #expect {
                try Shared.run(source, item)
            } throws: { error in
                "\(error)".hasPrefix(
                    "bybit/fundingHistory/BTCUSDT/2025-10-10: reference data: \(server.baseURL)"
                        + "/v5/market/instruments-info?category=linear&limit=1000: ")
            }
        }
        // One load: two instrument lists and two ticker lists, each failing once (404s are not retried).
        #expect(server.receivedRequests.count == 4)
    }

    // MARK: Bybit open interest history

    /// `open-interest` rows in Bybit's shape, newest first as given: both-sided `openInterest` (USD contracts for
    /// an inverse symbol) and the single side, strings; the cursor percent-encoded as Bybit sends it.
    static func bybitOpenInterest(_ times: [Int64], cursor: String) -> String {
        let rows = times.map {
            #"{"openInterest":"500000000","singleOpenInterest":"250000000","timestamp":"\#($0)"}"#
        }
        return bybit(
            #"{"symbol":"BTCUSD","category":"inverse","list":["# + rows.joined(separator: ",")
                + #"],"nextPageCursor":"\#(cursor)"}"#)
    }

    static let bybitOIFirst =
        "/v5/market/open-interest?category=inverse&symbol=BTCUSD&intervalTime=5min&limit=200"
        + "&startTime=1760054400000&endTime=1760140799999"
    /// Page 2 follows the cursor Bybit sent (`lastid%3D200`), sent back verbatim, the window kept.
    static let bybitOISecond = bybitOIFirst + "&cursor=lastid%3D200"
    /// 23:55 back by 5 minutes: 200 rows to 07:20 (23:55 − 199 × 5 min), then 88 rows 07:15 … 00:00 (87 steps of
    /// 5 minutes = 435 min = 7 h 15 min) and 23:55 of the day before.
    static let bybitOIFirstTimes = (0..<200).map { dayEnd - 300_000 - Int64($0) * 300_000 }
    static let bybitOISecondTimes = (200..<289).map { dayEnd - 300_000 - Int64($0) * 300_000 }

    /// Through `liqpipe backfill`: the inverse BTCUSD asked with `category=inverse` (from the instruments), two
    /// pages by cursor, the day's 288 five-minute rows stored once, the previous day's row dropped, a re-run asking
    /// nothing.
    @Test func bybitOpenInterestFollowsTheCursorWithTheInverseCategory() throws {
        #expect(
            Self.bybitOISecondTimes.first == 1_760_080_500_000
                && Self.bybitOISecondTimes.last == Self.dayStart - 300_000)
        let server = try Shared.venue(
            fixtures: "bybit",
            [
                Self.bybitOIFirst: Self.bybitOpenInterest(Self.bybitOIFirstTimes, cursor: "lastid%3D200"),
                Self.bybitOISecond: Self.bybitOpenInterest(Self.bybitOISecondTimes, cursor: "lastid%3D289"),
            ])
        defer { server.stop() }
        let directory = try ProjectPaths.temporaryDirectory("rest-history-bybit")
        let venue =
            #"{"venue": "bybit", "baseURL": "\#(server.baseURL)", "symbols": ["BTCUSD"], "feeds": ["openInterest"]}"#
        let result = try Self.backfill(venue, directory: directory)
        #expect(result.code == .success, "\(result.err)\(result.out)")
        #expect(result.out.contains("1 items planned: 1 done (288 records in 1 files)"), "\(result.out)")
        #expect(
            server.receivedRequests.map(\.target).filter { $0.hasPrefix("/v5/market/open-interest") } == [
                Self.bybitOIFirst, Self.bybitOISecond,
            ])
        let lines = try Self.stored(
            directory, feed: "openInterest", venue: "bybit", symbol: "BTCUSD", dataset: "openInterestHistory")
        #expect(lines.count == 288)
        #expect(lines.first?.hasPrefix("1760054400000,") == true && lines.last?.hasPrefix("1760140500000,") == true)
        let requests = server.receivedRequests.count
        #expect(try Self.backfill(venue, directory: directory).code == .success)
        #expect(server.receivedRequests.count == requests)
    }

    /// A full page reaching back before the day ends the item without asking for the venue's next page (which
    /// would be a 404 here and fail it). Our spacing: Bybit's 200 rows ten minutes apart from 23:50 go back
    /// 199 × 10 min = 33 h 10 min, to 14:40 of the day before; OKX's 100 details are 99 of those (to 07:30) and one
    /// at 23:00 of the day before.
    @Test(arguments: ["funding", "openInterest", "liquidations"])
    func aFullPageReachingBeforeTheDayIsTheLastOne(feed: String) throws {
        let times = (0..<200).map { Self.dayEnd - 600_000 - Int64($0) * 600_000 }
        let answers: [String: String]
        let item: BackfillItem
        let spec: (LoopbackHTTPServer) -> VenueSpec
        switch feed {
        case "funding":
            answers = [Self.bybitFundingFirst: Self.bybitFunding(times)]
            item = BackfillItem(venue: .bybit, dataset: "fundingHistory", symbol: "BTCUSDT", period: Self.period)
            spec = { Self.bybitSpec(symbols: ["BTCUSDT"], feeds: [.funding], server: $0) }
        case "openInterest":
            answers = [Self.bybitOIFirst: Self.bybitOpenInterest(times, cursor: "lastid%3D200")]
            item = BackfillItem(venue: .bybit, dataset: "openInterestHistory", symbol: "BTCUSD", period: Self.period)
            spec = { Self.bybitSpec(symbols: ["BTCUSD"], feeds: [.openInterest], server: $0) }
        default:
            answers = [
                "/api/v5/public/instruments?instType=FUTURES": Self.okxFutures,
                Self.okxFirst: Self.okxLiquidations([("BTC-USD-251226", times.prefix(99) + [1_760_050_800_000])]),
            ]
            item = BackfillItem(
                venue: .okx, dataset: "liquidationHistory", symbol: "BTC-USD-251226", period: Self.period)
            spec = {
                Shared.spec(.okx, symbols: ["BTC-USD-251226"], feeds: [.liquidations], server: $0, nowMs: Self.dayEnd)
            }
        }
        let server = try Shared.venue(fixtures: "bybit", answers)
        defer { server.stop() }
        let (outcome, records) = try Shared.run(try Shared.source(spec(server)), item)
        #expect(outcome == .done)
        #expect(records.count == (feed == "liquidations" ? 100 : 200))
        let history = ["/v5/market/funding/", "/v5/market/open-interest", "/api/v5/public/liquidation-orders"]
        #expect(server.receivedRequests.filter { r in history.contains { r.target.hasPrefix($0) } }.count == 1)
    }

    // MARK: OKX liquidation orders

    /// OKX `instruments?instType=FUTURES` in OKX's shape (strings): two inverse BTC-USD futures of 100 USD.
    static let okxFutures =
        #"{"code":"0","msg":"","data":["#
        + ["BTC-USD-251226", "BTC-USD-251003"].map {
            #"{"instType":"FUTURES","instId":"\#($0)","uly":"BTC-USD","instFamily":"BTC-USD","settleCcy":"BTC","ctVal":"100","ctMult":"1","ctValCcy":"USD","ctType":"inverse","state":"live"}"#
        }.joined(separator: ",") + "]}"

    /// `liquidation-orders` in OKX's shape: one row per instrument with its details (`ts` strings, contracts).
    static func okxLiquidations(_ rows: [(instID: String, times: [Int64])]) -> String {
        let data = rows.map { row in
            let details = row.times.map {
                #"{"bkLoss":"0","bkPx":"60000.5","ccy":"","posSide":"long","side":"sell","sz":"3","ts":"\#($0)"}"#
            }
            return #"{"details":["# + details.joined(separator: ",")
                + #"],"instFamily":"BTC-USD","instId":"\#(row.instID)","instType":"FUTURES","totalLoss":"0","uly":"BTC-USD"}"#
        }
        return #"{"code":"0","msg":"","data":["# + data.joined(separator: ",") + "]}"
    }

    static let okxFirst =
        "/api/v5/public/liquidation-orders?instType=FUTURES&uly=BTC-USD&state=filled&limit=100&after=1760140800000"
    /// Page 1: 100 details a minute apart (our spacing), 60 of 251226 (23:59 … 23:00) and 40 of 251003
    /// (22:59 … 22:20); the oldest is 1,760,140,800,000 − 100 × 60,000 = 1,760,134,800,000, so page 2 asks for
    /// those before its next millisecond (the oldest millisecond again, where a cascade may continue).
    static let okxSecond =
        "/api/v5/public/liquidation-orders?instType=FUTURES&uly=BTC-USD&state=filled&limit=100&after=1760134800001"
    static let futureTimes = (1...60).map { dayEnd - Int64($0) * 60_000 }
    static let otherFutureTimes = (61...100).map { dayEnd - Int64($0) * 60_000 }

    /// Through `liqpipe backfill`: both futures of the underlying ask the same pages; each stores only its own
    /// details, the one repeated across pages once and the previous day's none; a re-run asks nothing.
    @Test func okxLiquidationOrdersPageByAfterAndKeepOnlyTheItemsInstrument() throws {
        let server = try Shared.venue([
            "/api/v5/public/instruments?instType=FUTURES": Self.okxFutures,
            Self.okxFirst: Self.okxLiquidations([
                ("BTC-USD-251226", Self.futureTimes), ("BTC-USD-251003", Self.otherFutureTimes),
            ]),
            // Page 2: 22:20 of 251003 again, 12:00 of 251226 (1,760,097,600,000) and 23:00 of the day before.
            Self.okxSecond: Self.okxLiquidations([
                ("BTC-USD-251003", [1_760_134_800_000]), ("BTC-USD-251226", [1_760_097_600_000, 1_760_050_800_000]),
            ]),
        ])
        defer { server.stop() }
        let directory = try ProjectPaths.temporaryDirectory("rest-history-okx")
        let venue =
            #"{"venue": "okx", "baseURL": "\#(server.baseURL)", "symbols": ["BTC-USD-251226", "BTC-USD-251003"], "#
            + #""feeds": ["liquidations"]}"#
        let result = try Self.backfill(venue, directory: directory)
        #expect(result.code == .success, "\(result.err)\(result.out)")
        #expect(result.out.contains("2 items planned: 2 done (101 records in 2 files)"), "\(result.out)")
        let pages = server.receivedRequests.map(\.target).filter { $0.hasPrefix("/api/v5/public/liquidation-orders") }
        // One item per future, each asking both pages (the items run on parallel workers: order across items free).
        #expect(pages.sorted() == [Self.okxFirst, Self.okxFirst, Self.okxSecond, Self.okxSecond].sorted())
        let future = try Self.stored(
            directory, feed: "liquidations", venue: "okx", symbol: "BTC-USD-251226", dataset: "liquidationHistory")
        // 60 on page 1 and 12:00 on page 2; 23:00 of the day before is not this day's.
        #expect(future.count == 61 && future.allSatisfy { $0.contains(",BTC-USD-251226,") })
        let other = try Self.stored(
            directory, feed: "liquidations", venue: "okx", symbol: "BTC-USD-251003", dataset: "liquidationHistory")
        // 40 on page 1; 22:20 repeated on page 2 is the same event and is stored once.
        #expect(other.count == 40 && other.allSatisfy { $0.contains(",BTC-USD-251003,") })
        let requests = server.receivedRequests.count
        #expect(try Self.backfill(venue, directory: directory).code == .success)
        #expect(server.receivedRequests.count == requests)
    }
}
