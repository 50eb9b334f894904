public import LiqCore

/// The datasets of Binance's public archive (`data.binance.vision`, binance-public-data README) that feed the
/// pipeline, and where their files live.
///
/// Layout: `data/futures/{um|cm}/{daily|monthly}/{dataType}/{SYMBOL}/[{interval}/]
/// {SYMBOL}-{dataType|interval}-{YYYY-MM-DD|YYYY-MM}.zip`, each with a `.zip.CHECKSUM` sibling. Paths are relative
/// so a loopback copy of the layout can stand in for the real host.
public enum BinanceArchiveDataset: String, Sendable, Equatable, Hashable, CaseIterable {
    /// 5-minute open interest and long/short ratios; daily files only.
    case metrics
    /// Settled funding rates; monthly files only (daily paths 404).
    case fundingRate
    /// 1-minute trade klines.
    case klines
    /// 1-minute mark price klines.
    case markPriceKlines
    /// Liquidation orders, as sampled as the `forceOrder` stream; only until 2024-03-31 (USDⓈ-M) or 2024-10-14
    /// (COIN-M), afterwards 404.
    case liquidationSnapshot

    public static let defaultBaseURL = "https://data.binance.vision/"

    /// Whether a file holds one UTC day (else one UTC month).
    public var isDaily: Bool { self != .fundingRate }

    /// The kline interval in the path, for the kline datasets; the pipeline reads 1-minute bars only.
    public var interval: String? {
        switch self {
        case .klines, .markPriceKlines: "1m"
        case .metrics, .fundingRate, .liquidationSnapshot: nil
        }
    }

    /// The feed the dataset's records belong to.
    public var feed: Feed {
        switch self {
        case .metrics: .openInterest
        case .fundingRate: .funding
        case .klines: .priceBars
        case .markPriceKlines: .markPrice
        case .liquidationSnapshot: .liquidations
        }
    }

    /// The path of the file holding `day`'s rows: the day's own file for daily datasets, the file of the day's
    /// month for monthly ones (so a backfill can plan by day and fetch each monthly file once).
    public func path(market: BinanceArchiveMarket, symbol: String, covering day: UTCDate) -> String {
        let period = isDaily ? "daily" : "monthly"
        let stamp = isDaily ? day.description : String(day.description.prefix(7))
        let directory = "data/futures/\(market.rawValue)/\(period)/\(rawValue)/\(symbol)/"
        if let interval {
            return directory + "\(interval)/\(symbol)-\(interval)-\(stamp).zip"
        }
        return directory + "\(symbol)-\(rawValue)-\(stamp).zip"
    }

    /// The path of the checksum sibling (`<sha256>  <file name>`).
    public func checksumPath(market: BinanceArchiveMarket, symbol: String, covering day: UTCDate) -> String {
        path(market: market, symbol: symbol, covering: day) + ".CHECKSUM"
    }

    /// `path` under `baseURL` (default the real archive), with exactly one `/` between them.
    public static func url(_ path: String, baseURL: String = defaultBaseURL) -> String {
        (baseURL.hasSuffix("/") ? baseURL : baseURL + "/") + path
    }
}
