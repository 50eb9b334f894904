public import LiqCore

/// Liquidated USD per base asset, side and venue: the headline numbers of a run.
///
/// Sums run in one fixed order (events sorted by time, venue, symbol, id; venues by name) so that the same input
/// gives the same bits, and an asset's total is the sum of its venue totals so the breakdown always adds up.
public struct LiquidationTotals: Sendable, Equatable {
    public struct VenueTotal: Sendable, Equatable {
        public var venue: Venue
        public var longUSD: Double
        public var shortUSD: Double
        public var events: Int
        /// `sampled` when any event came from a sampled feed: the total is then a lower bound.
        public var completeness: FeedCompleteness
    }

    public struct AssetTotal: Sendable, Equatable {
        public var baseAsset: String
        public var longUSD: Double
        public var shortUSD: Double
        public var events: Int
        public var venues: [VenueTotal]

        /// True when a sampled venue contributes, so the true total is at least this.
        public var isLowerBound: Bool { venues.contains { $0.completeness == .sampled } }
        public var totalUSD: Double { longUSD + shortUSD }
    }

    /// One entry per base asset, ordered by asset name.
    public var assets: [AssetTotal]

    public init(events: [LiquidationEvent]) {
        var perAsset: [String: [Venue: VenueTotal]] = [:]
        for position in events.indicesByTime(tieBreak: Self.canonicalOrder) {
            let event = events[position]
            var total =
                perAsset[event.baseAsset, default: [:]][event.venue]
                ?? VenueTotal(venue: event.venue, longUSD: 0, shortUSD: 0, events: 0, completeness: .complete)
            switch event.side {
            case .long: total.longUSD += event.notionalUSD
            case .short: total.shortUSD += event.notionalUSD
            }
            total.events += 1
            if event.completeness == .sampled { total.completeness = .sampled }
            perAsset[event.baseAsset, default: [:]][event.venue] = total
        }
        assets = perAsset.keys.sorted().map { asset in
            let venues = perAsset[asset, default: [:]].values.sorted { $0.venue < $1.venue }
            return AssetTotal(
                baseAsset: asset, longUSD: venues.reduce(0) { $0 + $1.longUSD },
                shortUSD: venues.reduce(0) { $0 + $1.shortUSD }, events: venues.reduce(0) { $0 + $1.events },
                venues: venues)
        }
    }

    /// The one order every output lists and sums liquidations in.
    public static func canonicalOrder(_ lhs: LiquidationEvent, _ rhs: LiquidationEvent) -> Bool {
        (lhs.timestampMs, lhs.venue, lhs.symbol, lhs.eventID) < (rhs.timestampMs, rhs.venue, rhs.symbol, rhs.eventID)
    }
}
