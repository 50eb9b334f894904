public import LiqCore

/// `fundingRate` rows → settled funding, as `/fapi/v1/fundingRate` reports it (`BinanceFundingDecoder`).
///
/// Columns: `calc_time` (ms; a few ms past the settlement hour in real files, kept as given like REST's
/// `fundingTime`), `funding_interval_hours` (hours; unlike REST the archive states it, so it is passed on
/// rather than left to the normaliser's inference), `last_funding_rate` (fraction per interval, positive when
/// longs pay). There is no mark price column.
public struct BinanceArchiveFundingDecoder: BinanceArchiveRowDecoder {
    public let market: BinanceArchiveMarket
    public let symbol: String
    private var resolvedColumns: [Int]?

    public init(market: BinanceArchiveMarket, symbol: String) {
        self.market = market
        self.symbol = symbol
    }

    private static let layout: [BinanceArchiveColumns.Column] = [
        .init(name: "calc_time", position: 0), .init(name: "funding_interval_hours", position: 1),
        .init(name: "last_funding_rate", position: 2),
    ]

    public mutating func decode(_ row: ArchiveCSVRow) throws(ArchiveCSVError) -> VenueRecord? {
        let columns = try BinanceArchiveColumns.resolve(Self.layout, for: row, cache: &resolvedColumns)
        let hours = try row.decimal(columns[1])
        guard hours > 0 else {
            throw row.error(columns[1], expected: "a positive number of hours", found: row.string(columns[1]))
        }
        return .funding(
            VenueFunding(
                venue: market.venue, symbol: symbol, timestampMs: try row.timestampMs(columns[0]),
                rate: try row.decimal(columns[2]), intervalHours: hours, kind: .settled))
    }
}
