extension HyperliquidEndpoints {
    /// Settled hourly funding of `coin` inside [`startTime`, `endTime`] (ms, both inclusive), oldest first, at most
    /// 500 rows, for backfill; the same weight as the open-ended request.
    public static func fundingHistory(coin: String, startTime: Int64, endTime: Int64) -> VenueRequest {
        var request = fundingHistory(coin: coin, startTime: startTime)
        request.query.append(.init("endTime", String(endTime)))
        request.body =
            #"{"type":"fundingHistory","coin":\#(jsonString(coin)),"startTime":\#(startTime),"endTime":\#(endTime)}"#
        return request
    }
}
