public import LiqCore

/// The one place that knows every venue's adapter: the run, `liqpipe decode` and the tests ask it, so adding a
/// venue is one folder plus one line here.
public enum VenueCatalog {
    /// Venues with an adapter, in the order help texts list them.
    public static let supported: [Venue] = [.binanceUSDM, .binanceCOINM, .bybit, .okx, .bitmex, .deribit, .hyperliquid]

    /// The adapter of `venue` for `selection`. `nowMs` stamps snapshots whose
    /// payloads carry no time (Hyperliquid's asset contexts) and anchors their history windows: the wall clock
    /// live, the recording time for fixtures.
    public static func adapter(
        for venue: Venue, selection: VenueSelection, nowMs: @escaping @Sendable () -> Int64
    ) -> any VenueAdapter {
        switch venue {
        case .binanceUSDM, .binanceCOINM: BinanceFuturesAdapter(venue: venue, selection: selection)
        case .bybit: BybitAdapter(selection: selection)
        case .okx: OKXAdapter(selection: selection)
        case .bitmex: BitMEXAdapter(selection: selection)
        case .deribit: DeribitAdapter(selection: selection)
        case .hyperliquid: HyperliquidAdapter(selection: selection, clock: nowMs)
        }
    }

    /// The venue's production REST base URL.
    public static func defaultBaseURL(_ venue: Venue) -> String {
        switch venue {
        case .binanceUSDM, .binanceCOINM: BinanceEndpoints.defaultBaseURL(venue)
        case .bybit: BybitEndpoints.defaultBaseURL
        case .okx: OKXEndpoints.defaultBaseURL
        case .bitmex: BitMEXEndpoints.defaultBaseURL
        case .deribit: DeribitEndpoints.defaultBaseURL
        case .hyperliquid: HyperliquidEndpoints.defaultBaseURL
        }
    }

    /// The requests that list all of a venue's instruments (OKX lists swaps and futures separately; Deribit lists
    /// per currency, and only BTC and ETH have the inverse contracts its adapter reads).
    public static func instrumentsRequests(venue: Venue) -> [VenueRequest] {
        switch venue {
        case .binanceUSDM, .binanceCOINM: [BinanceEndpoints.exchangeInfo(venue)]
        case .okx: [OKXEndpoints.instruments(instType: "SWAP"), OKXEndpoints.instruments(instType: "FUTURES")]
        case .bybit: [BybitEndpoints.instruments(category: .linear), BybitEndpoints.instruments(category: .inverse)]
        case .bitmex: [BitMEXEndpoints.activeInstruments()]
        case .deribit: ["BTC", "ETH"].map(DeribitEndpoints.instruments(currency:))
        case .hyperliquid: [HyperliquidEndpoints.metaAndAssetContexts()]
        }
    }

    /// Every instrument an instruments payload lists, unfiltered (adapters keep only their selection): how
    /// `liqpipe decode` learns contract sizes for whatever symbols a payload contains.
    public static func listedInstruments(venue: Venue, document: JSONNode) throws -> [Instrument] {
        switch venue {
        case .binanceUSDM, .binanceCOINM: try BinanceInstrumentDecoder.decode(document, venue: venue)
        case .okx: try OKXInstrumentDecoder.decode(document)
        case .bybit: try BybitInstrumentDecoder.decode(document)
        case .bitmex: try BitMEXInstrumentDecoder.listed(document)
        case .deribit: try DeribitInstrumentDecoder.listed(document)
        case .hyperliquid: try HyperliquidAssetContextDecoder.instruments(document)
        }
    }
}
