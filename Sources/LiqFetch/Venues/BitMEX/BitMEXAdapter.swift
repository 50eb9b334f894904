public import LiqCore

/// BitMEX perpetuals and futures over REST, liquidations from captures of the realtime `liquidation` table.
///
/// One `/api/v1/instrument/active` answer gives the contract terms and, in the same rows, open interest, the
/// next funding rate and the mark: they are read with the reference data rather than fetched again, since an
/// unauthenticated IP gets 30 requests a minute. Settled funding and trade buckets are paged by offset
/// (`start`), newest first.
public struct BitMEXAdapter: VenueAdapter {
    public let venue = Venue.bitmex
    public let selection: VenueSelection
    /// The realtime table shows every liquidation order, also those filled at once (BitMEX/api-connectors#241).
    public let liquidationCompleteness = FeedCompleteness.complete
    /// 30 requests per minute per unauthenticated IP (a token bucket refilled at one per second), reported in
    /// `X-RateLimit-Remaining` and `X-RateLimit-Reset` (epoch seconds): venue-feeds.md §4, from the BitMEX blog
    /// "Updates to Rate Limits" and the api-connectors README.
    public let rateLimitPolicy = RateLimitPolicy(
        capacity: 30, windowSeconds: 60,
        usageReport: .remaining(header: "X-RateLimit-Remaining", resetHeader: "X-RateLimit-Reset"))
    /// Rows per page of funding history and trade buckets.
    public var pageCount = 500

    public init(selection: VenueSelection) {
        self.selection = selection
    }

    public func referenceRequests() -> [VenueRequest] {
        [BitMEXEndpoints.activeInstruments()]
    }

    public func absorbReference(_ document: JSONNode, for request: VenueRequest, into reference: inout ReferenceData)
        throws
    {
        guard request.path == BitMEXEndpoints.activeInstruments().path else {
            throw UnknownRequestError(venue: venue, path: request.path)
        }
        let selected = Set(selection.symbols)
        let listed = try BitMEXInstrumentDecoder.decode(document, symbols: selected)
        for symbol in selection.symbols {
            guard let instrument = listed.first(where: { $0.symbol == symbol }) else {
                throw UnlistedSymbolError(venue: venue, symbol: symbol)
            }
            reference.instruments.append(instrument)
        }
        for row in try BitMEXEnvelope.rows(document) {
            let symbol = try row.member("symbol").string()
            guard selected.contains(symbol) else { continue }
            let key = InstrumentKey(venue: venue, symbol: symbol)
            if let interval = try row.optionalMember("fundingInterval") {
                reference.fundingIntervalHours[key] = try BitMEXFundingDecoder.intervalHours(interval)
            }
            if let mark = try BitMEXMarkPriceDecoder.decode(row) {
                reference.markPrices[key] = mark.markPrice
                if selection.feeds.contains(.markPrice) { reference.records.append(.markPrice(mark)) }
            }
            if selection.feeds.contains(.openInterest), let openInterest = try BitMEXOpenInterestDecoder.decode(row) {
                reference.records.append(.openInterest(openInterest))
            }
            if selection.feeds.contains(.funding), let funding = try BitMEXFundingDecoder.decodePredicted(row) {
                reference.records.append(.funding(funding))
            }
        }
    }

    public func feedRequests(reference: ReferenceData) throws -> [VenueRequest] {
        var requests: [VenueRequest] = []
        if selection.feeds.contains(.funding) {
            for symbol in selection.symbols {
                guard let instrument = reference.instrument(venue: venue, symbol: symbol) else {
                    throw UnlistedSymbolError(venue: venue, symbol: symbol)
                }
                if instrument.kind == .perpetual {
                    requests.append(BitMEXEndpoints.fundingHistory(symbol: symbol, count: pageCount, start: 0))
                }
            }
        }
        if selection.feeds.contains(.priceBars) {
            guard BitMEXPriceBarDecoder.binSizes[selection.priceBarInterval] != nil else {
                throw UnplannableFeedError(
                    venue: venue, feed: .priceBars,
                    reason: "BitMEX buckets trades by 1m, 5m, 1h or 1d, not \(selection.priceBarInterval)")
            }
            requests += selection.symbols.map {
                BitMEXEndpoints.tradeBuckets(
                    symbol: $0, binSize: selection.priceBarInterval, count: pageCount, start: 0)
            }
        }
        return requests
    }

    public func decodeFeed(_ document: JSONNode, for request: VenueRequest) throws -> [VenueRecord] {
        let records: [VenueRecord]
        switch request.path {
        case BitMEXEndpoints.fundingHistory(symbol: "", count: 0, start: 0).path:
            records = try BitMEXFundingDecoder.decodeSettled(document).map(VenueRecord.funding)
        case BitMEXEndpoints.tradeBuckets(symbol: "", binSize: "", count: 0, start: 0).path:
            let binSize = request.queryValue("binSize") ?? ""
            guard let intervalMs = BitMEXPriceBarDecoder.binSizes[binSize] else {
                throw UnknownRequestError(venue: venue, path: request.path + "?binSize=" + binSize)
            }
            records = try BitMEXPriceBarDecoder.decode(document, intervalMs: intervalMs).map(VenueRecord.priceBar)
        default:
            throw UnknownRequestError(venue: venue, path: request.path)
        }
        return records.filter { selection.symbols.contains($0.symbol) }
    }

    /// The next offset when the page was full; a short page is the oldest one.
    public func nextPage(after request: VenueRequest, document: JSONNode, records: [VenueRecord]) throws
        -> VenueRequest?
    {
        guard let count = request.queryValue("count").flatMap(Int.init),
            let start = request.queryValue("start").flatMap(Int.init),
            try BitMEXEnvelope.rows(document).count == count
        else { return nil }
        var next = request
        next.query = request.query.map { $0.name == "start" ? .init("start", String(start + count)) : $0 }
        return next
    }

    public func makeStreamDecoder() -> any StreamDecoder {
        BitMEXStreamDecoder(symbols: Set(selection.symbols), feeds: selection.feeds)
    }

    public func restUnavailability(of feed: Feed) -> String? {
        feed == .liquidations
            ? "BitMEX's REST /api/v1/liquidation lists only the liquidation orders resting at the moment of the call, "
                + "without times (BitMEX/api-connectors#241); give the spec captures of the realtime `liquidation` "
                + "table (with the `instrument` table for its clock)"
            : nil
    }
}
