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

    /// The band whose edges hold `price` (lower inclusive, upper exclusive). `floor(price / width)` alone can be
    /// off by one against the edges `k · width` for a fractional width (0.1 puts 152,222.4 below its own lower
    /// edge), so the index is checked against the edges every output prints and nudged when they disagree.
    public func band(of price: Double) -> Int64 {
        var index = Int64((price / widthUSD).rounded(.down))
        if price < lowerEdge(of: index) {
            index -= 1
        } else if price >= upperEdge(of: index) {
            index += 1
        }
        return index
    }

    /// Lower edge (inclusive) of band `index`, USD.
    public func lowerEdge(of index: Int64) -> Double { Double(index) * widthUSD }

    /// Upper edge (exclusive) of band `index`, USD.
    public func upperEdge(of index: Int64) -> Double { Double(index + 1) * widthUSD }
}
