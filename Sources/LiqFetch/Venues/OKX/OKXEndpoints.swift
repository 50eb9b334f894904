import LiqCore

/// The public OKX v5 REST requests we make. Timestamps and numbers come back as strings inside the envelope
/// `{"code":"0","msg":"","data":[…]}`.
public enum OKXEndpoints {
    public static let defaultBaseURL = "https://www.okx.com"

    /// Contract value, multiplier and type of every instrument of `instType` (`SWAP`, `FUTURES`).
    public static func instruments(instType: String) -> VenueRequest {
        VenueRequest(
            venue: .okx, feed: nil, path: "/api/v5/public/instruments", query: [.init("instType", instType)])
    }

    /// Filled liquidation orders of one underlying (`BTC-USDT`); up to 100 per page, newest first.
    public static func liquidationOrders(instType: String, underlying: String, limit: Int) -> VenueRequest {
        VenueRequest(
            venue: .okx, feed: .liquidations, path: "/api/v5/public/liquidation-orders",
            query: [
                .init("instType", instType), .init("uly", underlying), .init("state", "filled"),
                .init("limit", String(limit)),
            ])
    }

    /// Current open interest of every instrument of `instType`.
    public static func openInterest(instType: String) -> VenueRequest {
        VenueRequest(
            venue: .okx, feed: .openInterest, path: "/api/v5/public/open-interest", query: [.init("instType", instType)]
        )
    }

    /// The running funding rate of one instrument, with the current and next settlement times.
    public static func fundingRate(instID: String) -> VenueRequest {
        VenueRequest(venue: .okx, feed: .funding, path: "/api/v5/public/funding-rate", query: [.init("instId", instID)])
    }

    /// Settled funding rates of one instrument, newest first, at most 100.
    public static func fundingRateHistory(instID: String, limit: Int) -> VenueRequest {
        VenueRequest(
            venue: .okx, feed: .funding, path: "/api/v5/public/funding-rate-history",
            query: [.init("instId", instID), .init("limit", String(limit))])
    }
}
