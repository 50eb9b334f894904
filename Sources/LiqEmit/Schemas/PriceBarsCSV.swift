public import LiqCore

/// `price_bars.csv`: OHLC bars per instrument with base-unit volume and taker-buy volume (empty when the venue
/// does not report it).
public enum PriceBarsCSV {
    public static let columns = [
        "bucket_start_ms", "interval_ms", "venue", "symbol", "base", "open", "high", "low", "close", "volume_base",
        "taker_buy_volume_base",
    ]

    public static func encode(_ bars: [PriceBar]) -> [UInt8] {
        var table = CSVTable(columns: columns)
        let ordered = bars.sorted {
            ($0.bucketStartMs, $0.venue, $0.symbol, $0.intervalMs) < (
                $1.bucketStartMs, $1.venue, $1.symbol, $1.intervalMs
            )
        }
        for bar in ordered {
            table.append([
                String(bar.bucketStartMs), String(bar.intervalMs), bar.venue.rawValue, bar.symbol, bar.baseAsset,
                NumberFormat.plain(bar.open), NumberFormat.plain(bar.high), NumberFormat.plain(bar.low),
                NumberFormat.plain(bar.close), NumberFormat.computed(bar.volumeBase),
                bar.takerBuyVolumeBase.map { NumberFormat.computed($0) } ?? "",
            ])
        }
        return table.data
    }
}
