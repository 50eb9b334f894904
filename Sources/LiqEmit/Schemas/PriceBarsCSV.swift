public import LiqCore

/// `price_bars.csv`: OHLC bars per instrument with base-unit volume and taker-buy volume (empty when the venue
/// does not report it).
public enum PriceBarsCSV: RecordSchema {
    public static let columns = [
        "bucket_start_ms", "interval_ms", "venue", "symbol", "base", "open", "high", "low", "close", "volume_base",
        "taker_buy_volume_base",
    ]
    public static let numericColumns: Set<String> = [
        "bucket_start_ms", "interval_ms", "open", "high", "low", "close", "volume_base", "taker_buy_volume_base",
    ]

    public static func row(_ bar: PriceBar) -> [String] {
        [
            String(bar.bucketStartMs), String(bar.intervalMs), bar.venue.rawValue, bar.symbol, bar.baseAsset,
            NumberFormat.plain(bar.open), NumberFormat.plain(bar.high), NumberFormat.plain(bar.low),
            NumberFormat.plain(bar.close), NumberFormat.computed(bar.volumeBase),
            bar.takerBuyVolumeBase.map { NumberFormat.computed($0) } ?? "",
        ]
    }

    public static func ordered(_ bars: [PriceBar]) -> [PriceBar] {
        bars.sorted {
            ($0.bucketStartMs, $0.venue, $0.symbol, $0.intervalMs) < (
                $1.bucketStartMs, $1.venue, $1.symbol, $1.intervalMs
            )
        }
    }
}
