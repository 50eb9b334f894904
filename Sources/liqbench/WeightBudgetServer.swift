import Foundation
import LiqTestSupport
import Synchronization

/// A loopback HTTP server (127.0.0.1 only) that enforces a request-weight budget the way Binance does: each request
/// costs the weight its `weight` query parameter states, the budget is `capacity` per clock-aligned window of
/// `windowSeconds`, a request that would pass it is answered 429 with `Retry-After` (and not counted), and every
/// answer reports the weight used in the current window in `usageHeader` (Binance: `X-MBX-USED-WEIGHT-1M`).
final class WeightBudgetServer: Sendable {
    /// What the server saw, for the report.
    struct Tally: Sendable {
        var accepted = 0
        var acceptedWeight = 0.0
        var rejected = 0
        /// Weight accepted per window, by window index (epoch seconds / window length, rounded down).
        var weightByWindow: [Int: Double] = [:]
        var firstRequestAt: Double?
        var lastRequestAt = 0.0
    }

    let capacity: Double
    let windowSeconds: Double
    let usageHeader: String
    /// The tally behind a reference, so the server's handler and this object share it.
    private final class Counter: Sendable {
        let tally = Mutex(Tally())
    }

    private let counter = Counter()
    private let server: LoopbackHTTPServer

    var baseURL: String { server.baseURL }
    var snapshot: Tally { counter.tally.withLock { $0 } }

    init(capacity: Double, windowSeconds: Double, usageHeader: String) throws {
        self.capacity = capacity
        self.windowSeconds = windowSeconds
        self.usageHeader = usageHeader
        let counter = self.counter
        server = try LoopbackHTTPServer { request in
            let weight =
                request.target.split(separator: "?").last?.split(separator: "&")
                .first { $0.hasPrefix("weight=") }.flatMap { Double($0.dropFirst("weight=".count)) } ?? 1
            // The same clock as the client's limiter (`SystemFetchClock`: CLOCK_REALTIME), so windows line up as they
            // do with a venue whose clock is in sync.
            let now = Date().timeIntervalSince1970
            let window = Int((now / windowSeconds).rounded(.down))
            let (used, admitted): (Double, Bool) = counter.tally.withLock { tally in
                tally.firstRequestAt = tally.firstRequestAt ?? now
                tally.lastRequestAt = now
                let used = tally.weightByWindow[window, default: 0]
                guard used + weight <= capacity else {
                    tally.rejected += 1
                    return (used, false)
                }
                tally.weightByWindow[window] = used + weight
                tally.accepted += 1
                tally.acceptedWeight += weight
                return (used + weight, true)
            }
            let usage = (name: usageHeader, value: String(Int(used)))
            guard admitted else {
                let retryAfter = Int((Double(window + 1) * windowSeconds - now).rounded(.up))
                return CannedResponse(
                    status: 429, headers: [usage, ("Retry-After", String(max(1, retryAfter)))],
                    text: #"{"code":-1003,"msg":"Too many requests."}"#)
            }
            return CannedResponse(
                headers: [usage, ("Content-Type", "application/json")], text: #"[[1760126400000,"121300.1"]]"#)
        }
    }

    func stop() { server.stop() }
}
