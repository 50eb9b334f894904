import LiqAnalytics
public import LiqCore

/// `liquidations.csv`: one row per deduplicated liquidation, in canonical order (time, venue, symbol, id).
public enum LiquidationsCSV: RecordSchema {
    public static let columns = [
        "timestamp_ms", "venue", "symbol", "base", "side", "price", "price_kind", "quantity_base", "notional_usd",
        "completeness", "event_id",
    ]
    public static let numericColumns: Set<String> = ["timestamp_ms", "price", "quantity_base", "notional_usd"]

    public static func row(_ event: LiquidationEvent) -> [String] {
        [
            String(event.timestampMs), event.venue.rawValue, event.symbol, event.baseAsset, event.side.rawValue,
            NumberFormat.plain(event.price), event.priceKind.rawValue, NumberFormat.computed(event.quantityBase),
            NumberFormat.computed(event.notionalUSD), event.completeness.rawValue, event.eventID.description,
        ]
    }

    public static func ordered(_ events: [LiquidationEvent]) -> [LiquidationEvent] {
        events.sorted(by: LiquidationTotals.canonicalOrder)
    }
}
