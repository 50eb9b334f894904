public import LiqAnalytics
import LiqCore

/// `heatmap_estimated.json`: the estimated heatmap, the model that made it, the predicted liquidations and the
/// latest liquidation map with its ensemble spread, for dashboards that read one document.
///
/// Members: `schemaVersion`, `base`, `bucketMs`, `bandWidthUSD`, `currentPrice` (null without bars), `model`
/// (`tiers` [{leverage, weight, halfLifeMs (null: never decays)}], `maintenanceMarginRates` [{venue, rate}] by venue id,
/// `defaultMaintenanceMarginRate`, `calibratesToOpenInterest`), `ensemble` (member names), `columns`
/// [{bucketStartMs, bands [{bandLow, bandHigh, longUSD, shortUSD, long {p10, p50, p90} | null, short …}]}],
/// `predictedCleared` [{bucketStartMs, bandLow, bandHigh, side, usd}] by cell then side, and `liquidationMap`
/// ({bucketStartMs, currentPrice, rows [{bandLow, bandHigh, longUSD, shortUSD, cumLongUSD, cumShortUSD, long,
/// short}]} or null). USD amounts at `NumberFormat.computed`. No wall-clock time, so the same input gives the same
/// bytes.
public enum EstimatedHeatmapJSON {
    public static let fileName = "heatmap_estimated.json"
    public static let schemaVersion = 1

    public static func encode(_ result: EstimatedEnsembleHeatmap, ensemble: EstimatedLevelsEnsemble) -> [UInt8] {
        let heatmap = result.central
        let bands = heatmap.grid.bands
        var columns: [JSONValue] = []
        var currentBucket: Int64?
        var currentBands: [JSONValue] = []
        for (cell, level) in EstimatedRows.cells(heatmap, spread: result.spread) {
            if currentBucket != cell.bucketStartMs {
                if let currentBucket { columns.append(column(currentBucket, currentBands)) }
                currentBucket = cell.bucketStartMs
                currentBands = []
            }
            currentBands.append(
                .object(
                    edges(bands, cell.band) + [
                        member("longUSD", usd(level.longUSD)), member("shortUSD", usd(level.shortUSD)),
                    ] + spreadMembers(result.spread[cell])))
        }
        if let currentBucket { columns.append(column(currentBucket, currentBands)) }

        var cleared: [(HeatmapCell, PositionSide, Double)] = []
        for side in PositionSide.allCases {
            for (cell, value) in heatmap.predictedCleared[side] ?? [:] { cleared.append((cell, side, value)) }
        }
        cleared.sort { ($0.0, $0.1.rawValue) < ($1.0, $1.1.rawValue) }

        let latest = Dictionary(uniqueKeysWithValues: result.latestSpread.map { ($0.band, $0.spread) })
        let map: JSONValue =
            heatmap.liquidationMap.map { map in
                .object([
                    member("bucketStartMs", .number(String(map.bucketStartMs))),
                    member("currentPrice", .number(NumberFormat.computed(map.currentPrice))),
                    member(
                        "rows",
                        .array(
                            map.rows.map { row in
                                .object(
                                    edges(bands, row.band) + [
                                        member("longUSD", usd(row.longUSD)), member("shortUSD", usd(row.shortUSD)),
                                        member("cumLongUSD", usd(row.cumLongUSD)),
                                        member("cumShortUSD", usd(row.cumShortUSD)),
                                    ] + spreadMembers(latest[row.band]))
                            })),
                ])
            } ?? .null

        let model = ensemble.central
        let document: JSONValue = .object([
            member("schemaVersion", .number(String(schemaVersion))),
            member("base", .string(heatmap.grid.baseAsset)),
            member("bucketMs", .number(String(heatmap.grid.bucket.milliseconds))),
            member("bandWidthUSD", .number(NumberFormat.computed(bands.widthUSD))),
            member("currentPrice", heatmap.currentPrice.map { .number(NumberFormat.computed($0)) } ?? .null),
            member(
                "model",
                .object([
                    member(
                        "tiers",
                        .array(
                            model.tiers.map { tier in
                                .object([
                                    member("leverage", .number(NumberFormat.computed(tier.leverage))),
                                    member("weight", .number(NumberFormat.computed(tier.weight))),
                                    member(
                                        "halfLifeMs",
                                        tier.halfLifeMs.isFinite
                                            ? .number(NumberFormat.computed(tier.halfLifeMs)) : .null),
                                ])
                            })),
                    member(
                        "maintenanceMarginRates",
                        .array(
                            model.maintenanceMarginRates.sorted { $0.key.rawValue < $1.key.rawValue }.map {
                                .object([
                                    member("venue", .string($0.key.rawValue)),
                                    member("rate", .number(NumberFormat.computed($0.value))),
                                ])
                            })),
                    member(
                        "defaultMaintenanceMarginRate",
                        .number(NumberFormat.computed(model.defaultMaintenanceMarginRate))),
                    member("calibratesToOpenInterest", .bool(model.calibratesToOpenInterest)),
                ])),
            member("ensemble", .array(result.memberNames.map { .string($0) })),
            member("columns", .array(columns)),
            member(
                "predictedCleared",
                .array(
                    cleared.map { cell, side, value in
                        .object(
                            [member("bucketStartMs", .number(String(cell.bucketStartMs)))] + edges(bands, cell.band) + [
                                member("side", .string(side.rawValue)), member("usd", usd(value)),
                            ])
                    })),
            member("liquidationMap", map),
        ])
        return JSONWriter.encode(document)
    }

    private static func column(_ bucket: Int64, _ bands: [JSONValue]) -> JSONValue {
        .object([member("bucketStartMs", .number(String(bucket))), member("bands", .array(bands))])
    }

    private static func edges(_ bands: PriceBands, _ band: Int64) -> [JSONMember] {
        [
            member("bandLow", .number(NumberFormat.computed(bands.lowerEdge(of: band)))),
            member("bandHigh", .number(NumberFormat.computed(bands.upperEdge(of: band)))),
        ]
    }

    private static func spreadMembers(_ spread: EstimatedEnsembleHeatmap.Spread?) -> [JSONMember] {
        [
            member("long", spread.map { percentiles($0.long) } ?? .null),
            member("short", spread.map { percentiles($0.short) } ?? .null),
        ]
    }

    private static func percentiles(_ value: EstimatedPercentiles) -> JSONValue {
        .object([member("p10", usd(value.p10)), member("p50", usd(value.p50)), member("p90", usd(value.p90))])
    }

    private static func member(_ key: String, _ value: JSONValue) -> JSONMember { JSONMember(key: key, value: value) }

    private static func usd(_ value: Double) -> JSONValue { .number(NumberFormat.computed(value)) }
}
