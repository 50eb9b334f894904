public import LiqCore

/// One liquidation cascade of one asset and side, from onset to exhaustion (or to the end of the data).
public struct CascadeEvent: Sendable, Equatable {
    /// Stable id: FNV-1a 64 of `asset|side|startMs` in hex, identical between runs.
    public var id: String
    /// Base asset, e.g. `BTC`.
    public var baseAsset: String
    /// The liquidated positions.
    public var side: PositionSide
    /// Last state the event reached: `.onset`, `.active` or `.exhausted`.
    public var state: CascadeState
    /// First minute of the event, Unix ms: the first abnormal minute of the run that led to the onset, since the
    /// price confirmation lags the flush by a few minutes (at most the price window).
    public var startMs: Int64
    /// Minute with the most liquidated USD of this side.
    public var peakMs: Int64
    /// Exhaustion minute: the first of the consecutive minutes that confirmed it; nil while the event still runs.
    public var endMs: Int64?
    /// Minute every onset rule first held: when a live run raised the signal (≥ `startMs`).
    public var detectedMs: Int64
    /// Minute exhaustion was confirmed (`endMs` + the confirming minutes − 1); nil while the event still runs.
    public var confirmedMs: Int64?
    /// Liquidated USD of this side from start to end (or the last minute), summed over venues.
    public var totalUSD: Double
    /// Liquidated USD in the peak minute.
    public var peakMinuteUSD: Double
    /// Price change from the close before the start to the close of the last event minute, basis points; nil
    /// without prices.
    public var priceMoveBps: Double?
    /// Exhaustion rules holding in the last event minute, 0–5.
    public var exhaustionScore: Int
    /// Hawkes branching ratio n̂ at the peak minute when the caller supplied one.
    public var branchingRatio: Double?
    /// Share of `totalUSD` per venue.
    public var venueShares: [Venue: Double]
    /// Venues whose liquidation feeds covered the event.
    public var venues: [Venue]
    /// True when a sampled feed contributed: totals are lower bounds.
    public var lowerBound: Bool
    /// Onset rules at the start, then the exhaustion rules of the last evaluated minute.
    public var reasons: [CascadeReason]

    /// The reasons as one readable line.
    public var reasonsText: String { reasons.map(\.text).joined(separator: "; ") }

    static func makeID(asset: String, side: PositionSide, startMs: Int64) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "\(asset)|\(side.rawValue)|\(startMs)".utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
