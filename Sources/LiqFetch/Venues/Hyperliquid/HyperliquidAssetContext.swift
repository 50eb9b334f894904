public import LiqCore

/// One perpetual's live context from `metaAndAssetCtxs`: mark and oracle price, the running funding rate and open
/// interest. The payload carries no time, so records from it are stamped with the time it was fetched.
public struct HyperliquidAssetContext: Sendable, Equatable {
    /// The coin name, which is the symbol (`BTC`).
    public var coin: String
    /// USD(C) per coin.
    public var markPrice: Double?
    /// The oracle (index) price the mark tracks.
    public var oraclePrice: Double?
    /// The current hourly rate, paid at the next hour: a predicted rate.
    public var fundingRate: Double?
    /// Open interest in coin units, counted once: Hyperliquid's own figure, which its interface, ccxt and nautilus
    /// present as the market's open interest. A third party calls it two-sided; that claim is unverified and the
    /// value is not halved.
    public var openInterest: Double?

    public init(
        coin: String, markPrice: Double?, oraclePrice: Double?, fundingRate: Double?, openInterest: Double?
    ) {
        self.coin = coin
        self.markPrice = markPrice
        self.oraclePrice = oraclePrice
        self.fundingRate = fundingRate
        self.openInterest = openInterest
    }

    /// Records of `feeds` (of mark price, funding and open interest) stamped `timestampMs`.
    public func records(timestampMs: Int64, feeds: Set<Feed>) -> [VenueRecord] {
        var records: [VenueRecord] = []
        if feeds.contains(.markPrice), let markPrice {
            records.append(
                .markPrice(
                    VenueMarkPrice(
                        venue: .hyperliquid, symbol: coin, timestampMs: timestampMs, markPrice: markPrice,
                        indexPrice: oraclePrice)))
        }
        if feeds.contains(.funding), let fundingRate {
            records.append(
                .funding(
                    VenueFunding(
                        venue: .hyperliquid, symbol: coin, timestampMs: timestampMs, rate: fundingRate,
                        intervalHours: 1, kind: .predicted)))
        }
        if feeds.contains(.openInterest), let openInterest {
            records.append(
                .openInterest(
                    VenueOpenInterest(
                        venue: .hyperliquid, symbol: coin, timestampMs: timestampMs, quantity: openInterest,
                        quantityUnit: .base, valueUSD: nil)))
        }
        return records
    }
}
