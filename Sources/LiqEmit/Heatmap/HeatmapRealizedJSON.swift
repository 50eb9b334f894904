public import LiqAnalytics
public import LiqCore

/// `heatmap_realized.json`: the realised heatmap of one asset with everything the CSV leaves out: the per-venue
/// breakdown of every cell, the grid (bucket size, band width and how it was chosen), totals and coverage.
///
/// Cells are sparse and ordered by (time, band); each carries its band index and edges. Totals are the sums of
/// the cells and each cell the sum of its venues, so every breakdown in the file adds up. No wall-clock time is
/// written, so the same input gives a byte-identical file.
public enum HeatmapRealizedJSON {
    public static let fileName = "heatmap_realized.json"
    public static let schemaVersion = 1

    /// `bandWidth` and `referencePrice` say how the grid's USD width was chosen (a spec's absolute USD or basis
    /// points of the run's reference price); omitted from the file when nil.
    public static func encode(
        _ heatmap: RealizedHeatmap, bandWidth: BandWidth? = nil, referencePrice: Double? = nil
    ) -> [UInt8] {
        let bands = heatmap.grid.bands
        var band = [member("widthUSD", .number(NumberFormat.computed(bands.widthUSD)))]
        switch bandWidth {
        case .absoluteUSD: band.append(member("mode", .string("absolute")))
        case .relativeBasisPoints(let basisPoints):
            band.append(member("mode", .string("relative")))
            band.append(member("basisPoints", .number(NumberFormat.plain(basisPoints))))
        case nil: break
        }
        if let referencePrice { band.append(member("referencePrice", .number(NumberFormat.plain(referencePrice)))) }
        let document: JSONValue = .object([
            member("schemaVersion", .number(String(schemaVersion))),
            member("base", .string(heatmap.grid.baseAsset)),
            member("bucket", .string(heatmap.grid.bucket.description)),
            member("bucketMs", .number(String(heatmap.grid.bucket.milliseconds))),
            member("band", .object(band)),
            member("longUSD", usd(heatmap.longUSD)),
            member("shortUSD", usd(heatmap.shortUSD)),
            member("totalUSD", usd(heatmap.totalUSD)),
            member("events", .number(String(heatmap.events))),
            member("lowerBound", .bool(heatmap.isLowerBound)),
            member(
                "coverage",
                .array(
                    heatmap.coverage.map { venue in
                        .object([
                            member("venue", .string(venue.venue.rawValue)),
                            member("completeness", .string(venue.completeness.rawValue)),
                            member("events", .number(String(venue.events))),
                        ])
                    })),
            member(
                "cells",
                .array(
                    heatmap.cells.map { cell in
                        .object([
                            member("bucketStartMs", .number(String(cell.cell.bucketStartMs))),
                            member("band", .number(String(cell.cell.band))),
                            member("bandLow", usd(bands.lowerEdge(of: cell.cell.band))),
                            member("bandHigh", usd(bands.upperEdge(of: cell.cell.band))),
                            member("longUSD", usd(cell.longUSD)),
                            member("shortUSD", usd(cell.shortUSD)),
                            member("events", .number(String(cell.events))),
                            member(
                                "venues",
                                .array(
                                    cell.venues.map { venue in
                                        .object([
                                            member("venue", .string(venue.venue.rawValue)),
                                            member("longUSD", usd(venue.longUSD)),
                                            member("shortUSD", usd(venue.shortUSD)),
                                            member("events", .number(String(venue.events))),
                                        ])
                                    })),
                        ])
                    })),
        ])
        return JSONWriter.encode(document)
    }

    private static func member(_ key: String, _ value: JSONValue) -> JSONMember { JSONMember(key: key, value: value) }

    private static func usd(_ value: Double) -> JSONValue { .number(NumberFormat.computed(value)) }
}
