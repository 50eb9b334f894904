public import LiqAnalytics

/// `liquidation_map.csv`: the latest bucket's estimated levels by band with cumulative curves outward from the
/// current price (longs summed downward, shorts upward; see `EstimatedLiquidationMap`), USD, ascending by band.
public enum EstimatedLiquidationMapCSV {
    public static let fileName = "liquidation_map.csv"
    public static let columns = ["band_low", "band_high", "long_usd", "short_usd", "cum_long_usd", "cum_short_usd"]

    /// A header-only file when there is no map (no bars).
    public static func encode(_ map: EstimatedLiquidationMap?) -> [UInt8] {
        var table = CSVTable(columns: columns)
        guard let map else { return table.data }
        for row in map.rows {
            table.append([
                NumberFormat.computed(map.bands.lowerEdge(of: row.band)),
                NumberFormat.computed(map.bands.upperEdge(of: row.band)),
                NumberFormat.computed(row.longUSD), NumberFormat.computed(row.shortUSD),
                NumberFormat.computed(row.cumLongUSD), NumberFormat.computed(row.cumShortUSD),
            ])
        }
        return table.data
    }
}
