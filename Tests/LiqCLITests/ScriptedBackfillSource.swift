import LiqCore
import Synchronization

@testable import LiqCLI

/// A backfill source for tests: deterministic records per item, told which items are missing or fail, and able
/// to stop the run after some items as a kill would.
struct ScriptedBackfillSource: BackfillSource {
    /// Counts items run, shared by copies; `stopAfter` items in, the next one throws `CancellationError`.
    final class Counter: Sendable {
        let runs = Atomic(0)
        let stopAfter: Int?
        init(stopAfter: Int? = nil) { self.stopAfter = stopAfter }
    }

    struct Failure: Error, CustomStringConvertible {
        var key: String
        var description: String { "scripted failure of \(key)" }
    }

    var venue: Venue = .binanceUSDM
    var dataset = "liquidationSnapshot"
    /// One item per month, funding every 8 h (like a monthly funding archive); else one item per day of
    /// liquidations.
    var monthly = false
    var missing: Set<String> = []
    var failing: Set<String> = []
    var counter = Counter()
    /// Also emits a liquidation at the first millisecond after the day (a file that strays over midnight).
    var strays = false

    func items(symbols: [String], from: UTCDate, to: UTCDate) -> [BackfillItem] {
        let periods = monthly ? BackfillPeriod.months(from: from, to: to) : BackfillPeriod.days(from: from, to: to)
        return symbols.flatMap { symbol in
            periods.map { BackfillItem(venue: venue, dataset: dataset, symbol: symbol, period: $0) }
        }
    }

    func run(_ item: BackfillItem, worker: BackfillWorkerClient, emit: ([VenueRecord]) throws -> Void) throws
        -> BackfillItemOutcome
    {
        let count = counter.runs.add(1, ordering: .relaxed).newValue
        if let stop = counter.stopAfter, count > stop { throw CancellationError() }
        if missing.contains(item.key) { return .missing(reason: "HTTP 404 for \(item.key)") }
        if failing.contains(item.key) { throw Failure(key: item.key) }
        if monthly {
            // Funding every 8 h through the month, in batches of one day.
            var time = item.period.startMs
            while time < item.period.endMs {
                try emit(
                    (0..<3).map { index in
                        .funding(
                            VenueFunding(
                                venue: venue, symbol: item.symbol, timestampMs: time + Int64(index) * 28_800_000,
                                rate: 0.0001, intervalHours: 8, kind: .settled))
                    })
                time += BackfillPeriod.dayMs
            }
            return .done
        }
        // Three liquidations at 01:00, 02:00, 03:00 of the day, emitted newest first in two batches; the second
        // batch repeats the 02:00 one (overlapping pages), which the store keeps once.
        let day = Double(item.period.startMs / BackfillPeriod.dayMs % 100)
        func liquidation(_ hour: Int64) -> VenueRecord {
            .liquidation(
                VenueLiquidation(
                    venue: venue, symbol: item.symbol, timestampMs: item.period.startMs + hour * 3_600_000,
                    side: hour == 2 ? .short : .long, price: 100 + day + Double(hour), priceKind: .order,
                    quantity: 2, quantityUnit: .base, completeness: .sampled, venueID: "\(hour)"))
        }
        try emit([liquidation(3), liquidation(2)])
        try emit([liquidation(2), liquidation(1)] + (strays ? [liquidation(24)] : []))
        return .done
    }
}
