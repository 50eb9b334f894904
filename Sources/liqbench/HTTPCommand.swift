import Foundation
import LiqCore
import LiqFetch
import LiqPipeline
import Synchronization

/// `liqbench http`: the real fetch path — libcurl (`CurlHTTPClient`) through `ResilientFetcher` and one shared
/// `VenueFetchState`, on the workers of a Dispatch pipeline source as `liqpipe` runs them — against a loopback
/// server that enforces a weight budget and answers 429 beyond it (`WeightBudgetServer`). The client's
/// `RateLimitPolicy` states the same budget and usage header, as a venue adapter declares Binance's, scaled down
/// from 2,400 weight per minute so a run of a few windows takes seconds. Requests cycle through the weights Binance
/// charges for its market-data endpoints (1, 2, 5 and 10).
///
/// Reports the weight the server accepted per second as a fraction of the budget's rate, over the whole run and
/// over the windows that lay wholly inside it, the busiest window, and the 429s (targets: ≥ 90 %, none).
struct HTTPCommand {
    static let usage =
        "usage: liqbench http [--seconds S] [--threads 2,4] [--capacity C] [--window W]"

    /// Length of each run, one per thread count.
    var seconds = 25
    var threadCounts = [2, 4]
    /// Weight per window (Binance: 2,400 per 60 s).
    var capacity = 300
    var window = 5

    init?(options: ArraySlice<String>) {
        var options = options
        while let flag = options.popFirst() {
            if flag == "--threads" {
                guard let list = options.popFirst().flatMap(ChildRun.integers) else { return nil }
                threadCounts = list
                continue
            }
            guard let value = options.popFirst().flatMap({ Int($0) }), value > 0 else { return nil }
            switch flag {
            case "--seconds": seconds = value
            case "--capacity": capacity = value
            case "--window": window = value
            default: return nil
            }
        }
    }

    static let weights: [Double] = [1, 2, 5, 1, 10, 2, 1, 5]

    func run() {
        print("liqbench http — \(Machine.describe())")
        for threads in threadCounts { run(threads: threads) }
        print("peak RSS \((ProcessMemory.peakResidentBytes() ?? 0) >> 20) MiB")
    }

    /// One run with a fresh server and venue state, so each thread count starts from an idle budget.
    private func run(threads: Int) {
        let header = "X-MBX-USED-WEIGHT-\(window)S"
        let server: WeightBudgetServer
        do {
            server = try WeightBudgetServer(
                capacity: Double(capacity), windowSeconds: Double(window), usageHeader: header)
        } catch {
            ChildRun.fail("cannot start the loopback server: \(error)")
        }
        defer { server.stop() }
        let policy = RateLimitPolicy(
            capacity: Double(capacity), windowSeconds: Double(window), usageReport: .usedWeight(header: header))
        let state = VenueFetchState(venue: .binanceUSDM, policy: policy)
        let allowedPerSecond = Double(capacity) / Double(window)
        print(
            "server: \(capacity) weight per \(window) s clock-aligned window (\(allowedPerSecond) weight/s), 429 beyond "
                + "it, usage in \(header); client: \(threads) pipeline workers, libcurl + ResilientFetcher, policy "
                + "capacity \(capacity) / \(window) s, weights \(Self.weights.map { Int($0) }), \(seconds) s")

        let pipeline = Pipeline(name: "liqbench-http")
        let deadline = BenchClock.wall() + Double(seconds)
        let baseURL = server.baseURL
        let failures = Mutex<[String]>([])
        let fetched = pipeline.addSource("fetch", workers: threads, capacity: 64) { worker, emit in
            let fetcher = ResilientFetcher(
                transport: CurlHTTPClient(userAgent: "liqbench", usesEnvironmentProxy: false), venueState: state)
            var index = worker
            while BenchClock.wall() < deadline {
                let weight = Self.weights[index % Self.weights.count]
                index += threads
                let request = HTTPRequest(url: "\(baseURL)/fapi/v1/klines?symbol=BTCUSDT&weight=\(Int(weight))")
                do {
                    let response = try fetcher.get(request, weight: weight)
                    try emit(response.status)
                } catch let error as ResilientFetchError {
                    failures.withLock { $0.append("\(error)") }
                }
            }
        }
        let statuses = Mutex<[Int: Int]>([:])
        pipeline.addSink("count", input: fetched) { _ in
            { status in statuses.withLock { $0[status, default: 0] += 1 } }
        }
        let started = BenchClock.wall()
        do {
            try pipeline.run()
        } catch {
            ChildRun.fail("pipeline failed: \(error)")
        }
        let elapsed = BenchClock.wall() - started
        report(server.snapshot, elapsed: elapsed, allowedPerSecond: allowedPerSecond, state: state)
        let got = statuses.withLock { $0 }.sorted { $0.key < $1.key }.map { "\($0.value) × \($0.key)" }
        print("statuses the client got: \(got.joined(separator: ", "))\n")
        let errors = failures.withLock { $0 }
        if !errors.isEmpty { print("\(errors.count) requests failed, first: \(errors[0])") }
    }

    private func report(
        _ tally: WeightBudgetServer.Tally, elapsed: Double, allowedPerSecond: Double, state: VenueFetchState
    ) {
        let span = max(tally.lastRequestAt - (tally.firstRequestAt ?? tally.lastRequestAt), 1e-9)
        // Windows wholly inside the run: not the first (entered part-way) nor the last (left part-way).
        let windows = tally.weightByWindow.keys.sorted()
        let inner = windows.dropFirst().dropLast()
        let innerWeight = inner.reduce(0.0) { $0 + tally.weightByWindow[$1, default: 0] }
        let innerFraction = inner.isEmpty ? .nan : innerWeight / (Double(inner.count) * Double(capacity))
        let busiest = tally.weightByWindow.values.max() ?? 0
        print(
            String(
                format: """
                    %d requests accepted, weight %.0f in %.2f s (first to last request; pipeline %.2f s): \
                    %.1f weight/s = %.1f %% of the allowed rate
                    %d whole windows inside the run: %.1f %% of their budget used; busiest window %.0f of %d \
                    weight (%.1f %%)
                    429 responses: %d; requests sent by the client (retries included): %d
                    """, tally.accepted, tally.acceptedWeight, span, elapsed, tally.acceptedWeight / span,
                100 * tally.acceptedWeight / span / allowedPerSecond, inner.count, 100 * innerFraction, busiest,
                capacity, 100 * busiest / Double(capacity), tally.rejected, state.requestsSent))
    }
}
