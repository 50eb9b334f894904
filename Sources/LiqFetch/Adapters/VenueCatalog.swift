public import LiqCore

/// The one place that knows every venue's adapter: the run, `liqpipe decode` and the tests ask it, so adding a
/// venue is one folder plus one line here.
public enum VenueCatalog {
    /// Venues with an adapter, in the order help texts list them.
    public static let supported: [Venue] = [.binanceUSDM, .binanceCOINM, .bybit, .okx, .hyperliquid]

    /// The adapter of `venue` for `selection`; nil for a venue without one yet. `nowMs` stamps snapshots whose
    /// payloads carry no time (Hyperliquid's asset contexts) and anchors their history windows: the wall clock
    /// live, the recording time for fixtures.
    public static func adapter(
        for venue: Venue, selection: VenueSelection, nowMs: @escaping @Sendable () -> Int64
    ) -> (any VenueAdapter)? {
        switch venue {
        case .binanceUSDM, .binanceCOINM: BinanceFuturesAdapter(venue: venue, selection: selection)
        case .bybit: BybitAdapter(selection: selection)
        case .okx: OKXAdapter(selection: selection)
        case .hyperliquid: HyperliquidAdapter(selection: selection, clock: nowMs)
        default: nil
        }
    }

    /// The venue's production REST base URL.
    public static func defaultBaseURL(_ venue: Venue) -> String? {
        switch venue {
        case .binanceUSDM, .binanceCOINM: BinanceEndpoints.defaultBaseURL(venue)
        case .bybit: BybitEndpoints.defaultBaseURL
        case .okx: OKXEndpoints.defaultBaseURL
        case .hyperliquid: HyperliquidEndpoints.defaultBaseURL
        default: nil
        }
    }

    /// The requests that list all of a venue's instruments (OKX lists swaps and futures separately).
    public static func instrumentsRequests(venue: Venue) -> [VenueRequest] {
        switch venue {
        case .binanceUSDM, .binanceCOINM: [BinanceEndpoints.exchangeInfo(venue)]
        case .okx: [OKXEndpoints.instruments(instType: "SWAP"), OKXEndpoints.instruments(instType: "FUTURES")]
        case .bybit: [BybitEndpoints.instruments(category: .linear), BybitEndpoints.instruments(category: .inverse)]
        case .hyperliquid: [HyperliquidEndpoints.metaAndAssetContexts()]
        default: []
        }
    }

    /// Every instrument an instruments payload lists, unfiltered (adapters keep only their selection): how
    /// `liqpipe decode` learns contract sizes for whatever symbols a payload contains.
    public static func listedInstruments(venue: Venue, document: JSONNode) throws -> [Instrument] {
        switch venue {
        case .binanceUSDM, .binanceCOINM: try BinanceInstrumentDecoder.decode(document, venue: venue)
        case .okx: try OKXInstrumentDecoder.decode(document)
        case .bybit: try BybitInstrumentDecoder.decode(document)
        case .hyperliquid: try HyperliquidAssetContextDecoder.instruments(document)
        default: throw UnknownRequestError(venue: venue, path: "instruments")
        }
    }
}
