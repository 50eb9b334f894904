extension OKXEndpoints {
    /// Settled funding rates of one instrument strictly between `before` and `after` (ms, both exclusive),
    /// newest first, at most `limit` (≤ 100), for backfill: the window's older pages move `after` down to the
    /// oldest settlement seen. 10 per 2 s.
    public static func fundingRateHistory(instID: String, limit: Int, after: Int64, before: Int64) -> VenueRequest {
        var request = fundingRateHistory(instID: instID, limit: limit, after: after)
        request.query.append(.init("before", String(before)))
        return request
    }
}
