public import LiqAnalytics
import LiqCore

/// `heatmap_plotly.json`: the realised heatmap of one asset in the shapes charting libraries load as they are.
///
/// - Plotly (`go.Heatmap(x=…, y=…, z=…)`): `x` = bucket starts (UTC epoch ms), `y` = band mid prices (USD), `z` =
///   long + short USD with ONE ROW PER BAND and one column per bucket (`z[i][j]` is band `y[i]` at time `x[j]`),
///   which is Plotly's orientation (z rows follow y). `zLong`/`zShort` are the same matrices per side. Plotly
///   reads M coordinates as cell centres and M + 1 as edges: pass `xEdges` (bucket starts plus the last bucket's
///   end) and `yEdges` (band edges) instead of `x`/`y` to draw every cell exactly on its bucket and band. Dense
///   over the observed range, empty cells 0.
/// - TradingView Lightweight Charts heatmap-series plugin: `tradingView` is the `series.setData` array,
///   `[{time, cells: [{low, high, amount}]}]` with `time` in UTC seconds, only buckets and cells with events.
///
/// Written compact (one line): it is for programs, and the dense matrices would run to a line per number pretty.
public enum HeatmapPlotlyJSON {
    public static let fileName = "heatmap_plotly.json"
    public static let schemaVersion = 1

    /// Throws when the dense matrix would exceed `maximumCells` (see `RealizedHeatmap.dense`).
    public static func encode(_ heatmap: RealizedHeatmap, maximumCells: Int = 4_000_000) throws(RealizedHeatmapError)
        -> [UInt8]
    {
        let matrix = try heatmap.dense(maximumCells: maximumCells)
        let bands = heatmap.grid.bands
        func bandRows(_ value: (Int, Int) -> Double) -> JSONValue {
            .array(
                matrix.bands.indices.map { band in
                    .array(matrix.bucketStartsMs.indices.map { usd(value($0, band)) })
                })
        }
        var buckets: [(bucketStartMs: Int64, cells: [JSONValue])] = []
        for cell in heatmap.cells {
            let entry: JSONValue = .object([
                member("low", usd(bands.lowerEdge(of: cell.cell.band))),
                member("high", usd(bands.upperEdge(of: cell.cell.band))),
                member("amount", usd(cell.totalUSD)),
            ])
            if buckets.last?.bucketStartMs == cell.cell.bucketStartMs {
                buckets[buckets.count - 1].cells.append(entry)
            } else {
                buckets.append((cell.cell.bucketStartMs, [entry]))
            }
        }
        let document: JSONValue = .object([
            member("schemaVersion", .number(String(schemaVersion))),
            member("base", .string(heatmap.grid.baseAsset)),
            member("bucketMs", .number(String(heatmap.grid.bucket.milliseconds))),
            member("bandWidthUSD", usd(bands.widthUSD)),
            member("lowerBound", .bool(heatmap.isLowerBound)),
            member("orientation", .string("z[band][bucket]: rows follow y, columns follow x")),
            member("x", .array(matrix.bucketStartsMs.map { .number(String($0)) })),
            member(
                "xEdges",
                .array(
                    (matrix.bucketStartsMs
                        + matrix.bucketStartsMs.suffix(1).map { $0 + heatmap.grid.bucket.milliseconds })
                        .map { .number(String($0)) })),
            member("y", .array(matrix.bands.map { usd((bands.lowerEdge(of: $0) + bands.upperEdge(of: $0)) / 2) })),
            member(
                "yEdges",
                .array(
                    (matrix.bands.map { bands.lowerEdge(of: $0) }
                        + matrix.bands.suffix(1).map { bands.upperEdge(of: $0) }).map(usd))),
            member("z", bandRows { matrix.totalUSD(time: $0, band: $1) }),
            member("zLong", bandRows { matrix.longUSD[$0][$1] }),
            member("zShort", bandRows { matrix.shortUSD[$0][$1] }),
            member(
                "tradingView",
                .array(
                    buckets.map { bucket in
                        .object([
                            member("time", .number(String(floorSeconds(bucket.bucketStartMs)))),
                            member("cells", .array(bucket.cells)),
                        ])
                    })),
        ])
        return JSONWriter.encode(document, pretty: false)
    }

    /// Whole seconds at or before `milliseconds` (buckets are whole seconds unless built from a sub-second size).
    private static func floorSeconds(_ milliseconds: Int64) -> Int64 {
        milliseconds >= 0 ? milliseconds / 1000 : (milliseconds - 999) / 1000
    }

    private static func member(_ key: String, _ value: JSONValue) -> JSONMember { JSONMember(key: key, value: value) }

    private static func usd(_ value: Double) -> JSONValue { .number(NumberFormat.computed(value)) }
}
