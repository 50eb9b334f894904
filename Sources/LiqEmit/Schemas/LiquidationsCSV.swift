import LiqAnalytics
public import LiqCore

/// `liquidations.csv`: one row per deduplicated liquidation, in canonical order (time, venue, symbol, id).
public enum LiquidationsCSV: RecordSchema {
    public static let columns = [
        "timestamp_ms", "venue", "symbol", "base", "side", "price", "price_kind", "quantity_base", "notional_usd",
        "completeness", "event_id",
    ]
    public static let numericColumns: Set<String> = ["timestamp_ms", "price", "quantity_base", "notional_usd"]

    @inlinable
    public static func write<Writer: RecordFieldWriter>(_ event: LiquidationEvent, to writer: inout Writer) {
        writer.integer(event.timestampMs)
        writer.text(event.venue.rawValue)
        writer.text(event.symbol)
        writer.text(event.baseAsset)
        writer.text(event.side.rawValue)
        writer.plain(event.price)
        writer.text(event.priceKind.rawValue)
        writer.computed(event.quantityBase)
        writer.computed(event.notionalUSD)
        writer.text(event.completeness.rawValue)
        writer.text(event.eventID.description)
    }

    public static func precedes(_ lhs: LiquidationEvent, _ rhs: LiquidationEvent) -> Bool {
        LiquidationTotals.canonicalOrder(lhs, rhs)
    }
}
