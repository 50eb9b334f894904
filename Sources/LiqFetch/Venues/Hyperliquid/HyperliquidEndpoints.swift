import LiqCore

/// The public Hyperliquid requests we make. Every one is `POST /info` with a JSON body naming its `type`; the
/// query repeats the body's fields so that each request has its own URL (its fixture file, its log line) and is
/// never sent (see `VenueRequest.body`).
///
/// Weights are the documented ones (1,200 per minute per IP): 20 per info request, plus 1 per 20 funding rows and
/// per 60 candles returned, charged here for a full page.
public enum HyperliquidEndpoints {
    public static let defaultBaseURL = "https://api.hyperliquid.xyz"
    static let path = "/info"

    /// The most funding rows one `fundingHistory` answer holds.
    public static let fundingPageRows = 500
    /// Candle resolutions Hyperliquid offers in our notation, with their length in ms (`1w` and `1M` left out:
    /// specs do not ask for them).
    static let candleIntervals: [(name: String, milliseconds: Int64)] = [
        ("1m", 60_000), ("3m", 180_000), ("5m", 300_000), ("15m", 900_000), ("30m", 1_800_000), ("1h", 3_600_000),
        ("2h", 7_200_000), ("4h", 14_400_000), ("8h", 28_800_000), ("12h", 43_200_000), ("1d", 86_400_000),
    ]

    /// The perpetuals universe (`[meta, assetCtxs]`): names in asset-index order, and per asset its mark and oracle
    /// price, current hourly funding rate and open interest.
    public static func metaAndAssetContexts() -> VenueRequest {
        VenueRequest(
            venue: .hyperliquid, feed: nil, path: path, query: [.init("type", "metaAndAssetCtxs")], weight: 20,
            body: #"{"type":"metaAndAssetCtxs"}"#)
    }

    /// Settled hourly funding of `coin` from `startTime` (ms) on, oldest first, at most 500 rows.
    public static func fundingHistory(coin: String, startTime: Int64) -> VenueRequest {
        VenueRequest(
            venue: .hyperliquid, feed: .funding, path: path,
            query: [.init("type", "fundingHistory"), .init("coin", coin), .init("startTime", String(startTime))],
            weight: 20 + Double(fundingPageRows) / 20,
            body: #"{"type":"fundingHistory","coin":\#(jsonString(coin)),"startTime":\#(startTime)}"#)
    }

    /// Trade-price candles of `coin` opening in [`startTime`, `endTime`] (ms), oldest first; only the latest
    /// 5,000 candles of an interval exist. `expectedCandles` sizes the weight.
    public static func candleSnapshot(
        coin: String, interval: String, startTime: Int64, endTime: Int64, expectedCandles: Int
    ) -> VenueRequest {
        VenueRequest(
            venue: .hyperliquid, feed: .priceBars, path: path,
            query: [
                .init("type", "candleSnapshot"), .init("coin", coin), .init("interval", interval),
                .init("startTime", String(startTime)), .init("endTime", String(endTime)),
            ],
            weight: 20 + (Double(expectedCandles) / 60).rounded(.up),
            body: #"{"type":"candleSnapshot","req":{"coin":\#(jsonString(coin)),"interval":\#(jsonString(interval)),"#
                + #""startTime":\#(startTime),"endTime":\#(endTime)}}"#)
    }

    /// `text` as a JSON string literal.
    static func jsonString(_ text: String) -> String {
        var literal = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": literal += "\\\""
            case "\\": literal += "\\\\"
            case "\u{0}"..."\u{1F}":
                literal +=
                    "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                    + String(scalar.value, radix: 16)
            default: literal.unicodeScalars.append(scalar)
            }
        }
        return literal + "\""
    }
}
