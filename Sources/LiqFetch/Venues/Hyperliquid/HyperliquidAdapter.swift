public import LiqCore

/// Hyperliquid perpetuals (main dex) over its `POST /info` API.
///
/// One `metaAndAssetCtxs` answer is the reference data and the live feeds at once: the universe (instruments), and
/// per coin the mark price, the current hourly funding rate and open interest. It carries no time, so it is
/// stamped with `clock()` when absorbed; the clock also anchors the history windows (funding forward from
/// `maxPages × 500` hours ago, candles back from now), which keeps the requests of a fixture run reproducible.
/// There is no public market-wide liquidation feed at all.
public struct HyperliquidAdapter: VenueAdapter {
    public let venue = Venue.hyperliquid
    public let selection: VenueSelection
    /// Hyperliquid publishes no liquidations of other users, so anything counted for it is a lower bound.
    public let liquidationCompleteness = FeedCompleteness.sampled
    /// 1,200 weight per minute per IP across all REST requests (docs "Rate limits and user limits"); no usage
    /// headers are sent.
    public let rateLimitPolicy = RateLimitPolicy(capacity: 1200, windowSeconds: 60, usageReport: .none)
    /// Candles per `candleSnapshot` page.
    public var candlesPerPage = 500
    /// Now, in UTC epoch ms: the wall clock live, the recorded fetch time when replaying fixtures.
    public let clock: @Sendable () -> Int64

    public init(selection: VenueSelection, clock: @escaping @Sendable () -> Int64) {
        self.selection = selection
        self.clock = clock
    }

    static let hourMs: Int64 = 3_600_000
    static let contextFeeds: Set<Feed> = [.markPrice, .funding, .openInterest]

    public func referenceRequests() -> [VenueRequest] {
        [HyperliquidEndpoints.metaAndAssetContexts()]
    }

    public func absorbReference(_ document: JSONNode, for request: VenueRequest, into reference: inout ReferenceData)
        throws
    {
        guard request.path == HyperliquidEndpoints.path, request.queryValue("type") == "metaAndAssetCtxs" else {
            throw UnknownRequestError(venue: venue, path: Self.name(of: request))
        }
        let listed = try HyperliquidAssetContextDecoder.instruments(document)
        for symbol in selection.symbols {
            guard let instrument = listed.first(where: { $0.symbol == symbol }) else {
                throw UnlistedSymbolError(venue: venue, symbol: symbol)
            }
            reference.instruments.append(instrument)
            reference.fundingIntervalHours[InstrumentKey(venue: venue, symbol: symbol)] = 1
        }
        let observedMs = clock()
        let feeds = selection.feeds.intersection(Self.contextFeeds)
        for context in try HyperliquidAssetContextDecoder.contexts(document)
        where selection.symbols.contains(context.coin) {
            if let mark = context.markPrice {
                reference.markPrices[InstrumentKey(venue: venue, symbol: context.coin)] = mark
            }
            reference.records += context.records(timestampMs: observedMs, feeds: feeds)
        }
    }

    public func feedRequests(reference: ReferenceData) throws -> [VenueRequest] {
        let now = clock()
        var requests: [VenueRequest] = []
        if selection.feeds.contains(.funding) {
            let hours = Int64(max(1, selection.maxPages) * HyperliquidEndpoints.fundingPageRows)
            requests += selection.symbols.map {
                HyperliquidEndpoints.fundingHistory(coin: $0, startTime: now - hours * Self.hourMs)
            }
        }
        if selection.feeds.contains(.priceBars) {
            let intervals = HyperliquidEndpoints.candleIntervals
            guard let interval = intervals.first(where: { $0.name == selection.priceBarInterval }) else {
                throw UnsupportedIntervalError(
                    venue: venue, feed: .priceBars, interval: selection.priceBarInterval,
                    supported: intervals.map(\.name))
            }
            requests += selection.symbols.map {
                candlePage(coin: $0, interval: interval.name, intervalMs: interval.milliseconds, endTime: now)
            }
        }
        return requests
    }

    /// The `candlesPerPage` candles opening in (endTime − candlesPerPage intervals, endTime].
    func candlePage(coin: String, interval: String, intervalMs: Int64, endTime: Int64) -> VenueRequest {
        HyperliquidEndpoints.candleSnapshot(
            coin: coin, interval: interval, startTime: endTime - Int64(candlesPerPage) * intervalMs + 1,
            endTime: endTime, expectedCandles: candlesPerPage)
    }

    public func decodeFeed(_ document: JSONNode, for request: VenueRequest) throws -> [VenueRecord] {
        let records: [VenueRecord]
        switch (request.path, request.queryValue("type")) {
        case (HyperliquidEndpoints.path, "fundingHistory"):
            records = try HyperliquidFundingDecoder.decodeSettled(document).map(VenueRecord.funding)
        case (HyperliquidEndpoints.path, "candleSnapshot"):
            records = try HyperliquidCandleDecoder.decode(document).map(VenueRecord.priceBar)
        default:
            throw UnknownRequestError(venue: venue, path: Self.name(of: request))
        }
        return records.filter { selection.symbols.contains($0.symbol) }
    }

    /// Funding pages move forward (`startTime` = last row + 1 ms) until one is short or reaches now; candle pages
    /// move back (ending 1 ms before the oldest candle) until one is short, which is where the venue's latest
    /// 5,000 candles end.
    public func nextPage(after request: VenueRequest, document: JSONNode, records: [VenueRecord]) throws
        -> VenueRequest?
    {
        guard document.value != .null else { return nil }
        let rows = try document.elements()
        switch request.queryValue("type") {
        case "fundingHistory":
            guard rows.count >= HyperliquidEndpoints.fundingPageRows, let coin = request.queryValue("coin"),
                let start = request.queryValue("startTime").flatMap({ Int64($0) })
            else { return nil }
            let next = try rows.map { (row) throws(JSONError) in try row.member("time").timestampMs() }.max()! + 1
            guard next > start, next <= clock() else { return nil }
            return HyperliquidEndpoints.fundingHistory(coin: coin, startTime: next)
        case "candleSnapshot":
            guard rows.count >= candlesPerPage, let coin = request.queryValue("coin"),
                let name = request.queryValue("interval"),
                let interval = HyperliquidEndpoints.candleIntervals.first(where: { $0.name == name }),
                let end = request.queryValue("endTime").flatMap({ Int64($0) })
            else { return nil }
            let oldest = try rows.map { (row) throws(JSONError) in try row.member("t").timestampMs() }.min()!
            guard oldest - 1 < end else { return nil }
            return candlePage(coin: coin, interval: name, intervalMs: interval.milliseconds, endTime: oldest - 1)
        default:
            return nil
        }
    }

    public func makeStreamDecoder() -> any StreamDecoder {
        HyperliquidStreamDecoder(symbols: Set(selection.symbols))
    }

    public func restUnavailability(of feed: Feed) -> String? {
        feed == .liquidations
            ? "Hyperliquid publishes no market-wide liquidations: the liquidation object appears only on a user's own "
                + "fills, and public trades carry no liquidation flag"
            : nil
    }

    /// `/info?type=…`, how an unknown request is named in errors.
    static func name(of request: VenueRequest) -> String {
        request.path + (request.query.isEmpty ? "" : "?" + request.queryString)
    }
}
