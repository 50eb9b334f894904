public import LiqCore

/// Bybit v5 linear and inverse contracts over REST, and the public WebSocket streams from captures.
///
/// Liquidations have no REST source in v5; they come from captures of the complete `allLiquidation.{symbol}`
/// stream. Every request needs the symbol's category, which only the instrument lists tell, so both lists are
/// reference data and the feed requests are planned from them. The tickers give marks (to value open interest),
/// the running funding rate and current open interest; history pages go back by cursor (open interest) or by
/// time (funding, klines).
public struct BybitAdapter: VenueAdapter {
    public let venue = Venue.bybit
    public let selection: VenueSelection
    public let liquidationCompleteness = FeedCompleteness.complete
    /// 600 requests per 5 s per IP (HTTP 403 beyond, "stop for ≥ 10 min"; docs `rate-limit.mdx`). Bybit reports
    /// `X-Bapi-Limit-Status` (remaining) and `X-Bapi-Limit-Reset-Timestamp` (ms) for its per-UID limits; whether
    /// unauthenticated market calls carry them is unverified, and when they do they only make pacing stricter.
    public let rateLimitPolicy = RateLimitPolicy(
        capacity: 600, windowSeconds: 5,
        usageReport: .remaining(header: "X-Bapi-Limit-Status", resetHeader: "X-Bapi-Limit-Reset-Timestamp"))
    /// Rows per page of open interest, funding history and klines (Bybit allows 200).
    public var pageLimit = BybitEndpoints.historyPageLimit

    public init(selection: VenueSelection) {
        self.selection = selection
    }

    /// The feeds the tickers serve, in the order a tickers failure is charged to them.
    static let tickerFeeds: [Feed] = [.markPrice, .funding, .openInterest]

    public func referenceRequests() -> [VenueRequest] {
        var requests = BybitCategory.allCases.map { BybitEndpoints.instruments(category: $0) }
        if let feed = Self.tickerFeeds.first(where: selection.feeds.contains) {
            requests += BybitCategory.allCases.map { BybitEndpoints.tickers(category: $0, feed: feed) }
        }
        return requests
    }

    public func absorbReference(_ document: JSONNode, for request: VenueRequest, into reference: inout ReferenceData)
        throws
    {
        switch request.path {
        case BybitEndpoints.instruments(category: .linear).path:
            let selected = Set(selection.symbols)
            reference.instruments += try BybitInstrumentDecoder.decode(document).filter { selected.contains($0.symbol) }
            for (symbol, hours) in try BybitInstrumentDecoder.decodeFundingIntervals(document)
            where selected.contains(symbol) {
                reference.fundingIntervalHours[InstrumentKey(venue: venue, symbol: symbol)] = hours
            }
        case BybitEndpoints.tickers(category: .linear, feed: nil).path:
            let (timestampMs, tickers) = try BybitTickerDecoder.decode(document)
            let feeds = selection.feeds.intersection(Self.tickerFeeds)
            for symbol in selection.symbols {
                guard let ticker = tickers[symbol] else { continue }
                let key = InstrumentKey(venue: venue, symbol: symbol)
                if let mark = ticker.markPrice { reference.markPrices[key] = mark }
                if let hours = ticker.fundingIntervalHours { reference.fundingIntervalHours[key] = hours }
                reference.records += ticker.records(symbol: symbol, timestampMs: timestampMs, feeds: feeds)
            }
        default:
            throw UnknownRequestError(venue: venue, path: request.path)
        }
    }

    public func feedRequests(reference: ReferenceData) throws -> [VenueRequest] {
        let intervalTime = try Self.code(
            of: selection.openInterestPeriod, for: .openInterest, in: BybitEndpoints.openInterestIntervals)
        let klineInterval = try Self.code(
            of: selection.priceBarInterval, for: .priceBars,
            in: BybitEndpoints.klineIntervals.map { ($0.name, $0.code) })
        var requests: [VenueRequest] = []
        for symbol in selection.symbols {
            guard let instrument = reference.instrument(venue: venue, symbol: symbol) else {
                throw UnlistedSymbolError(venue: venue, symbol: symbol)
            }
            let category = BybitCategory(of: instrument)
            if selection.feeds.contains(.openInterest) {
                requests.append(
                    BybitEndpoints.openInterest(
                        category: category, symbol: symbol, intervalTime: intervalTime, limit: pageLimit))
            }
            if selection.feeds.contains(.funding), instrument.kind == .perpetual {
                requests.append(BybitEndpoints.fundingHistory(category: category, symbol: symbol, limit: pageLimit))
            }
            if selection.feeds.contains(.priceBars) {
                requests.append(
                    BybitEndpoints.kline(category: category, symbol: symbol, interval: klineInterval, limit: pageLimit))
            }
        }
        return requests
    }

    /// Bybit's code for the spec's `interval`, or an error listing the ones Bybit offers.
    static func code(of interval: String, for feed: Feed, in table: [(name: String, code: String)]) throws
        -> String
    {
        guard let entry = table.first(where: { $0.name == interval }) else {
            throw UnsupportedIntervalError(venue: .bybit, feed: feed, interval: interval, supported: table.map(\.name))
        }
        return entry.code
    }

    public func decodeFeed(_ document: JSONNode, for request: VenueRequest) throws -> [VenueRecord] {
        let records: [VenueRecord]
        switch request.path {
        case BybitEndpoints.openInterest(category: .linear, symbol: "", intervalTime: "", limit: 0).path:
            records = try BybitOpenInterestDecoder.decode(document).map(VenueRecord.openInterest)
        case BybitEndpoints.fundingHistory(category: .linear, symbol: "", limit: 0).path:
            records = try BybitFundingDecoder.decodeSettled(document).map(VenueRecord.funding)
        case BybitEndpoints.kline(category: .linear, symbol: "", interval: "", limit: 0).path:
            let code = request.queryValue("interval")
            guard let interval = BybitEndpoints.klineIntervals.first(where: { $0.code == code }) else {
                throw UnknownRequestError(venue: venue, path: request.path + "?" + request.queryString)
            }
            records = try BybitKlineDecoder.decode(document, intervalMs: interval.milliseconds)
                .map(VenueRecord.priceBar)
        default:
            throw UnknownRequestError(venue: venue, path: request.path)
        }
        return records.filter { selection.symbols.contains($0.symbol) }
    }

    public func nextPage(after request: VenueRequest, document: JSONNode, records: [VenueRecord]) throws
        -> VenueRequest?
    {
        try BybitPaging.nextPage(after: request, document: document)
    }

    public func makeStreamDecoder() -> any StreamDecoder {
        BybitStreamDecoder(symbols: Set(selection.symbols), tickerFeeds: selection.feeds.intersection(Self.tickerFeeds))
    }

    public func restUnavailability(of feed: Feed) -> String? {
        feed == .liquidations
            ? "Bybit v5 has no public REST liquidation history; liquidations come only from the complete "
                + "allLiquidation.{symbol} WebSocket stream: give the spec capture files of it "
                + "(the collector records them)"
            : nil
    }
}
