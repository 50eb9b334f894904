public import LiqCore

/// Why a realised heatmap could not be built or drawn dense; names the offending event so the bad record can be
/// found in `liquidations.csv`.
public enum RealizedHeatmapError: Error, Sendable, Equatable, CustomStringConvertible {
    /// An event of another base asset reached a one-asset heatmap: a wiring bug, never filtered silently.
    case otherAsset(eventID: EventID, venue: Venue, symbol: String, found: String, expected: String)
    /// Price not finite, not positive, or so large that its band index leaves the range where band edges are exact
    /// (`price / width ≥ 2^53`).
    case invalidPrice(eventID: EventID, venue: Venue, symbol: String, price: Double)
    /// Notional not finite or negative: it would break the sums every cell publishes.
    case invalidNotional(eventID: EventID, venue: Venue, symbol: String, notionalUSD: Double)
    /// The dense matrix over the observed range would exceed `limit` cells (usually one stray price far from the
    /// rest, or a tiny bucket over a long window).
    case denseTooLarge(buckets: Int64, bands: Int64, limit: Int)

    public var description: String {
        switch self {
        case .otherAsset(let id, let venue, let symbol, let found, let expected):
            "realised heatmap of \(expected): event \(id) (\(venue.rawValue) \(symbol)) is of base asset \(found)"
        case .invalidPrice(let id, let venue, let symbol, let price):
            "realised heatmap: event \(id) (\(venue.rawValue) \(symbol)) has price \(price) USD; expected a finite "
                + "positive price below 2^53 band widths"
        case .invalidNotional(let id, let venue, let symbol, let notional):
            "realised heatmap: event \(id) (\(venue.rawValue) \(symbol)) has notional \(notional) USD; expected a "
                + "finite non-negative amount"
        case .denseTooLarge(let buckets, let bands, let limit):
            "realised heatmap: dense matrix of \(buckets) buckets × \(bands) bands exceeds the limit of \(limit) "
                + "cells; use a wider band or bucket"
        }
    }
}
