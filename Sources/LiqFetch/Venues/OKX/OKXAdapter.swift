public import LiqCore

/// OKX v5 perpetual swaps and futures over REST.
///
/// Liquidation orders are pollable per underlying (`BTC-USDT`), so one request covers every selected instrument
/// of that underlying; open interest and mark prices come for a whole instrument type at once and are filtered
/// to the selection; candles are per instrument. Every list pages back in time with `after` (`OKXAdapter+Paging`).
public struct OKXAdapter: VenueAdapter {
    public let venue = Venue.okx
    public let selection: VenueSelection
    public let liquidationCompleteness = FeedCompleteness.complete
    /// OKX limits public endpoints per IP, most at 20 requests per 2 seconds, and sends no usage headers; requests
    /// to endpoints with other limits weigh accordingly (`OKXEndpoints`).
    public let rateLimitPolicy = RateLimitPolicy(
        capacity: OKXEndpoints.budgetPerWindow, windowSeconds: 2, usageReport: .none)
    /// Rows per page for liquidation orders and funding history (OKX allows 100).
    public var pageLimit = 100
    /// Bars in the first, newest candle page (OKX `candles` allows 300).
    public var candleLimit = 300
    /// Bars per older candle page (`history-candles`; see `OKXEndpoints.historyCandles`).
    public var historyCandleLimit = 100

    public init(selection: VenueSelection) {
        self.selection = selection
    }

    /// `SWAP` for `…-SWAP` symbols, `FUTURES` for dated ones (`BTC-USD-250328`).
    static func instrumentType(of symbol: String) -> String { symbol.hasSuffix("-SWAP") ? "SWAP" : "FUTURES" }

    var instrumentTypes: [String] { Set(selection.symbols.map(Self.instrumentType)).sorted() }

    /// Perpetual swaps: the only instruments that pay funding.
    var swapSymbols: [String] { selection.symbols.filter { Self.instrumentType(of: $0) == "SWAP" } }

    public func referenceRequests() -> [VenueRequest] {
        var requests = instrumentTypes.map { OKXEndpoints.instruments(instType: $0) }
        if selection.feeds.contains(.funding) {
            requests += swapSymbols.map { OKXEndpoints.fundingRate(instID: $0) }
        }
        return requests
    }

    public func absorbReference(_ document: JSONNode, for request: VenueRequest, into reference: inout ReferenceData)
        throws
    {
        switch request.path {
        case OKXEndpoints.instruments(instType: "").path:
            let listed = try OKXInstrumentDecoder.decode(document)
            let instType = request.queryValue("instType")
            for symbol in selection.symbols where Self.instrumentType(of: symbol) == instType {
                guard let instrument = listed.first(where: { $0.symbol == symbol }) else {
                    throw UnlistedSymbolError(venue: venue, symbol: symbol)
                }
                reference.instruments.append(instrument)
            }
        case OKXEndpoints.fundingRate(instID: "").path:
            for sample in try OKXFundingDecoder.decodePredicted(document)
            where selection.symbols.contains(sample.symbol) {
                if let hours = sample.intervalHours {
                    reference.fundingIntervalHours[InstrumentKey(venue: venue, symbol: sample.symbol)] = hours
                }
                reference.records.append(.funding(sample))
            }
        default:
            throw UnknownRequestError(venue: venue, path: request.path)
        }
    }

    public func feedRequests(reference: ReferenceData) throws -> [VenueRequest] {
        var requests: [VenueRequest] = []
        if selection.feeds.contains(.liquidations) {
            var underlyings: [(instType: String, underlying: String)] = []
            for symbol in selection.symbols {
                guard let instrument = reference.instrument(venue: venue, symbol: symbol) else {
                    throw UnlistedSymbolError(venue: venue, symbol: symbol)
                }
                let entry = (Self.instrumentType(of: symbol), "\(instrument.baseAsset)-\(instrument.quoteAsset)")
                if !underlyings.contains(where: { $0 == entry }) { underlyings.append(entry) }
            }
            requests += underlyings.map {
                OKXEndpoints.liquidationOrders(instType: $0.instType, underlying: $0.underlying, limit: pageLimit)
            }
        }
        if selection.feeds.contains(.openInterest) {
            requests += instrumentTypes.map { OKXEndpoints.openInterest(instType: $0) }
        }
        if selection.feeds.contains(.funding) {
            requests += swapSymbols.map { OKXEndpoints.fundingRateHistory(instID: $0, limit: pageLimit) }
        }
        if selection.feeds.contains(.markPrice) {
            requests += instrumentTypes.map { OKXEndpoints.markPrice(instType: $0) }
        }
        if selection.feeds.contains(.priceBars) {
            let bar = try barSize()
            requests += selection.symbols.map { OKXEndpoints.candles(instID: $0, bar: bar.bar, limit: candleLimit) }
        }
        return requests
    }

    /// OKX's bar for the selection's interval.
    func barSize() throws(OKXBarIntervalError) -> (bar: String, milliseconds: Int64) {
        guard let bar = OKXEndpoints.bar(forInterval: selection.priceBarInterval) else {
            throw OKXBarIntervalError(interval: selection.priceBarInterval)
        }
        return bar
    }

    public func decodeFeed(_ document: JSONNode, for request: VenueRequest) throws -> [VenueRecord] {
        let records: [VenueRecord]
        switch request.path {
        case OKXEndpoints.liquidationOrders(instType: "", underlying: "", limit: 0).path:
            records = try OKXLiquidationDecoder.decode(document).map(VenueRecord.liquidation)
        case OKXEndpoints.openInterest(instType: "").path:
            records = try OKXOpenInterestDecoder.decode(document).map(VenueRecord.openInterest)
        case OKXEndpoints.fundingRateHistory(instID: "", limit: 0).path:
            records = try OKXFundingDecoder.decodeSettled(document).map(VenueRecord.funding)
        case OKXEndpoints.markPrice(instType: "").path:
            records = try OKXMarkPriceDecoder.decode(document).map(VenueRecord.markPrice)
        case OKXEndpoints.candles(instID: "", bar: "", limit: 0).path,
            OKXEndpoints.historyCandles(instID: "", bar: "", after: 0, limit: 0).path:
            // Candle rows carry no instrument: the request names it.
            guard let instID = request.queryValue("instId") else {
                throw UnknownRequestError(venue: venue, path: request.path + " without an instId")
            }
            records = try OKXCandleDecoder.decode(document, symbol: instID, intervalMs: try barSize().milliseconds)
                .map(VenueRecord.priceBar)
        default:
            throw UnknownRequestError(venue: venue, path: request.path)
        }
        return records.filter { selection.symbols.contains($0.symbol) }
    }

    public func fastDecodeFeed(_ body: [UInt8], for request: VenueRequest) -> [VenueRecord]? {
        guard request.path == OKXEndpoints.liquidationOrders(instType: "", underlying: "", limit: 0).path else {
            return nil
        }
        return FastOKXLiquidation.decode(body)?.filter { selection.symbols.contains($0.symbol) }
            .map(VenueRecord.liquidation)
    }

    public func makeStreamDecoder() -> any StreamDecoder {
        OKXStreamDecoder(symbols: Set(selection.symbols), feeds: selection.feeds)
    }

    public func restUnavailability(of feed: Feed) -> String? {
        switch feed {
        case .funding where swapSymbols.isEmpty:
            "only dated OKX futures are selected, and they pay no funding"
        case .liquidations, .openInterest, .funding, .markPrice, .priceBars:
            nil
        }
    }
}
