public import LiqCore

/// Binance USDⓈ-M (`fapi`) and COIN-M (`dapi`) over REST.
///
/// Liquidations have no public REST source any more (`allForceOrders` was withdrawn), only the sampled
/// `!forceOrder@arr` stream, so they come from captures of that stream. `premiumIndex` is reference data: its
/// marks value COIN-M open interest and are the `markPrice` feed, its running rates are predicted funding.
/// COIN-M differs in three places: quantities are contracts (the normaliser converts with `contractSize`), open
/// interest history is keyed by pair, and `premiumIndex` costs 10 whatever it returns, so it is asked once for
/// every symbol.
public struct BinanceFuturesAdapter: VenueAdapter {
    public let venue: Venue
    public let selection: VenueSelection
    public let liquidationCompleteness = FeedCompleteness.sampled
    /// 2,400 request weight per minute per IP on both venues (`exchangeInfo.rateLimits`), reported back in
    /// `X-MBX-USED-WEIGHT-1M`; every request states its weight (`BinanceRequestWeight`).
    public let rateLimitPolicy = RateLimitPolicy(
        capacity: BinanceRequestWeight.budgetPerMinute, windowSeconds: 60,
        usageReport: .usedWeight(header: "X-MBX-USED-WEIGHT-1M"))
    /// Rows per open-interest history request (Binance allows 500).
    public var openInterestLimit = 500
    /// Rows per funding history request (Binance allows 1000).
    public var fundingLimit = 1000
    /// Bars per klines request: 1,000 bars cost weight 5, the most bars per unit of weight (1,500 cost 10).
    public var priceBarLimit = 1000

    public init(venue: Venue, selection: VenueSelection) {
        precondition(venue == .binanceUSDM || venue == .binanceCOINM, "a Binance futures venue")
        self.venue = venue
        self.selection = selection
    }

    /// The selected feed `premiumIndex` is charged to when it fails, the first it serves of marks, running
    /// funding and open-interest valuation; nil when none is selected and it is not needed.
    var premiumIndexFeed: Feed? { [Feed.markPrice, .funding, .openInterest].first(where: selection.feeds.contains) }

    /// Symbols that pay funding: dated contracts do not (`fundingRate` answers them with an empty array).
    var perpetualSymbols: [String] { selection.symbols.filter { !BinanceContract.isDated($0) } }

    public func referenceRequests() -> [VenueRequest] {
        var requests = [BinanceEndpoints.exchangeInfo(venue)]
        if selection.feeds.contains(.funding) && !perpetualSymbols.isEmpty {
            requests.append(BinanceEndpoints.fundingInfo(venue))
        }
        if let feed = premiumIndexFeed {
            if venue == .binanceCOINM {
                requests.append(BinanceEndpoints.premiumIndex(venue, symbol: nil, feed: feed))
            } else {
                requests += selection.symbols.map { BinanceEndpoints.premiumIndex(venue, symbol: $0, feed: feed) }
            }
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
        case BinanceEndpoints.premiumIndex(venue, symbol: nil, feed: .markPrice).path:
            let marks = try BinanceMarkPriceDecoder.decodePremiumIndex(document, venue: venue)
                .filter { selection.symbols.contains($0.symbol) }
            for mark in marks {
                reference.markPrices[InstrumentKey(venue: venue, symbol: mark.symbol)] = mark.markPrice
            }
            if selection.feeds.contains(.markPrice) {
                reference.records += marks.map(VenueRecord.markPrice)
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
                requests.append(openInterestRequest(symbol))
            }
            if selection.feeds.contains(.funding) && !BinanceContract.isDated(symbol) {
                requests.append(BinanceEndpoints.fundingRateHistory(venue, symbol: symbol, limit: fundingLimit))
            }
            if selection.feeds.contains(.priceBars) {
                requests.append(
                    BinanceEndpoints.klines(
                        venue, symbol: symbol, interval: selection.priceBarInterval, limit: priceBarLimit))
            }
        }
        return requests
    }

    /// History where Binance keeps it per symbol: every USDⓈ-M symbol and COIN-M perpetuals (by pair); COIN-M
    /// dated contracts, whose history is keyed by quarter rather than symbol, give their current value.
    func openInterestRequest(_ symbol: String) -> VenueRequest {
        guard venue == .binanceCOINM else {
            return BinanceEndpoints.openInterestHistory(
                venue, symbol: symbol, period: selection.openInterestPeriod, limit: openInterestLimit)
        }
        guard let pair = BinanceContract.coinMarginedPerpetualPair(symbol) else {
            return BinanceEndpoints.openInterest(venue, symbol: symbol)
        }
        return BinanceEndpoints.coinMarginedOpenInterestHistory(
            pair: pair, contractType: "PERPETUAL", period: selection.openInterestPeriod, limit: openInterestLimit)
    }

    public func decodeFeed(_ document: JSONNode, for request: VenueRequest) throws -> [VenueRecord] {
        let records: [VenueRecord]
        switch request.path {
        case BinanceEndpoints.openInterestHistory(venue, symbol: "", period: "", limit: 0).path:
            records = try BinanceOpenInterestDecoder.decodeHistory(document, venue: venue).map(VenueRecord.openInterest)
        case BinanceEndpoints.openInterest(venue, symbol: "").path:
            records = [.openInterest(try BinanceOpenInterestDecoder.decodeCurrent(document, venue: venue))]
        case BinanceEndpoints.fundingRateHistory(venue, symbol: "", limit: 0).path:
            records = try BinanceFundingDecoder.decodeSettled(document, venue: venue).map(VenueRecord.funding)
        case BinanceEndpoints.klines(venue, symbol: "", interval: "", limit: 0).path:
            // Kline rows carry no symbol: the request names it.
            guard let symbol = request.queryValue("symbol") else {
                throw UnknownRequestError(venue: venue, path: request.path + " without a symbol")
            }
            records = try BinanceKlineDecoder.decode(document, venue: venue, symbol: symbol).map(VenueRecord.priceBar)
        default:
            throw UnknownRequestError(venue: venue, path: request.path)
        }
        return records.filter { selection.symbols.contains($0.symbol) }
    }

    public func fastDecodeFeed(_ body: [UInt8], for request: VenueRequest) -> [VenueRecord]? {
        switch request.path {
        // COIN-M history rows are keyed by pair, which only the tree decoder handles.
        case BinanceEndpoints.openInterestHistory(venue, symbol: "", period: "", limit: 0).path
        where venue == .binanceUSDM:
            FastBinanceOpenInterest.decodeHistory(body, venue: venue)?
                .filter { selection.symbols.contains($0.symbol) }.map(VenueRecord.openInterest)
        case BinanceEndpoints.fundingRateHistory(venue, symbol: "", limit: 0).path:
            FastBinanceFunding.decodeSettled(body, venue: venue)?
                .filter { selection.symbols.contains($0.symbol) }.map(VenueRecord.funding)
        default:
            nil
        }
    }

    public func makeStreamDecoder() -> any StreamDecoder {
        BinanceStreamDecoder(venue: venue, symbols: Set(selection.symbols), feeds: selection.feeds)
    }

    public func restUnavailability(of feed: Feed) -> String? {
        switch feed {
        case .liquidations:
            "Binance publishes liquidations only on the sampled !forceOrder@arr WebSocket stream; give the spec "
                + "capture files of it (the collector records them)"
        case .funding where perpetualSymbols.isEmpty:
            "only dated Binance contracts are selected, and they pay no funding"
        case .openInterest, .funding, .markPrice, .priceBars:
            nil
        }
    }
}
