public import LiqAnalytics

/// The cascade detector's thresholds and the minute panel's staleness limits, every one a spec parameter
/// (`cascades` section, keys named as the fields) with DOMAIN.md §5 defaults.
public struct CascadeSpec: Sendable, Equatable {
    public var detector = CascadeDetectorConfig()
    public var panel = MarketPanelConfig()
    /// Rolling Hawkes branching ratio: trailing window and refit cadence in minutes, minimum events per fit.
    public var hawkesWindowMinutes = 360
    public var hawkesRefitEveryMinutes = 15
    public var hawkesMinimumEvents = 200
}
