/// How wide a price band is: fixed USD, or basis points of a reference price fixed once per run (so BTC at
/// 100,000 and a coin at 0.5 get comparable resolution from one spec).
public enum BandWidth: Sendable, Equatable, Hashable {
    case absoluteUSD(Double)
    case relativeBasisPoints(Double)

    /// The width in USD for a run whose reference price is `referencePrice`.
    public func widthUSD(referencePrice: Double) -> Double {
        switch self {
        case .absoluteUSD(let width): width
        case .relativeBasisPoints(let bps): referencePrice * bps / 10_000
        }
    }
}
