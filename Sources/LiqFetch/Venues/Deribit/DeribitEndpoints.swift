public import LiqCore

/// The public Deribit JSON-RPC methods we call over HTTPS (`/api/v2/public/…`). Answers are
/// `{"jsonrpc":"2.0","result":…,"usIn":…,"usOut":…}` with data times in milliseconds and `usIn`/`usOut` in
/// microseconds; refusals carry `{"error":{"code":…,"message":…}}` instead of `result`.
public enum DeribitEndpoints {
    public static let defaultBaseURL = "https://www.deribit.com"
    static let prefix = "/api/v2/public"

    /// Futures and perpetuals of one currency (`BTC`, `ETH`, `USDC`). Limited apart from other methods to one
    /// request per 10 seconds with a burst of 5 (Deribit's "Rate Limits" article), ample for one per currency.
    public static func instruments(currency: String) -> VenueRequest {
        VenueRequest(
            venue: .deribit, feed: nil, path: prefix + "/get_instruments",
            query: [.init("currency", currency), .init("kind", "future")])
    }

    /// The newest `count` (≤ 1000) futures trades of one currency, newest first, up to `endTimestampMs` when
    /// paging back.
    public static func lastTrades(currency: String, count: Int, endTimestampMs: Int64?) -> VenueRequest {
        var query: [VenueRequest.QueryItem] = [
            .init("currency", currency), .init("kind", "future"), .init("count", String(count)),
            .init("sorting", "desc"),
        ]
        if let endTimestampMs { query.append(.init("end_timestamp", String(endTimestampMs))) }
        return VenueRequest(
            venue: .deribit, feed: .liquidations, path: prefix + "/get_last_trades_by_currency", query: query)
    }

    /// The ticker of one instrument (open interest, funding, mark and index), requested for `feed`.
    public static func ticker(instrument: String, feed: Feed) -> VenueRequest {
        VenueRequest(
            venue: .deribit, feed: feed, path: prefix + "/ticker", query: [.init("instrument_name", instrument)])
    }

    /// Hourly funding of one perpetual between two times (both inclusive, milliseconds).
    public static func fundingRateHistory(instrument: String, startMs: Int64, endMs: Int64) -> VenueRequest {
        VenueRequest(
            venue: .deribit, feed: .funding, path: prefix + "/get_funding_rate_history",
            query: [
                .init("instrument_name", instrument), .init("start_timestamp", String(startMs)),
                .init("end_timestamp", String(endMs)),
            ])
    }

    /// OHLCV bars of one instrument between two times (both inclusive), `resolution` in minutes or `1D`.
    public static func chartData(instrument: String, startMs: Int64, endMs: Int64, resolution: String) -> VenueRequest {
        VenueRequest(
            venue: .deribit, feed: .priceBars, path: prefix + "/get_tradingview_chart_data",
            query: [
                .init("instrument_name", instrument), .init("start_timestamp", String(startMs)),
                .init("end_timestamp", String(endMs)), .init("resolution", resolution),
            ])
    }
}
