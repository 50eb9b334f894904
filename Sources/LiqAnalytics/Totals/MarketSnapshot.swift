public import LiqCore

/// The latest state per base asset: open interest summed across instruments (latest sample of each) and the
/// funding rates with their open-interest-weighted annualised average.
///
/// The weighted average is what a desk reads as "the" funding of an asset: a venue with ten times the open
/// interest moves it ten times as much. Instruments without an open-interest sample carry no weight.
public struct MarketSnapshot: Sendable, Equatable {
    public struct AssetState: Sendable, Equatable {
        public var baseAsset: String
        /// Latest sample of each instrument, ordered by venue and symbol.
        public var openInterest: [OpenInterestSample]
        /// Latest funding of each instrument (predicted preferred over settled), ordered by venue and symbol.
        public var funding: [FundingSample]
        public var openInterestUSD: Double
        public var openInterestBase: Double
        /// Σ annualised rate × OI USD / Σ OI USD over instruments with both; nil when none has both.
        public var openInterestWeightedAnnualizedFunding: Double?
    }

    public var assets: [AssetState]

    public init(openInterest: [OpenInterestSample], funding: [FundingSample]) {
        var latestOI: [String: [InstrumentKey: OpenInterestSample]] = [:]
        for sample in openInterest {
            let key = InstrumentKey(venue: sample.venue, symbol: sample.symbol)
            if let current = latestOI[sample.baseAsset]?[key], current.timestampMs >= sample.timestampMs { continue }
            latestOI[sample.baseAsset, default: [:]][key] = sample
        }
        var latestFunding: [String: [InstrumentKey: FundingSample]] = [:]
        for sample in funding {
            let key = InstrumentKey(venue: sample.venue, symbol: sample.symbol)
            if let current = latestFunding[sample.baseAsset]?[key], !Self.supersedes(sample, current) { continue }
            latestFunding[sample.baseAsset, default: [:]][key] = sample
        }
        let assetNames = Set(latestOI.keys).union(latestFunding.keys).sorted()
        assets = assetNames.map { asset in
            let oi = (latestOI[asset] ?? [:]).sorted { $0.key < $1.key }.map(\.value)
            let rates = (latestFunding[asset] ?? [:]).sorted { $0.key < $1.key }.map(\.value)
            var weightedSum = 0.0
            var weight = 0.0
            for rate in rates {
                guard
                    let sample = oi.first(where: { $0.venue == rate.venue && $0.symbol == rate.symbol })
                else { continue }
                weightedSum += rate.rate * 8760 / rate.intervalHours * sample.openInterestUSD
                weight += sample.openInterestUSD
            }
            return AssetState(
                baseAsset: asset, openInterest: oi, funding: rates,
                openInterestUSD: oi.reduce(0) { $0 + $1.openInterestUSD },
                openInterestBase: oi.reduce(0) { $0 + $1.openInterestBase },
                openInterestWeightedAnnualizedFunding: weight > 0 ? weightedSum / weight : nil)
        }
    }

    /// A predicted rate is the current view of the next payment, so it wins over any settled one; within a kind
    /// the later sample wins.
    static func supersedes(_ candidate: FundingSample, _ current: FundingSample) -> Bool {
        if candidate.kind != current.kind { return candidate.kind == .predicted }
        return candidate.timestampMs > current.timestampMs
    }
}
