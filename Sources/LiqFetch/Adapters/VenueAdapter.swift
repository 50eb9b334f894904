public import LiqCore

/// One venue's endpoints and decoders behind one interface (the cryptofeed/tardis shape), so the run, the
/// backfill and the tests drive every venue the same way.
///
/// A run asks for reference data first (instruments, intervals, marks), because normalising any feed needs it,
/// then for the feeds themselves.
public protocol VenueAdapter: Sendable {
    var venue: Venue { get }
    var selection: VenueSelection { get }
    /// Whether the venue's liquidation source reports every liquidation or a sample (Binance: ≤ 1/symbol/s).
    var liquidationCompleteness: FeedCompleteness { get }

    /// Requests whose answers the normaliser needs before any feed.
    func referenceRequests() -> [VenueRequest]

    /// Folds the answer to one reference request into `reference`.
    func absorbReference(_ document: JSONNode, for request: VenueRequest, into reference: inout ReferenceData) throws

    /// Requests for the selected feeds that have a REST source.
    func feedRequests(reference: ReferenceData) throws -> [VenueRequest]

    /// Decodes the answer to one feed request; only the selected symbols are kept.
    func decodeFeed(_ document: JSONNode, for request: VenueRequest) throws -> [VenueRecord]

    /// Decodes one stream message (a WebSocket push or a capture line).
    func decodeStreamMessage(_ message: JSONNode) throws -> [VenueRecord]

    /// Why `feed` has no REST source on this venue, or nil when it has one.
    func restUnavailability(of feed: Feed) -> String?
}
