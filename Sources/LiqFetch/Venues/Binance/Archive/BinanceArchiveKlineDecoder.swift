public import LiqCore

/// `klines` rows → price bars, exactly as `BinanceKlineDecoder` reads the REST klines.
///
/// Columns `open_time, open, high, low, close, volume, close_time, quote_volume, count, taker_buy_volume,
/// taker_buy_quote_volume, ignore`. Volumes are read in base units on both markets: USDⓈ-M `volume` and
/// `taker_buy_volume`; COIN-M `quote_volume` and `taker_buy_quote_volume`, which hold the base-asset volume
/// despite their names (README "Base asset volume", binance-public-data #267), while its `volume` counts
/// contracts. The interval is `close_time + 1 − open_time`.
public struct BinanceArchiveKlineDecoder: BinanceArchiveRowDecoder {
    public let market: BinanceArchiveMarket
    public let symbol: String
    /// Where `layout`'s columns are in this file, from its first row: plain integers, so reading them for every
    /// row retains nothing.
    private var columns: Columns?

    /// The columns this market's files need; built once here, not for every row.
    private let layout: [BinanceArchiveColumns.Column]

    public init(market: BinanceArchiveMarket, symbol: String) {
        self.market = market
        self.symbol = symbol
        layout = [
            .init(name: "open_time", position: 0), .init(name: "open", position: 1), .init(name: "high", position: 2),
            .init(name: "low", position: 3), .init(name: "close", position: 4),
            .init(name: "close_time", position: 6),
            market == .cm ? .init(name: "quote_volume", position: 7) : .init(name: "volume", position: 5),
            market == .cm
                ? .init(name: "taker_buy_quote_volume", position: 10) : .init(name: "taker_buy_volume", position: 9),
        ]
    }

    public mutating func decode(_ row: ArchiveCSVRow) throws(ArchiveCSVError) -> VenueRecord? {
        let columns: Columns
        if let resolved = self.columns { columns = resolved } else { columns = try resolve(row) }
        let openTime = try row.timestampMs(columns.openTime)
        let closeTime = try row.timestampMs(columns.closeTime)
        // The close time is the bar's last millisecond.
        guard closeTime >= openTime else {
            throw row.error(
                columns.closeTime, expected: "a close time after the open time", found: row.string(columns.closeTime))
        }
        return .priceBar(
            VenuePriceBar(
                venue: market.venue, symbol: symbol, bucketStartMs: openTime, intervalMs: closeTime + 1 - openTime,
                open: try row.decimal(columns.open), high: try row.decimal(columns.high),
                low: try row.decimal(columns.low), close: try row.decimal(columns.close),
                volume: try row.decimal(columns.volume), volumeUnit: .base,
                takerBuyVolume: try row.decimal(columns.takerBuyVolume)))
    }

    private mutating func resolve(_ row: ArchiveCSVRow) throws(ArchiveCSVError) -> Columns {
        let indexes = try BinanceArchiveColumns.resolve(layout, for: row)
        let resolved = Columns(
            openTime: indexes[0], open: indexes[1], high: indexes[2], low: indexes[3], close: indexes[4],
            closeTime: indexes[5], volume: indexes[6], takerBuyVolume: indexes[7])
        columns = resolved
        return resolved
    }

    /// Field indexes of the columns in `layout`, in its order.
    private struct Columns {
        var openTime: Int
        var open: Int
        var high: Int
        var low: Int
        var close: Int
        var closeTime: Int
        var volume: Int
        var takerBuyVolume: Int
    }
}
