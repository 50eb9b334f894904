public import LiqCore

/// `metrics` rows → open interest, as `/futures/data/openInterestHist` reports it (`BinanceOpenInterestDecoder`).
///
/// Columns: `create_time` (UTC `YYYY-MM-DD HH:MM:SS`), `symbol`, `sum_open_interest`, `sum_open_interest_value`,
/// then long/short ratios the pipeline does not use. USDⓈ-M: `sum_open_interest` in base units, the value in
/// USDT. COIN-M: contracts and the value in the base coin, the units of the REST history it archives. The record
/// takes the file's symbol (the one in the path), not the `symbol` cell, whose COIN-M spelling is unverified.
public struct BinanceArchiveMetricsDecoder: BinanceArchiveRowDecoder {
    public let market: BinanceArchiveMarket
    public let symbol: String
    private var resolvedColumns: [Int]?

    public init(market: BinanceArchiveMarket, symbol: String) {
        self.market = market
        self.symbol = symbol
    }

    private static let layout: [BinanceArchiveColumns.Column] = [
        .init(name: "create_time", position: 0), .init(name: "sum_open_interest", position: 2),
        .init(name: "sum_open_interest_value", position: 3),
    ]

    public mutating func decode(_ row: ArchiveCSVRow) throws(ArchiveCSVError) -> VenueRecord? {
        let columns = try BinanceArchiveColumns.resolve(Self.layout, for: row, cache: &resolvedColumns)
        let value = try row.decimal(columns[2])
        return .openInterest(
            VenueOpenInterest(
                venue: market.venue, symbol: symbol, timestampMs: try row.timestampMs(columns[0]),
                quantity: try row.decimal(columns[1]), quantityUnit: market == .cm ? .contracts : .base,
                valueUSD: market == .cm ? nil : value, valueBase: market == .cm ? value : nil))
    }
}
