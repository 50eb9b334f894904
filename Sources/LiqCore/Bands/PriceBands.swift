/// Price bands of one width: band `k` holds prices in `[k·width, (k+1)·width)`.
///
/// Bands are indexed by `floor(price / width)` so that one price always lands in one band, and the edges are
/// computed from the index (not accumulated) so they are identical in every output and run.
public struct PriceBands: Sendable, Equatable, Hashable {
    /// Band width in USD.
    public let widthUSD: Double

    public init?(widthUSD: Double) {
        guard widthUSD > 0, widthUSD.isFinite else { return nil }
        self.widthUSD = widthUSD
    }

    public func band(of price: Double) -> Int64 {
        Int64((price / widthUSD).rounded(.down))
    }

    /// Lower edge (inclusive) of band `index`, USD.
    public func lowerEdge(of index: Int64) -> Double { Double(index) * widthUSD }

    /// Upper edge (exclusive) of band `index`, USD.
    public func upperEdge(of index: Int64) -> Double { Double(index + 1) * widthUSD }
}
