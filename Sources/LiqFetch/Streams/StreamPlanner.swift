public import LiqCore

/// What a venue's WebSocket collector connects to: the connections that carry the requested feeds, and the
/// answers the venue expects to its own control messages.
///
/// Feeds the venue does not stream (Binance open interest is REST only) are left out of the plan: the run fetches
/// them over REST. A feed that needs instruments (a per-symbol topic) with none in `reference` is an
/// `UnplannableFeedError`, never an empty connection.
public protocol StreamPlanner: Sendable {
    /// Connections that together carry the requested feeds for the instruments in `reference` (the selection).
    /// `baseURL` replaces the venue's stream base URL (`VenueCatalog.defaultStreamURL(for:)`); the planner
    /// appends its paths and queries to it.
    func endpoints(reference: ReferenceData, feeds: Set<Feed>, baseURL: String?) throws -> [StreamEndpoint]
    /// A text frame to send back in answer to a received message, or nil (most venues never ask).
    func reply(to message: [UInt8]) -> String?
}

extension StreamPlanner {
    public func reply(to message: [UInt8]) -> String? { nil }
}
