public import LiqCore

/// One connection the collector keeps: the venue, the planned endpoint, and the planner that answers the venue's
/// control messages.
public struct CollectorConnection: Sendable {
    public var venue: Venue
    public var endpoint: StreamEndpoint
    public var planner: any StreamPlanner

    public init(venue: Venue, endpoint: StreamEndpoint, planner: any StreamPlanner) {
        self.venue = venue
        self.endpoint = endpoint
        self.planner = planner
    }
}
