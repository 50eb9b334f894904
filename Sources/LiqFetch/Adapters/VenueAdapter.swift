public import LiqCore

/// One venue's endpoints and decoders behind one interface (the cryptofeed/tardis shape), so the run, the
/// backfill, `liqpipe decode` and the tests drive every venue the same way.
///
/// A run asks for reference data first (instruments, intervals, marks), because normalising any feed needs it,
/// then for the feeds themselves, following pages back in time up to `selection.maxPages`.
public protocol VenueAdapter: Sendable {
    var venue: Venue { get }
    var selection: VenueSelection { get }
    /// Whether the venue's liquidation source reports every liquidation or a sample (Binance: ≤ 1/symbol/s).
    var liquidationCompleteness: FeedCompleteness { get }
    /// The venue's public REST limit per IP and how it reports usage.
    var rateLimitPolicy: RateLimitPolicy { get }

    /// Requests whose answers the normaliser needs before any feed.
    func referenceRequests() -> [VenueRequest]

    /// Folds the answer to one reference request into `reference`.
    func absorbReference(_ document: JSONNode, for request: VenueRequest, into reference: inout ReferenceData) throws

    /// Requests for the selected feeds that have a REST source.
    func feedRequests(reference: ReferenceData) throws -> [VenueRequest]

    /// Decodes the answer to one feed request; only the selected symbols are kept.
    func decodeFeed(_ document: JSONNode, for request: VenueRequest) throws -> [VenueRecord]

    /// The same records as `decodeFeed` straight from the body bytes, for high-volume payloads with a byte-level
    /// decoder (`FastPath/`); nil means "parse and call `decodeFeed`", which also produces any error.
    func fastDecodeFeed(_ body: [UInt8], for request: VenueRequest) -> [VenueRecord]?

    /// The request for the next (older) page after `request` answered `document`, or nil when there is none:
    /// the page was short, the venue gave no cursor, or the request is not paginated.
    func nextPage(after request: VenueRequest, document: JSONNode, records: [VenueRecord]) throws -> VenueRequest?

    /// A decoder for one ordered stream of this venue's messages (a capture file, a WebSocket connection).
    func makeStreamDecoder() -> any StreamDecoder

    /// Why `feed` has no REST source on this venue, or nil when it has one.
    func restUnavailability(of feed: Feed) -> String?
}

extension VenueAdapter {
    /// Venues without a byte-level decoder take the tree path for everything.
    public func fastDecodeFeed(_ body: [UInt8], for request: VenueRequest) -> [VenueRecord]? { nil }
}
