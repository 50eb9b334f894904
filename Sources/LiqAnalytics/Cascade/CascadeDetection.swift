public import LiqCore

/// What the detector found over a set of panels.
public struct CascadeDetection: Sendable, Equatable {
    /// One state change of one asset and side.
    public struct Transition: Sendable, Equatable {
        public var baseAsset: String
        /// The liquidated positions the state machine follows.
        public var side: PositionSide
        /// Minute the new state starts, Unix ms.
        public var minuteMs: Int64
        public var from: CascadeState
        public var to: CascadeState
    }

    /// Where an asset and side stand at the last minute of its panel (for `snapshot.json`).
    public struct AssetState: Sendable, Equatable {
        public var baseAsset: String
        /// The liquidated positions the state machine follows.
        public var side: PositionSide
        /// State at the panel's last minute.
        public var state: CascadeState
        /// Minute the state was entered; nil when idle since the start.
        public var sinceMs: Int64?
        /// The running or last event's id when not idle.
        public var eventID: String?
    }

    /// At least `marketWideAssets` assets started an event within the window ending at `minuteMs`.
    public struct MarketWideFlag: Sendable, Equatable {
        /// Start minute of the event that completed the set, Unix ms.
        public var minuteMs: Int64
        /// Assets whose events started in the window, sorted.
        public var assets: [String]
    }

    /// Events ordered by start, asset, side.
    public var events: [CascadeEvent]
    /// State changes in time order.
    public var transitions: [Transition]
    /// Current state per asset and side, ordered by asset then side.
    public var states: [AssetState]
    public var marketWideFlags: [MarketWideFlag]
}
