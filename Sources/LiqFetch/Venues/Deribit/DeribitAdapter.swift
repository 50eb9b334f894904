public import LiqCore

/// Deribit inverse futures and perpetuals over public HTTPS JSON-RPC.
///
/// Liquidations are trades flagged `liquidation`, read per currency newest first and paged back by time.
/// Tickers give open interest, the current funding rate and the mark, one request per instrument and feed so a
/// failure is charged to the feed it starves (requests are cheap here: 20 a second). Funding history and chart
/// bars insist on a time window, anchored to the server time of the instruments answer (`usOut`), never to this
/// machine's clock, and paged back window by window.
public struct DeribitAdapter: VenueAdapter {
    public let venue = Venue.deribit
    public let selection: VenueSelection
    /// Every trade is public, and every liquidation is a flagged trade.
    public let liquidationCompleteness = FeedCompleteness.complete
    /// Deribit's "Rate Limits" support article: a non-matching-engine request costs 500 of 50,000 credits that
    /// refill at 10,000 a second, i.e. 20 requests a second sustained with bursts of 100. Unauthenticated
    /// requests are limited per IP at an unpublished level, so we pace at the sustained rate and never count on
    /// the burst. Deribit sends no usage headers.
    public let rateLimitPolicy = RateLimitPolicy(capacity: 20, windowSeconds: 1, usageReport: .none)
    /// Trades per page (Deribit allows 1000).
    public var tradeCount = 1000
    /// Hours of funding history per page (Deribit returns hourly rows).
    public var fundingHistoryHours: Int64 = 168
    /// Bars per chart page.
    public var priceBarLimit: Int64 = 1000

    public init(selection: VenueSelection) {
        self.selection = selection
    }

    /// The currency Deribit files an instrument under: the settlement currency of a linear name
    /// (`BTC_USDC-PERPETUAL` → `USDC`), else the coin (`BTC-PERPETUAL` → `BTC`). Only picks the request; the
    /// instrument list then decides what the instrument is.
    static func currency(of symbol: String) -> String {
        let prefix = symbol.split(separator: "-", maxSplits: 1).first.map(String.init) ?? symbol
        guard let underscore = prefix.lastIndex(of: "_") else { return prefix }
        return String(prefix[prefix.index(after: underscore)...])
    }

    var currencies: [String] {
        var seen: [String] = []
        for symbol in selection.symbols where !seen.contains(Self.currency(of: symbol)) {
            seen.append(Self.currency(of: symbol))
        }
        return seen
    }

    public func referenceRequests() -> [VenueRequest] {
        currencies.map(DeribitEndpoints.instruments(currency:))
    }

    public func absorbReference(_ document: JSONNode, for request: VenueRequest, into reference: inout ReferenceData)
        throws
    {
        guard request.path == DeribitEndpoints.instruments(currency: "").path else {
            throw UnknownRequestError(venue: venue, path: request.path)
        }
        let currency = request.queryValue("currency")
        let symbols = selection.symbols.filter { Self.currency(of: $0) == currency }
        let listed = try DeribitInstrumentDecoder.decode(document, symbols: Set(symbols))
        for symbol in symbols {
            guard let instrument = listed.first(where: { $0.symbol == symbol }) else {
                throw UnlistedSymbolError(venue: venue, symbol: symbol)
            }
            reference.instruments.append(instrument)
        }
        let serverTime = try DeribitEnvelope.serverTimeMs(document)
        reference.venueTimeMs = max(reference.venueTimeMs ?? serverTime, serverTime)
    }

    public func feedRequests(reference: ReferenceData) throws -> [VenueRequest] {
        var requests: [VenueRequest] = []
        let feeds = selection.feeds
        if feeds.contains(.liquidations) {
            requests += currencies.map {
                DeribitEndpoints.lastTrades(currency: $0, count: tradeCount, endTimestampMs: nil)
            }
        }
        for symbol in selection.symbols {
            guard let instrument = reference.instrument(venue: venue, symbol: symbol) else {
                throw UnlistedSymbolError(venue: venue, symbol: symbol)
            }
            for feed in [Feed.openInterest, .markPrice] where feeds.contains(feed) {
                requests.append(DeribitEndpoints.ticker(instrument: symbol, feed: feed))
            }
            if feeds.contains(.funding), instrument.kind == .perpetual {
                let endMs = try now(reference, for: .funding)
                requests += [
                    DeribitEndpoints.ticker(instrument: symbol, feed: .funding),
                    DeribitEndpoints.fundingRateHistory(
                        instrument: symbol, startMs: endMs - fundingHistoryHours * 3_600_000 + 1, endMs: endMs),
                ]
            }
            if feeds.contains(.priceBars) {
                guard let bars = DeribitPriceBarDecoder.resolutions[selection.priceBarInterval] else {
                    throw UnplannableFeedError(
                        venue: venue, feed: .priceBars,
                        reason: "Deribit charts 1m, 5m, 15m, 1h and 1d bars, not \(selection.priceBarInterval)")
                }
                // Up to the last complete bar: the one running at the server time is still changing.
                let endMs = try now(reference, for: .priceBars) / bars.intervalMs * bars.intervalMs - 1
                requests.append(
                    DeribitEndpoints.chartData(
                        instrument: symbol, startMs: endMs + 1 - priceBarLimit * bars.intervalMs, endMs: endMs,
                        resolution: bars.resolution))
            }
        }
        return requests
    }

    func now(_ reference: ReferenceData, for feed: Feed) throws -> Int64 {
        guard let venueTimeMs = reference.venueTimeMs else {
            throw UnplannableFeedError(
                venue: venue, feed: feed,
                reason: "its history needs a time window and the reference data has no server time (usOut of the "
                    + "instruments answer)")
        }
        return venueTimeMs
    }

    public func decodeFeed(_ document: JSONNode, for request: VenueRequest) throws -> [VenueRecord] {
        let records: [VenueRecord]
        switch request.path {
        case DeribitEndpoints.lastTrades(currency: "", count: 0, endTimestampMs: nil).path:
            records = try DeribitLiquidationDecoder.decode(
                trades: DeribitEnvelope.result(document).member("trades").elements()
            ).map(VenueRecord.liquidation)
        case DeribitEndpoints.ticker(instrument: "", feed: .markPrice).path:
            let feeds: Set<Feed> = request.feed.map { [$0] } ?? []
            records = try DeribitTickerRecords.records(DeribitEnvelope.result(document), feeds: feeds)
        case DeribitEndpoints.fundingRateHistory(instrument: "", startMs: 0, endMs: 0).path:
            records = try DeribitFundingDecoder.decodeSettled(
                document, symbol: try instrumentName(of: request)
            ).map(VenueRecord.funding)
        case DeribitEndpoints.chartData(instrument: "", startMs: 0, endMs: 0, resolution: "").path:
            let resolution = request.queryValue("resolution")
            guard let bars = DeribitPriceBarDecoder.resolutions.values.first(where: { $0.resolution == resolution })
            else { throw UnknownRequestError(venue: venue, path: request.path + "?resolution=" + (resolution ?? "")) }
            records = try DeribitPriceBarDecoder.decode(
                document, symbol: try instrumentName(of: request), intervalMs: bars.intervalMs
            ).map(VenueRecord.priceBar)
        default:
            throw UnknownRequestError(venue: venue, path: request.path)
        }
        return records.filter { selection.symbols.contains($0.symbol) }
    }

    func instrumentName(of request: VenueRequest) throws -> String {
        guard let name = request.queryValue("instrument_name") else {
            throw UnknownRequestError(venue: venue, path: request.path + " without instrument_name")
        }
        return name
    }

    /// Trades: while Deribit says `has_more`, the page ending at the oldest trade seen (inclusive, so trades
    /// sharing that millisecond are not skipped; repeats give the same event ids). Funding history and bars: the
    /// window before this one, while windows still hold data.
    public func nextPage(after request: VenueRequest, document: JSONNode, records: [VenueRecord]) throws
        -> VenueRequest?
    {
        switch request.path {
        case DeribitEndpoints.lastTrades(currency: "", count: 0, endTimestampMs: nil).path:
            let result = try DeribitEnvelope.result(document)
            guard try result.member("has_more").bool(), let currency = request.queryValue("currency") else {
                return nil
            }
            let times = try result.member("trades").elements().map { (trade) throws(JSONError) in
                try trade.member("timestamp").timestampMs()
            }
            guard var oldest = times.min() else { return nil }
            if let end = request.queryValue("end_timestamp").flatMap(Int64.init), oldest >= end { oldest = end - 1 }
            return DeribitEndpoints.lastTrades(currency: currency, count: tradeCount, endTimestampMs: oldest)
        case DeribitEndpoints.fundingRateHistory(instrument: "", startMs: 0, endMs: 0).path,
            DeribitEndpoints.chartData(instrument: "", startMs: 0, endMs: 0, resolution: "").path:
            guard !records.isEmpty, let start = request.queryValue("start_timestamp").flatMap(Int64.init),
                let end = request.queryValue("end_timestamp").flatMap(Int64.init)
            else { return nil }
            let span = end - start + 1
            var previous = request
            previous.query = request.query.map {
                switch $0.name {
                case "start_timestamp": .init($0.name, String(start - span))
                case "end_timestamp": .init($0.name, String(start - 1))
                default: $0
                }
            }
            return previous
        default:
            return nil
        }
    }

    public func makeStreamDecoder() -> any StreamDecoder {
        DeribitStreamDecoder(symbols: Set(selection.symbols), feeds: selection.feeds)
    }

    public func restUnavailability(of feed: Feed) -> String? { nil }
}
