import LiqCore

/// What each request costs against Binance's per-IP `REQUEST_WEIGHT` budget, from the endpoint pages of
/// developers.binance.com (USDⓈ-M and COIN-M market data), so a client can pace itself before a 429 or a 418 ban.
enum BinanceRequestWeight {
    /// Weight per minute per IP: the `REQUEST_WEIGHT` entry of `exchangeInfo.rateLimits` (2,400 in the recorded
    /// COIN-M `exchangeInfo`, reference §1.5; USDⓈ-M states the same figure).
    static let budgetPerMinute = 2400.0

    /// An endpoint with its own "N requests per 5 minutes per IP" limit and no weight of its own is charged the
    /// weight that spreads N requests over five minutes of the shared budget, so pacing by weight alone keeps
    /// both limits.
    static func perFiveMinutes(_ requests: Double) -> Double { budgetPerMinute * 5 / requests }

    /// `exchangeInfo`: 1 on both venues.
    static let exchangeInfo = 1.0

    /// `klines` and `markPriceKlines` by `limit`: [1, 100) → 1, [100, 500) → 2, [500, 1000] → 5, above → 10.
    static func klines(limit: Int) -> Double {
        switch limit {
        case ..<100: 1
        case ..<500: 2
        case ...1000: 5
        default: 10
        }
    }

    /// `premiumIndex`: 1 on USDⓈ-M ("Mark Price"), a flat 10 on COIN-M ("Index Price and Mark Price") whatever the
    /// filter, which is why COIN-M asks once for every symbol.
    static func premiumIndex(_ venue: Venue) -> Double { venue == .binanceCOINM ? 10 : 1 }

    /// `fundingRate` and `fundingInfo`: USDⓈ-M has no weight but a shared limit of 500 requests per 5 minutes per
    /// IP ("Get Funding Rate History"); COIN-M's `fundingRate` weighs 1.
    static func funding(_ venue: Venue) -> Double { venue == .binanceCOINM ? 1 : perFiveMinutes(500) }

    /// `/futures/data/openInterestHist`: weight 0 on USDⓈ-M but limited to 1,000 requests per 5 minutes per IP
    /// (reference §1.3, unverified against a Binance page), 1 on COIN-M ("Open Interest Statistics").
    static func openInterestHistory(_ venue: Venue) -> Double {
        venue == .binanceCOINM ? 1 : perFiveMinutes(1000)
    }

    /// `openInterest` (current value): 1 on both venues.
    static let openInterest = 1.0
}
