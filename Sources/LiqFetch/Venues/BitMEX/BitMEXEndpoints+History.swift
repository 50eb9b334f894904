import LiqCore

extension BitMEXEndpoints {
    /// Settled funding of one perpetual inside [`startTime`, `endTime`] (ms, both inclusive; sent as ISO 8601,
    /// BitMEX's date-time filter format), oldest first, `count` rows from offset `start` within the window, for
    /// backfill.
    public static func fundingHistory(symbol: String, count: Int, start: Int, window: ClosedRange<Int64>)
        -> VenueRequest
    {
        VenueRequest(
            venue: .bitmex, feed: .funding, path: fundingHistory(symbol: symbol, count: count, start: start).path,
            query: [
                .init("symbol", symbol), .init("startTime", Timestamp.iso8601(window.lowerBound)),
                .init("endTime", Timestamp.iso8601(window.upperBound)), .init("count", String(count)),
                .init("start", String(start)),
            ])
    }
}
