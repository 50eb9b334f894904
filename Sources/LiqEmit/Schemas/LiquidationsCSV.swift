import LiqAnalytics
public import LiqCore

/// `liquidations.csv`: one row per deduplicated liquidation, in canonical order (time, venue, symbol, id).
public enum LiquidationsCSV: StoredRecordSchema {
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

    public static func read(_ reader: inout RecordFieldReader) throws(RecordReadError) -> LiquidationEvent {
        let timestampMs = try reader.integer()
        let venue = try reader.value(Venue.self)
        let symbol = reader.text()
        let baseAsset = reader.text()
        let side = try reader.value(PositionSide.self)
        let price = try reader.number()
        let priceKind = try reader.value(PriceKind.self)
        let quantityBase = try reader.number()
        let notionalUSD = try reader.number()
        let completeness = try reader.value(FeedCompleteness.self)
        let idText = reader.text()
        guard let eventID = EventID(hex: idText) else {
            throw reader.error(expected: "an event id of 32 hex digits", found: idText)
        }
        return LiquidationEvent(
            venue: venue, symbol: symbol, baseAsset: baseAsset, timestampMs: timestampMs, side: side, price: price,
            priceKind: priceKind, quantityBase: quantityBase, notionalUSD: notionalUSD, completeness: completeness,
            eventID: eventID)
    }

    public static func precedes(_ lhs: LiquidationEvent, _ rhs: LiquidationEvent) -> Bool {
        LiquidationTotals.canonicalOrder(lhs, rhs)
    }
}
