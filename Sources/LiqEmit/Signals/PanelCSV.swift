public import LiqAnalytics
import LiqCore

/// `panel_<asset>.csv`: the detector's per-minute input for one asset, one row per UTC minute, empty fields for
/// missing values (a gap is never written as 0).
///
/// Columns: `minute_ms`; `long_usd`, `short_usd`, `long_count`, `short_count` (all venues); `venues` (covering
/// venues joined by `|`); `lower_bound` (`true` when a sampled feed contributed); `open`, `high`, `low`, `close`
/// (first venue in venue order with a 1-minute bar); `realized_vol` (`|ln(close/previous close)|`); `oi_usd`
/// (summed over instruments); `oi_change_5m` (fraction); `funding_annualized` (OI-weighted, fraction per year);
/// `taker_buy_share` (0–1); then `long_usd_<venue>` and `short_usd_<venue>` for each venue seen in the panel.
public enum PanelCSV {
    public static let fixedColumns = [
        "minute_ms", "long_usd", "short_usd", "long_count", "short_count", "venues", "lower_bound", "open", "high",
        "low", "close", "realized_vol", "oi_usd", "oi_change_5m", "funding_annualized", "taker_buy_share",
    ]

    public static func fileName(asset: String) -> String { "panel_\(asset).csv" }

    public static func encode(_ panel: MarketPanel) -> [UInt8] {
        var venueSet = Set<Venue>()
        for row in panel.rows {
            venueSet.formUnion(row.longUSDByVenue.keys)
            venueSet.formUnion(row.shortUSDByVenue.keys)
        }
        let venues = venueSet.sorted()
        var table = CSVTable(
            columns: fixedColumns + venues.map { "long_usd_\($0.rawValue)" } + venues.map { "short_usd_\($0.rawValue)" }
        )
        for row in panel.rows {
            var fields = [
                String(row.minuteMs), NumberFormat.computed(row.longUSD), NumberFormat.computed(row.shortUSD),
                String(row.longCount), String(row.shortCount), row.venues.map(\.rawValue).joined(separator: "|"),
                row.lowerBound ? "true" : "false", price(row.open), price(row.high), price(row.low), price(row.close),
                computed(row.realizedVolatility), computed(row.openInterestUSD), computed(row.openInterestChange5m),
                computed(row.fundingAnnualized), computed(row.takerBuyShare),
            ]
            fields += venues.map { NumberFormat.computed(row.longUSDByVenue[$0] ?? 0) }
            fields += venues.map { NumberFormat.computed(row.shortUSDByVenue[$0] ?? 0) }
            table.append(fields)
        }
        return table.data
    }

    private static func price(_ value: Double?) -> String { value.map { NumberFormat.plain($0) } ?? "" }
    private static func computed(_ value: Double?) -> String { value.map { NumberFormat.computed($0) } ?? "" }
}
