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
                .init("symbol", symbol), .init("startTime", iso8601(window.lowerBound)),
                .init("endTime", iso8601(window.upperBound)), .init("count", String(count)),
                .init("start", String(start)),
            ])
    }

    /// `2025-10-10T00:00:00.000Z` for an epoch-ms time.
    static func iso8601(_ timestampMs: Int64) -> String {
        let date = UTCDate(timestampMs: timestampMs)
        let msOfDay = timestampMs - date.startMs
        func pad(_ value: Int64, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(date)T\(pad(msOfDay / 3_600_000, 2)):\(pad(msOfDay / 60_000 % 60, 2)):"
            + "\(pad(msOfDay / 1_000 % 60, 2)).\(pad(msOfDay % 1_000, 3))Z"
    }
}
