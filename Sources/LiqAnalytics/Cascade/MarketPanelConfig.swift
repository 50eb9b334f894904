/// How stale inputs may be carried forward when building a `MarketPanel`.
public struct MarketPanelConfig: Sendable, Equatable {
    /// An instrument's open interest is carried forward at most this many minutes (venues poll OI every 1–5 min).
    public var openInterestMaxAgeMinutes: Int
    /// A funding sample is carried forward at most this many minutes (settled funding is published every 8 h).
    public var fundingMaxAgeMinutes: Int

    public init(openInterestMaxAgeMinutes: Int = 10, fundingMaxAgeMinutes: Int = 480) {
        self.openInterestMaxAgeMinutes = openInterestMaxAgeMinutes
        self.fundingMaxAgeMinutes = fundingMaxAgeMinutes
    }
}
