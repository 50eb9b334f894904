import LiqAnalytics
public import LiqCore

/// `liquidations.csv`: one row per deduplicated liquidation, in canonical order (time, venue, symbol, id).
public enum LiquidationsCSV {
    public static let columns = [
        "timestamp_ms", "venue", "symbol", "base", "side", "price", "price_kind", "quantity_base", "notional_usd",
        "completeness", "event_id",
    ]

    public static func encode(_ events: [LiquidationEvent]) -> [UInt8] {
        var table = CSVTable(columns: columns)
        for event in events.sorted(by: LiquidationTotals.canonicalOrder) {
            table.append([
                String(event.timestampMs), event.venue.rawValue, event.symbol, event.baseAsset, event.side.rawValue,
                NumberFormat.plain(event.price), event.priceKind.rawValue, NumberFormat.computed(event.quantityBase),
                NumberFormat.computed(event.notionalUSD), event.completeness.rawValue, event.eventID.description,
            ])
        }
        return table.data
    }
}
