public import LiqCore

/// `liquidationSnapshot` rows → liquidations, read exactly as `BinanceLiquidationDecoder` reads the `forceOrder`
/// stream the archive was recorded from.
///
/// Columns `time, side, order_type, time_in_force, original_quantity, price, average_price, order_status,
/// last_fill_quantity, accumulated_fill_quantity`: `side` is the liquidation ORDER's side (SELL closes a long,
/// so SELL = long liquidated), quantity is `accumulated_fill_quantity` (the stream's `z`; base units on USDⓈ-M,
/// contracts on COIN-M) at `average_price` (`ap`), at `time` (ms). Unfilled orders yield nothing. Like the
/// stream it is throttled to about one order per symbol per second: `sampled`.
///
/// Every row appears twice in the archive (binance-public-data #259, #337). A row whose bytes, field for field,
/// equal an earlier row of the same file is dropped; two distinct liquidations in the same millisecond at the
/// same price and size would be indistinguishable in the file anyway. The set of rows seen lives as long as the
/// decoder, i.e. one file (a day: at most 86,400 rows at one per second).
public struct BinanceArchiveLiquidationDecoder: BinanceArchiveRowDecoder {
    public let market: BinanceArchiveMarket
    public let symbol: String
    /// Rows dropped as exact repeats so far.
    public private(set) var duplicates = 0
    private var resolvedColumns: [Int]?
    private var seen: Set<[UInt8]> = []

    public init(market: BinanceArchiveMarket, symbol: String) {
        self.market = market
        self.symbol = symbol
    }

    private static let layout: [BinanceArchiveColumns.Column] = [
        .init(name: "time", position: 0), .init(name: "side", position: 1), .init(name: "average_price", position: 6),
        .init(name: "order_status", position: 7), .init(name: "accumulated_fill_quantity", position: 9),
    ]

    public mutating func decode(_ row: ArchiveCSVRow) throws(ArchiveCSVError) -> VenueRecord? {
        let columns = try BinanceArchiveColumns.resolve(Self.layout, for: row, cache: &resolvedColumns)
        var key: [UInt8] = []
        for index in 0..<row.count {
            if index > 0 { key.append(UInt8(ascii: ",")) }
            key.append(contentsOf: row.field(index))
        }
        guard seen.insert(key).inserted else {
            duplicates += 1
            return nil
        }
        switch row.string(columns[3]) {
        case "FILLED", "PARTIALLY_FILLED": break
        case "NEW", "CANCELED", "EXPIRED": return nil
        case let status:
            throw row.error(
                columns[3], expected: "an order status (NEW, PARTIALLY_FILLED, FILLED, CANCELED, EXPIRED)",
                found: "\"\(status)\"")
        }
        let side: PositionSide
        switch row.string(columns[1]) {
        case "SELL": side = .long
        case "BUY": side = .short
        case let other: throw row.error(columns[1], expected: "\"BUY\" or \"SELL\"", found: "\"\(other)\"")
        }
        let filled = try row.decimal(columns[4])
        guard filled > 0 else { return nil }
        let price = try row.decimal(columns[2])
        guard price > 0 else {
            throw row.error(
                columns[2], expected: "a positive average price for a filled order", found: row.string(columns[2]))
        }
        return .liquidation(
            VenueLiquidation(
                venue: market.venue, symbol: symbol, timestampMs: try row.timestampMs(columns[0]), side: side,
                price: price, priceKind: .fill, quantity: filled, quantityUnit: market == .cm ? .contracts : .base,
                completeness: .sampled))
    }
}
