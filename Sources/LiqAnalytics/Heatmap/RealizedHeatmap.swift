public import LiqCore

/// What was actually liquidated where: Σ USD notional of one base asset's liquidation events per (time bucket,
/// price band, side), all venues summed with the per-venue breakdown kept, on a shared `HeatmapGrid`.
///
/// Conservation is exact by construction in one fixed order: events are added in `LiquidationTotals.canonicalOrder`
/// into per-(cell, venue) sums, a cell is the sum of its venues (by venue name), and the asset totals are the sums
/// of the cells (by time, then band). So the breakdowns add up bit for bit and reruns give the same bits; against a
/// plain sum over the events the totals differ only by floating-point reassociation (≤ 1e-12 relative in practice).
///
/// Sparse: only cells with at least one event are stored, ordered by (time, band); `dense(maximumCells:)` gives the
/// full matrix renderers want.
public struct RealizedHeatmap: Sendable, Equatable {
    /// One venue's share of a cell.
    public struct VenueAmount: Sendable, Equatable {
        public var venue: Venue
        /// Liquidated long positions, USD.
        public var longUSD: Double
        /// Liquidated short positions, USD.
        public var shortUSD: Double
        public var events: Int
    }

    /// One non-empty cell: all venues summed, and each venue's share ordered by venue name.
    public struct Cell: Sendable, Equatable {
        public var cell: HeatmapCell
        /// Liquidated long positions, USD: the sum of `venues[].longUSD`.
        public var longUSD: Double
        /// Liquidated short positions, USD: the sum of `venues[].shortUSD`.
        public var shortUSD: Double
        public var events: Int
        public var venues: [VenueAmount]

        /// Long + short, USD.
        public var totalUSD: Double { longUSD + shortUSD }
    }

    /// A venue that contributed events, and whether its feed is sampled (then every cell it touches is a lower
    /// bound: Binance publishes at most one liquidation per symbol per second).
    public struct VenueCoverage: Sendable, Equatable {
        public var venue: Venue
        /// `sampled` when any of its events came from a sampled feed.
        public var completeness: FeedCompleteness
        public var events: Int
    }

    public let grid: HeatmapGrid
    /// Non-empty cells ordered by (time, band).
    public let cells: [Cell]
    /// Contributing venues ordered by name; a venue with no event of this asset is absent.
    public let coverage: [VenueCoverage]
    /// Σ cells' long USD, in cell order.
    public let longUSD: Double
    /// Σ cells' short USD, in cell order.
    public let shortUSD: Double
    public let events: Int

    /// Long + short, USD.
    public var totalUSD: Double { longUSD + shortUSD }

    /// True when a sampled venue contributes, so the true amounts are at least these.
    public var isLowerBound: Bool { coverage.contains { $0.completeness == .sampled } }

    /// Builds the heatmap of `grid.baseAsset`.
    ///
    /// Every event must be of that asset (callers partition by asset first; a stray one is a wiring bug and an
    /// error rather than a silent drop), have a finite positive price whose band index stays below 2^53, and a
    /// finite non-negative notional. A price exactly on a band edge belongs to the band above (`PriceBands`).
    public init(events: [LiquidationEvent], grid: HeatmapGrid) throws(RealizedHeatmapError) {
        let maximumBandIndex = 9_007_199_254_740_992.0  // 2^53: above it band indices and edges stop being exact
        var sums: [HeatmapCell: [Venue: VenueAmount]] = [:]
        var venueCoverage: [Venue: VenueCoverage] = [:]
        for position in events.indicesByTime(tieBreak: LiquidationTotals.canonicalOrder) {
            let event = events[position]
            guard event.baseAsset == grid.baseAsset else {
                throw .otherAsset(
                    eventID: event.eventID, venue: event.venue, symbol: event.symbol, found: event.baseAsset,
                    expected: grid.baseAsset)
            }
            guard event.price.isFinite, event.price > 0, event.price / grid.bands.widthUSD < maximumBandIndex else {
                throw .invalidPrice(
                    eventID: event.eventID, venue: event.venue, symbol: event.symbol, price: event.price)
            }
            guard event.notionalUSD.isFinite, event.notionalUSD >= 0 else {
                throw .invalidNotional(
                    eventID: event.eventID, venue: event.venue, symbol: event.symbol, notionalUSD: event.notionalUSD)
            }
            let cell = grid.cell(timestampMs: event.timestampMs, price: event.price)
            var amount =
                sums[cell, default: [:]][event.venue]
                ?? VenueAmount(venue: event.venue, longUSD: 0, shortUSD: 0, events: 0)
            switch event.side {
            case .long: amount.longUSD += event.notionalUSD
            case .short: amount.shortUSD += event.notionalUSD
            }
            amount.events += 1
            sums[cell, default: [:]][event.venue] = amount
            var covered =
                venueCoverage[event.venue] ?? VenueCoverage(venue: event.venue, completeness: .complete, events: 0)
            covered.events += 1
            if event.completeness == .sampled { covered.completeness = .sampled }
            venueCoverage[event.venue] = covered
        }
        let cells = sums.keys.sorted().map { cell in
            let venues = sums[cell, default: [:]].values.sorted { $0.venue < $1.venue }
            return Cell(
                cell: cell, longUSD: venues.reduce(0) { $0 + $1.longUSD },
                shortUSD: venues.reduce(0) { $0 + $1.shortUSD }, events: venues.reduce(0) { $0 + $1.events },
                venues: venues)
        }
        self.grid = grid
        self.cells = cells
        coverage = venueCoverage.values.sorted { $0.venue < $1.venue }
        longUSD = cells.reduce(0) { $0 + $1.longUSD }
        shortUSD = cells.reduce(0) { $0 + $1.shortUSD }
        self.events = cells.reduce(0) { $0 + $1.events }
    }

    /// First and last bucket start with an event, UTC epoch ms; nil when empty.
    public var bucketRangeMs: ClosedRange<Int64>? {
        guard let first = cells.first, let last = cells.last else { return nil }
        return first.cell.bucketStartMs...last.cell.bucketStartMs
    }

    /// Lowest and highest band with an event; nil when empty.
    public var bandRange: ClosedRange<Int64>? {
        guard let lowest = cells.map(\.cell.band).min(), let highest = cells.map(\.cell.band).max() else {
            return nil
        }
        return lowest...highest
    }

    /// The full times × bands matrix over the observed range, empty cells zero; empty when there are no events.
    ///
    /// `maximumCells` bounds memory: one stray price far from the rest would otherwise allocate millions of
    /// empty bands.
    public func dense(maximumCells: Int = 4_000_000) throws(RealizedHeatmapError) -> RealizedHeatmapMatrix {
        guard let times = bucketRangeMs, let bands = bandRange else {
            return RealizedHeatmapMatrix(bucketStartsMs: [], bands: [], longUSD: [], shortUSD: [], events: [])
        }
        let step = grid.bucket.milliseconds
        let bucketCount = (times.upperBound - times.lowerBound) / step + 1
        let bandCount = bands.upperBound - bands.lowerBound + 1
        let (size, overflow) = bucketCount.multipliedReportingOverflow(by: bandCount)
        guard !overflow, size <= Int64(maximumCells) else {
            throw .denseTooLarge(buckets: bucketCount, bands: bandCount, limit: maximumCells)
        }
        let row = Array(repeating: 0.0, count: Int(bandCount))
        var matrix = RealizedHeatmapMatrix(
            bucketStartsMs: (0..<bucketCount).map { times.lowerBound + $0 * step }, bands: Array(bands),
            longUSD: Array(repeating: row, count: Int(bucketCount)),
            shortUSD: Array(repeating: row, count: Int(bucketCount)),
            events: Array(repeating: Array(repeating: 0, count: Int(bandCount)), count: Int(bucketCount)))
        for cell in cells {
            let time = Int((cell.cell.bucketStartMs - times.lowerBound) / step)
            let band = Int(cell.cell.band - bands.lowerBound)
            matrix.longUSD[time][band] = cell.longUSD
            matrix.shortUSD[time][band] = cell.shortUSD
            matrix.events[time][band] = cell.events
        }
        return matrix
    }
}
