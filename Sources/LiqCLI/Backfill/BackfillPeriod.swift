import LiqCore

/// The span of history one backfill item covers: a UTC day (daily archive files, one history query per day) or a
/// UTC month (monthly archive files such as funding rates).
enum BackfillPeriod: Sendable, Hashable, CustomStringConvertible {
    case day(UTCDate)
    case month(year: Int, month: Int)

    /// `YYYY-MM-DD` or `YYYY-MM`: the last component of the item key and of its ledger file name.
    var description: String {
        switch self {
        case .day(let date): date.description
        case .month(let year, let month):
            String(UTCDate(year: year, month: month, day: 1).description.prefix(7))
        }
    }

    /// First millisecond of the period (UTC, epoch ms).
    var startMs: Int64 {
        switch self {
        case .day(let date): date.startMs
        case .month(let year, let month): UTCDate(year: year, month: month, day: 1).startMs
        }
    }

    /// First millisecond after the period (exclusive end, epoch ms).
    var endMs: Int64 {
        switch self {
        case .day(let date): date.startMs + Self.dayMs
        case .month(let year, let month):
            month == 12
                ? UTCDate(year: year + 1, month: 1, day: 1).startMs
                : UTCDate(year: year, month: month + 1, day: 1).startMs
        }
    }

    func contains(timestampMs: Int64) -> Bool { timestampMs >= startMs && timestampMs < endMs }

    static let dayMs: Int64 = 86_400_000

    /// Every day of [from, to], inclusive, in order.
    static func days(from: UTCDate, to: UTCDate) -> [BackfillPeriod] {
        stride(from: from.startMs, through: to.startMs, by: Int(dayMs)).map { .day(UTCDate(timestampMs: $0)) }
    }

    /// Every month that [from, to] touches, in order: a monthly dataset's items for a range of days.
    static func months(from: UTCDate, to: UTCDate) -> [BackfillPeriod] {
        var periods: [BackfillPeriod] = []
        var (year, month) = (from.year, from.month)
        while (year, month) <= (to.year, to.month) {
            periods.append(.month(year: year, month: month))
            (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1)
        }
        return periods
    }
}
