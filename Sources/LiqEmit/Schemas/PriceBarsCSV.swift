public import LiqCore

/// `price_bars.csv`: OHLC bars per instrument with base-unit volume and taker-buy volume (empty when the venue
/// does not report it).
public enum PriceBarsCSV: StoredRecordSchema {
    public static let columns = [
        "bucket_start_ms", "interval_ms", "venue", "symbol", "base", "open", "high", "low", "close", "volume_base",
        "taker_buy_volume_base",
    ]
    public static let numericColumns: Set<String> = [
        "bucket_start_ms", "interval_ms", "open", "high", "low", "close", "volume_base", "taker_buy_volume_base",
    ]

    @inlinable
    public static func write<Writer: RecordFieldWriter>(_ bar: PriceBar, to writer: inout Writer) {
        writer.integer(bar.bucketStartMs)
        writer.integer(bar.intervalMs)
        writer.text(bar.venue.rawValue)
        writer.text(bar.symbol)
        writer.text(bar.baseAsset)
        writer.plain(bar.open)
        writer.plain(bar.high)
        writer.plain(bar.low)
        writer.plain(bar.close)
        writer.computed(bar.volumeBase)
        if let takerBuy = bar.takerBuyVolumeBase { writer.computed(takerBuy) } else { writer.empty() }
    }

    public static func read(_ reader: inout RecordFieldReader) throws(RecordReadError) -> PriceBar {
        let bucketStartMs = try reader.integer()
        let intervalMs = try reader.integer()
        let venue = try reader.value(Venue.self)
        let symbol = reader.text()
        let baseAsset = reader.text()
        let open = try reader.number()
        let high = try reader.number()
        let low = try reader.number()
        let close = try reader.number()
        let volumeBase = try reader.number()
        let takerBuyVolumeBase = try reader.optionalNumber()
        return PriceBar(
            venue: venue, symbol: symbol, baseAsset: baseAsset, bucketStartMs: bucketStartMs, intervalMs: intervalMs,
            open: open, high: high, low: low, close: close, volumeBase: volumeBase,
            takerBuyVolumeBase: takerBuyVolumeBase)
    }

    public static func precedes(_ lhs: PriceBar, _ rhs: PriceBar) -> Bool {
        (lhs.bucketStartMs, lhs.venue, lhs.symbol, lhs.intervalMs) < (
            rhs.bucketStartMs, rhs.venue, rhs.symbol, rhs.intervalMs
        )
    }
}
