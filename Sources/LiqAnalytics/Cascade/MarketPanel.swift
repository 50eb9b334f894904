/// The per-minute view of one base asset that the cascade detector reads: one row per UTC minute from the first
/// to the last minute with any input for that asset, with no minute skipped.
public struct MarketPanel: Sendable, Equatable {
    public static let minuteMs: Int64 = 60_000

    /// Base asset, e.g. `BTC`.
    public var baseAsset: String
    /// Consecutive minutes in time order.
    public var rows: [MarketPanelRow]

    public init(baseAsset: String, rows: [MarketPanelRow]) {
        self.baseAsset = baseAsset
        self.rows = rows
    }

    /// Index of the row starting at `minuteMs`, nil outside the panel.
    public func index(ofMinute minuteMs: Int64) -> Int? {
        guard let first = rows.first?.minuteMs, minuteMs >= first, (minuteMs - first) % Self.minuteMs == 0 else {
            return nil
        }
        let index = Int((minuteMs - first) / Self.minuteMs)
        return index < rows.count ? index : nil
    }

    /// Start of the UTC minute holding `timestampMs`.
    static func floorMinute(_ timestampMs: Int64) -> Int64 {
        let remainder = timestampMs % minuteMs
        return timestampMs - (remainder < 0 ? remainder + minuteMs : remainder)
    }
}
