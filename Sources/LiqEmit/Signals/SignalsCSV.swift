public import LiqAnalytics

/// `signals.csv`: one row per cascade event, ordered by start, asset, side.
///
/// `end_ms` and `branching_ratio` are empty when unknown (event still running; no n̂ supplied). `coverage` is
/// `complete` or `lower_bound` (a sampled feed contributed), then `:` and the venues joined by `|`. `reasons`
/// is the readable list of onset and last exhaustion rules with their values.
public enum SignalsCSV {
    public static let fileName = "signals.csv"
    public static let columns = [
        "event_id", "base", "side", "state", "start_ms", "peak_ms", "end_ms", "total_usd", "peak_minute_usd",
        "price_move_bps", "exhaustion_score", "branching_ratio", "coverage", "reasons",
    ]

    public static func encode(_ detection: CascadeDetection) -> [UInt8] {
        var table = CSVTable(columns: columns)
        for event in detection.events {
            table.append([
                event.id, event.baseAsset, event.side.rawValue, event.state.rawValue, String(event.startMs),
                String(event.peakMs), event.endMs.map { String($0) } ?? "", NumberFormat.computed(event.totalUSD),
                NumberFormat.computed(event.peakMinuteUSD),
                event.priceMoveBps.map { NumberFormat.plain($0, fractionDigits: 2) } ?? "",
                String(event.exhaustionScore),
                event.branchingRatio.map { NumberFormat.plain($0, fractionDigits: 4) } ?? "",
                coverage(event), event.reasonsText,
            ])
        }
        return table.data
    }

    static func coverage(_ event: CascadeEvent) -> String {
        (event.lowerBound ? "lower_bound:" : "complete:") + event.venues.map(\.rawValue).joined(separator: "|")
    }
}
