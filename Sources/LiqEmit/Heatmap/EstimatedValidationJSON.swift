public import LiqAnalytics
import LiqCore

/// `heatmap_validation.json`: how the estimated levels' predicted liquidations compare with realised ones in the same
/// cells (definitions in `EstimatedLevelsValidation`), a separate file so the heatmap document stays one model's
/// output and validation can be re-run against other realised data.
///
/// Members: `schemaVersion`, `base`, `bucketMs`, `bandWidthUSD`, then `long`, `short` and `bothSides`, each
/// {predictedUSD, realisedUSD, predictedCells, realisedCells, notionalHitRate, cellHitRate, precision, spearman,
/// bandsCompared, calibration [{decile, cells, predictedUSD, realisedUSD, realisedShare}]}; undefined rates are null.
public enum EstimatedValidationJSON {
    public static let fileName = "heatmap_validation.json"
    public static let schemaVersion = 1

    public static func encode(_ validation: EstimatedLevelsValidation, grid: HeatmapGrid) -> [UInt8] {
        JSONWriter.encode(
            .object([
                member("schemaVersion", .number(String(schemaVersion))),
                member("base", .string(grid.baseAsset)),
                member("bucketMs", .number(String(grid.bucket.milliseconds))),
                member("bandWidthUSD", number(grid.bands.widthUSD)),
                member("long", scores(validation.long)),
                member("short", scores(validation.short)),
                member("bothSides", scores(validation.bothSides)),
            ]))
    }

    private static func scores(_ scores: EstimatedLevelsValidation.Scores) -> JSONValue {
        .object([
            member("predictedUSD", number(scores.predictedUSD)),
            member("realisedUSD", number(scores.realisedUSD)),
            member("predictedCells", .number(String(scores.predictedCells))),
            member("realisedCells", .number(String(scores.realisedCells))),
            member("notionalHitRate", optional(scores.notionalHitRate)),
            member("cellHitRate", optional(scores.cellHitRate)),
            member("precision", optional(scores.precision)),
            member("spearman", optional(scores.spearman)),
            member("bandsCompared", .number(String(scores.bandsCompared))),
            member(
                "calibration",
                .array(
                    scores.calibration.map { decile in
                        .object([
                            member("decile", .number(String(decile.decile))),
                            member("cells", .number(String(decile.cells))),
                            member("predictedUSD", number(decile.predictedUSD)),
                            member("realisedUSD", number(decile.realisedUSD)),
                            member("realisedShare", optional(decile.realisedShare)),
                        ])
                    })),
        ])
    }

    private static func member(_ key: String, _ value: JSONValue) -> JSONMember { JSONMember(key: key, value: value) }

    private static func number(_ value: Double) -> JSONValue { .number(NumberFormat.computed(value)) }

    private static func optional(_ value: Double?) -> JSONValue { value.map(number) ?? .null }
}
