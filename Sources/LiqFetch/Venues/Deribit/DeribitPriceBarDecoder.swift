public import LiqCore

/// Decodes `public/get_tradingview_chart_data`: columns `ticks` (bar open times, ms), `open`, `high`, `low`,
/// `close` and `volume` (base coin; `cost` is the same in USD), one entry per bar. Columns of different lengths
/// are an error naming the column; status `no_data` is an empty window.
public enum DeribitPriceBarDecoder {
    /// Chart resolutions Deribit offers for our bar intervals (it has no 4-hour bars).
    public static let resolutions: [String: (resolution: String, intervalMs: Int64)] = [
        "1m": ("1", 60_000), "5m": ("5", 300_000), "15m": ("15", 900_000), "1h": ("60", 3_600_000),
        "1d": ("1D", 86_400_000),
    ]

    public static func decode(_ document: JSONNode, symbol: String, intervalMs: Int64) throws -> [VenuePriceBar] {
        let result = try DeribitEnvelope.result(document)
        let statusNode = try result.member("status")
        switch try statusNode.string() {
        case "ok": break
        case "no_data": return []
        default: throw statusNode.error(expected: "\"ok\" or \"no_data\"")
        }
        let ticks = try result.member("ticks").elements()
        func column(_ name: String) throws(JSONError) -> [Double] {
            let node = try result.member(name)
            let values = try node.elements()
            guard values.count == ticks.count else {
                throw node.error(expected: "\(ticks.count) values, one per tick")
            }
            return try values.map { (value) throws(JSONError) in try value.decimal() }
        }
        let open = try column("open")
        let high = try column("high")
        let low = try column("low")
        let close = try column("close")
        let volume = try column("volume")
        return try ticks.indices.map { (index) throws(JSONError) in
            VenuePriceBar(
                venue: .deribit, symbol: symbol, bucketStartMs: try ticks[index].timestampMs(),
                intervalMs: intervalMs, open: open[index], high: high[index], low: low[index], close: close[index],
                volume: volume[index], volumeUnit: .base, takerBuyVolume: nil)
        }
    }
}
