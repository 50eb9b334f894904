public import LiqCore

/// OKX v5 perpetual swaps and futures over REST.
///
/// Liquidation orders are pollable per underlying (`BTC-USDT`), so one request covers every selected instrument
/// of that underlying; open interest comes for a whole instrument type at once and is filtered to the selection.
public struct OKXAdapter: VenueAdapter {
    public let venue = Venue.okx
    public let selection: VenueSelection
    public let liquidationCompleteness = FeedCompleteness.complete
    /// OKX limits public endpoints per IP, most at 20 requests per 2 seconds, and sends no usage headers.
    public let rateLimitPolicy = RateLimitPolicy(capacity: 20, windowSeconds: 2, usageReport: .none)
    /// Rows per page for liquidation orders and funding history (OKX allows 100).
    public var pageLimit = 100

    public init(selection: VenueSelection) {
        self.selection = selection
    }

    /// `SWAP` for `…-SWAP` symbols, `FUTURES` for dated ones (`BTC-USD-250328`).
    static func instrumentType(of symbol: String) -> String { symbol.hasSuffix("-SWAP") ? "SWAP" : "FUTURES" }

    var instrumentTypes: [String] { Set(selection.symbols.map(Self.instrumentType)).sorted() }

    public func referenceRequests() -> [VenueRequest] {
        var requests = instrumentTypes.map { OKXEndpoints.instruments(instType: $0) }
        if selection.feeds.contains(.funding) {
            requests += selection.symbols.filter { Self.instrumentType(of: $0) == "SWAP" }
                .map { OKXEndpoints.fundingRate(instID: $0) }
        }
        return requests
    }

    public func absorbReference(_ document: JSONNode, for request: VenueRequest, into reference: inout ReferenceData)
        throws
    {
        switch request.path {
        case OKXEndpoints.instruments(instType: "").path:
            let listed = try OKXInstrumentDecoder.decode(document)
            let instType = request.query.first { $0.name == "instType" }?.value
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
            requests += selection.symbols.filter { Self.instrumentType(of: $0) == "SWAP" }
                .map { OKXEndpoints.fundingRateHistory(instID: $0, limit: pageLimit) }
        }
        return requests
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
        default:
            throw UnknownRequestError(venue: venue, path: request.path)
        }
        return records.filter { selection.symbols.contains($0.symbol) }
    }

    public func nextPage(after request: VenueRequest, document: JSONNode, records: [VenueRecord]) throws
        -> VenueRequest?
    {
        nil
    }

    public func makeStreamDecoder() -> any StreamDecoder {
        OKXStreamDecoder(symbols: Set(selection.symbols))
    }

    public func restUnavailability(of feed: Feed) -> String? { nil }
}
