public import LiqCore

/// Binance USDⓈ-M (and, with contract sizes, COIN-M) over REST.
///
/// Liquidations have no public REST source any more (`allForceOrders` was withdrawn), only the sampled
/// `!forceOrder@arr` stream, so they come from captures of that stream. Open interest history is valued by
/// Binance itself; the running funding rate also gives the mark price.
public struct BinanceFuturesAdapter: VenueAdapter {
    public let venue: Venue
    public let selection: VenueSelection
    public let liquidationCompleteness = FeedCompleteness.sampled
    /// 2,400 request weight per minute per IP (the `exchangeInfo` `rateLimits` value), reported back in
    /// `X-MBX-USED-WEIGHT-1M`.
    public let rateLimitPolicy = RateLimitPolicy(
        capacity: 2400, windowSeconds: 60, usageReport: .usedWeight(header: "X-MBX-USED-WEIGHT-1M"))
    /// Rows per open-interest history request (Binance allows 500).
    public var openInterestLimit = 500
    /// Rows per funding history request (Binance allows 1000).
    public var fundingLimit = 1000

    public init(venue: Venue, selection: VenueSelection) {
        precondition(venue == .binanceUSDM || venue == .binanceCOINM, "a Binance futures venue")
        self.venue = venue
        self.selection = selection
    }

    public func referenceRequests() -> [VenueRequest] {
        var requests = [BinanceEndpoints.exchangeInfo(venue)]
        if selection.feeds.contains(.funding) {
            requests.append(BinanceEndpoints.fundingInfo(venue))
        }
        if selection.feeds.contains(.funding) || selection.feeds.contains(.openInterest) {
            requests += selection.symbols.map { BinanceEndpoints.premiumIndex(venue, symbol: $0) }
        }
        return requests
    }

    public func absorbReference(_ document: JSONNode, for request: VenueRequest, into reference: inout ReferenceData)
        throws
    {
        switch request.path {
        case BinanceEndpoints.exchangeInfo(venue).path:
            let listed = try BinanceInstrumentDecoder.decode(document, venue: venue)
            for symbol in selection.symbols {
                guard let instrument = listed.first(where: { $0.symbol == symbol }) else {
                    throw UnlistedSymbolError(venue: venue, symbol: symbol)
                }
                reference.instruments.append(instrument)
            }
            for symbol in selection.symbols {
                let key = InstrumentKey(venue: venue, symbol: symbol)
                if reference.fundingIntervalHours[key] == nil {
                    reference.fundingIntervalHours[key] = BinanceFundingDecoder.defaultIntervalHours
                }
            }
        case BinanceEndpoints.fundingInfo(venue).path:
            for (symbol, hours) in try BinanceFundingDecoder.decodeIntervals(document)
            where selection.symbols.contains(symbol) {
                reference.fundingIntervalHours[InstrumentKey(venue: venue, symbol: symbol)] = hours
            }
        case BinanceEndpoints.premiumIndex(venue, symbol: "").path:
            let rows: [JSONNode]
            if case .array = document.value { rows = try document.elements() } else { rows = [document] }
            for row in rows {
                let symbol = try row.member("symbol").string()
                guard selection.symbols.contains(symbol) else { continue }
                reference.markPrices[InstrumentKey(venue: venue, symbol: symbol)] =
                    try row.member("markPrice").decimal()
            }
            if selection.feeds.contains(.funding) {
                reference.records += try BinanceFundingDecoder.decodePredicted(document, venue: venue)
                    .filter { selection.symbols.contains($0.symbol) }.map(VenueRecord.funding)
            }
        default:
            throw UnknownRequestError(venue: venue, path: request.path)
        }
    }

    public func feedRequests(reference: ReferenceData) throws -> [VenueRequest] {
        var requests: [VenueRequest] = []
        for symbol in selection.symbols {
            if selection.feeds.contains(.openInterest) {
                requests.append(
                    BinanceEndpoints.openInterestHistory(
                        venue, symbol: symbol, period: selection.openInterestPeriod, limit: openInterestLimit))
            }
            if selection.feeds.contains(.funding) {
                requests.append(BinanceEndpoints.fundingRateHistory(venue, symbol: symbol, limit: fundingLimit))
            }
        }
        return requests
    }

    public func decodeFeed(_ document: JSONNode, for request: VenueRequest) throws -> [VenueRecord] {
        switch request.path {
        case BinanceEndpoints.openInterestHistory(venue, symbol: "", period: "", limit: 0).path:
            return try BinanceOpenInterestDecoder.decodeHistory(document, venue: venue)
                .filter { selection.symbols.contains($0.symbol) }.map(VenueRecord.openInterest)
        case BinanceEndpoints.fundingRateHistory(venue, symbol: "", limit: 0).path:
            return try BinanceFundingDecoder.decodeSettled(document, venue: venue)
                .filter { selection.symbols.contains($0.symbol) }.map(VenueRecord.funding)
        default:
            throw UnknownRequestError(venue: venue, path: request.path)
        }
    }

    public func nextPage(after request: VenueRequest, document: JSONNode, records: [VenueRecord]) throws
        -> VenueRequest?
    {
        nil
    }

    public func makeStreamDecoder() -> any StreamDecoder {
        BinanceStreamDecoder(venue: venue, symbols: Set(selection.symbols))
    }

    public func restUnavailability(of feed: Feed) -> String? {
        feed == .liquidations
            ? "Binance publishes liquidations only on the sampled !forceOrder@arr WebSocket stream; give the spec "
                + "capture files of it (the collector records them)"
            : nil
    }
}
