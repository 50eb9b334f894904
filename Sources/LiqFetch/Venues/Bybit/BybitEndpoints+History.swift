import LiqCore

extension BybitEndpoints {
    /// Bybit's `intervalTime` for the spec's open-interest period (`5m` → `5min`), or an error listing the ones
    /// Bybit offers.
    public static func openInterestIntervalTime(for period: String) throws -> String {
        try BybitAdapter.code(of: period, for: .openInterest, in: openInterestIntervals)
    }

    /// Open interest history of one symbol inside `window` (ms, both inclusive), newest first, for backfill: the
    /// window's older pages add `nextPageCursor` as `cursor` (`BybitAdapter.nextPage`), keeping the window.
    public static func openInterest(
        category: BybitCategory, symbol: String, intervalTime: String, limit: Int, window: ClosedRange<Int64>
    ) -> VenueRequest {
        var request = openInterest(category: category, symbol: symbol, intervalTime: intervalTime, limit: limit)
        request.query += [.init("startTime", String(window.lowerBound)), .init("endTime", String(window.upperBound))]
        return request
    }

    /// Settled funding rates of one symbol inside `window` (ms, both inclusive), newest first, for backfill: the
    /// window's older pages move `endTime` to just before the oldest settlement (`BybitAdapter.nextPage`),
    /// keeping `startTime` (Bybit refuses a `startTime` alone, not both).
    public static func fundingHistory(category: BybitCategory, symbol: String, limit: Int, window: ClosedRange<Int64>)
        -> VenueRequest
    {
        var request = fundingHistory(category: category, symbol: symbol, limit: limit)
        request.query += [.init("startTime", String(window.lowerBound)), .init("endTime", String(window.upperBound))]
        return request
    }
}
