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

    /// What the collector subscribes to on `venue`'s WebSocket streams; nil for Hyperliquid, which publishes no
    /// market-wide liquidation stream (its liquidations appear only on a user's own fills) and whose market
    /// snapshots carry no time a capture could be replayed with.
    public static func streamPlanner(for venue: Venue) -> (any StreamPlanner)? {
        switch venue {
        case .binanceUSDM, .binanceCOINM: BinanceStreamPlanner(venue: venue)
        case .bybit: BybitStreamPlanner()
        case .okx: OKXStreamPlanner()
        case .bitmex: BitMEXStreamPlanner()
        case .deribit: DeribitStreamPlanner()
        case .hyperliquid: nil
        }
    }

    /// The venue's production WebSocket base URL; the planner appends its paths and queries, and a spec may
    /// replace it (`ws://127.0.0.1:PORT` against a loopback server). Binance USDⓈ-M is under `/market`: the
    /// unrouted paths silently deliver no liquidations since 2026-04.
    public static func defaultStreamURL(for venue: Venue) -> String {
        switch venue {
        case .binanceUSDM: "wss://fstream.binance.com/market"
        case .binanceCOINM: "wss://dstream.binance.com"
        case .bybit: "wss://stream.bybit.com/v5/public"
        case .okx: "wss://ws.okx.com:8443/ws/v5/public"
        case .bitmex: "wss://ws.bitmex.com/realtime"
        case .deribit: "wss://www.deribit.com/ws/api/v2"
        case .hyperliquid: "wss://api.hyperliquid.xyz/ws"
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
