import Foundation
import LiqCLI
import LiqCore
import LiqEmit
import LiqTestSupport
import Synchronization
import Testing

/// A simulated day of scheduled operation: an OKX-shaped venue publishes liquidations all day, `run` is started
/// every three hours (one of them during an outage of the venue's liquidation endpoint), and at the end the store
/// holds every liquidation of the day exactly once and the health outputs say the feed is fine again.
@Suite struct StoreRunDayTests {
    /// One liquidation detail as OKX publishes it.
    struct Detail {
        var instrument: String
        var timeMs: Int64
        var size: Int
        var price: Double
        var long: Bool

        var json: String {
            #"{"bkLoss":"0","bkPx":"\#(price)","ccy":"","posSide":"\#(long ? "long" : "short")","#
                + #""side":"\#(long ? "sell" : "buy")","sz":"\#(size)","ts":"\#(timeMs)"}"#
        }
    }

    static let day: Int64 = 1_760_054_400_000  // 2025-10-10T00:00:00Z

    /// 24 h of seeded liquidations for two linear swaps, about 40 an hour each, never two at one millisecond of
    /// one instrument.
    static func dayOfLiquidations() -> [Detail] {
        var random = SplitMix64(seed: 24)
        var details: [Detail] = []
        for (instrument, basePrice) in [("BTC-USDT-SWAP", 112_000.0), ("ETH-USDT-SWAP", 4_100.0)] {
            var time = day
            while true {
                time += Int64.random(in: 1_000...170_000, using: &random)
                guard time < day + 86_400_000 else { break }
                details.append(
                    Detail(
                        instrument: instrument, timeMs: time, size: Int.random(in: 1...400, using: &random),
                        price: (basePrice * Double.random(in: 0.97...1.03, using: &random) * 10).rounded() / 10,
                        long: Bool.random(using: &random)))
            }
        }
        return details
    }

    /// `liquidation-orders` over the details published by `nowMs`: newest first, `after` exclusive, `limit` rows.
    static func liquidationOrders(_ target: String, details: [Detail], nowMs: Int64) -> CannedResponse? {
        guard target.hasPrefix("/api/v5/public/liquidation-orders?") else { return nil }
        var query: [String: String] = [:]
        for pair in target.split(separator: "?")[1].split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            query[parts[0]] = parts.count > 1 ? parts[1] : ""
        }
        let underlying = query["uly"] ?? ""
        let after = query["after"].flatMap { Int64($0) } ?? .max
        let limit = Int(query["limit"] ?? "100") ?? 100
        let page = details.filter {
            $0.instrument.hasPrefix(underlying + "-") && $0.timeMs <= nowMs && $0.timeMs < after
        }.sorted { $0.timeMs > $1.timeMs }.prefix(limit)
        let instrument = underlying + "-SWAP"
        let data =
            page.isEmpty
            ? ""
            : #"{"details":[\#(page.map(\.json).joined(separator: ","))],"instFamily":"\#(underlying)","#
                + #""instId":"\#(instrument)","instType":"SWAP","totalLoss":"0","uly":"\#(underlying)"}"#
        return CannedResponse(
            status: 200, headers: [("Content-Type", "application/json")],
            body: Array(#"{"code":"0","msg":"","data":[\#(data)]}"#.utf8))
    }

    @Test func aDayOfRunsStoresEveryLiquidationOnceAndReportsHealth() throws {
        let details = Self.dayOfLiquidations()
        let nowMs = Mutex(Self.day)
        let outage = Mutex(false)
        let server = try LoopbackHTTPServer { request in
            if request.target.hasPrefix("/api/v5/public/liquidation-orders"), outage.withLock({ $0 }) {
                return CannedResponse(status: 503, text: #"{"code":"50001","msg":"Service temporarily unavailable"}"#)
            }
            return Self.liquidationOrders(request.target, details: details, nowMs: nowMs.withLock { $0 })
                ?? RunCommandTests.okxFixtureResponse(request.target)
        }
        defer { server.stop() }
        let directory = try ProjectPaths.temporaryDirectory("store-day")
        let spec = directory + "/spec.json"
        try AtomicFile.write(
            Array(
                """
                {"name": "day", "venues": [{"venue": "okx", "baseURL": "\(server.baseURL)", "maxPages": 5,
                  "feeds": ["liquidations"], "symbols": ["BTC-USDT-SWAP", "ETH-USDT-SWAP"]}],
                 "outputs": {"directory": "\(directory)/out"},
                 "store": {"directory": "store", "stateDirectory": "state", "windowHours": 48},
                 "http": {"maxAttempts": 1}}
                """.utf8), to: spec)

        var codes: [Int32] = []
        for hour in stride(from: 3, through: 24, by: 3) {
            nowMs.withLock { $0 = Self.day + Int64(hour) * 3_600_000 }
            // The venue's liquidation endpoint is down for the 12:00 run: the 15:00 one catches up six hours,
            // more than a page of 100 per instrument.
            outage.withLock { $0 = hour == 12 }
            let captured = CapturedConsole()
            codes.append(CLI.run(["run", spec, "--quiet"], console: captured.console))
        }
        // Every run succeeds but the outage's, which ingested nothing (exit 1) and left the outputs as they were.
        #expect(codes == [0, 0, 0, 1, 0, 0, 0, 0])

        // Every liquidation of the day is in the store exactly once, the 09:00–12:00 ones included.
        var stored: [LiquidationEvent] = []
        for symbol in ["BTC-USDT-SWAP", "ETH-USDT-SWAP"] {
            let path = "\(directory)/store/feed=liquidations/venue=okx/symbol=\(symbol)/date=2025-10-10/run.csv"
            stored += try LiquidationsCSV.decode(try FileBytes.read(path, maxBytes: 1 << 26), origin: path)
        }
        #expect(stored.count == details.count)
        #expect(Set(stored.map(\.eventID)).count == stored.count)
        let missing = Set(details.map(\.timeMs)).subtracting(stored.map(\.timestampMs))
        #expect(missing.isEmpty, "\(missing.count) liquidations of the day are not in the store")
        // Linear swaps: base = sz × ctVal (BTC 0.01, ETH 0.1), USD = base × bkPx; summed independently.
        let expectedUSD = details.reduce(0.0) { total, detail in
            total + Double(detail.size) * (detail.instrument.hasPrefix("BTC") ? 0.01 : 0.1) * detail.price
        }
        let storedUSD = stored.reduce(0.0) { $0 + $1.notionalUSD }
        #expect(abs(storedUSD - expectedUSD) < 1e-6 * expectedUSD, "\(storedUSD) vs \(expectedUSD)")
        let rows =
            try String(contentsOfFile: directory + "/out/liquidations.csv", encoding: .utf8)
            .split(separator: "\n").count - 1
        #expect(rows == details.count)

        let snapshot = try JSONNode.parse(
            try FileBytes.read(directory + "/out/snapshot.json", maxBytes: 1 << 24), origin: "snapshot.json")
        let feed = try #require(try snapshot.member("sources").member("feeds").elements().first)
        #expect(try feed.member("feed").string() == "liquidations")
        #expect(try feed.member("status").string() == "ok")
        #expect(try feed.member("consecutiveFailures").int64() == 0)
        #expect(try feed.member("lastError").string().contains("HTTP 503"))
        #expect(try feed.member("newestRecordMs").int64() == details.map(\.timeMs).max())
        let prom = try String(contentsOfFile: directory + "/out/liqpipe.prom", encoding: .utf8)
        #expect(
            prom.contains(
                #"liqpipe_records_ingested_total{spec="day",venue="okx",feed="liquidations"} "#
                    + "\(details.count)\n"), "\(prom)")
        #expect(prom.contains(#"liqpipe_source_errors_total{spec="day",venue="okx",feed="liquidations"} 1"#))
        #expect(prom.contains(#"liqpipe_run_exit_code{spec="day"} 0"#))
    }
}
