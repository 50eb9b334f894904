public import LiqCore

/// `markPriceKlines` rows → mark price samples: the bar's `close` at its `close_time`.
///
/// The close is the last mark of the minute, known only at its end; dating it at `close_time` (the bar's last
/// millisecond, `…59999`) keeps it in the minute it closes and never shows a mark before it existed, as the
/// open time would. The open/high/low are not samples at a known instant and are dropped; the volume columns
/// are zero for mark klines. No index price (a separate dataset).
public struct BinanceArchiveMarkPriceDecoder: BinanceArchiveRowDecoder {
    public let market: BinanceArchiveMarket
    public let symbol: String
    private var resolvedColumns: [Int]?

    public init(market: BinanceArchiveMarket, symbol: String) {
        self.market = market
        self.symbol = symbol
    }

    private static let layout: [BinanceArchiveColumns.Column] = [
        .init(name: "open_time", position: 0), .init(name: "close", position: 4),
        .init(name: "close_time", position: 6),
    ]

    public mutating func decode(_ row: ArchiveCSVRow) throws(ArchiveCSVError) -> VenueRecord? {
        let columns = try BinanceArchiveColumns.resolve(Self.layout, for: row, cache: &resolvedColumns)
        let openTime = try row.timestampMs(columns[0])
        let closeTime = try row.timestampMs(columns[2])
        guard closeTime >= openTime else {
            throw row.error(columns[2], expected: "a close time after the open time", found: row.string(columns[2]))
        }
        return .markPrice(
            VenueMarkPrice(
                venue: market.venue, symbol: symbol, timestampMs: closeTime, markPrice: try row.decimal(columns[1]),
                indexPrice: nil))
    }
}
