/// The synthetic day's clock: its start (ms since the epoch) and length, and the venues' common times.
struct SynthDay: Sendable, Equatable {
    var startMs: Int64
    var minutes: Int

    var endMs: Int64 { startMs + Int64(minutes) * 60_000 }

    /// Funding settlements every 8 hours (00:00, 08:00, 16:00 UTC) from the start through the end, ascending.
    var settlements: [Int64] {
        stride(from: startMs, through: endMs, by: 8 * 3_600_000).map { $0 }
    }

    /// The first settlement after the end (the `nextFundingTime` of a snapshot taken at the end).
    var nextSettlement: Int64 { nextSettlement(after: endMs) }

    /// The first 8-hourly settlement after `ms`.
    func nextSettlement(after ms: Int64) -> Int64 {
        let period: Int64 = 8 * 3_600_000
        return (ms / period + 1) * period
    }

    /// The minute index holding `ms`, clamped to the day.
    func minute(of ms: Int64) -> Int { max(0, min(minutes - 1, Int((ms - startMs) / 60_000))) }
}
