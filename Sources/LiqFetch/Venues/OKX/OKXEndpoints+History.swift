public import LiqCore

extension OKXEndpoints {
    /// Settled funding rates of one instrument strictly between `before` and `after` (ms, both exclusive),
    /// newest first, at most `limit` (≤ 100), for backfill: the window's older pages move `after` down to the
    /// oldest settlement seen. 10 per 2 s.
    public static func fundingRateHistory(instID: String, limit: Int, after: Int64, before: Int64) -> VenueRequest {
        var request = fundingRateHistory(instID: instID, limit: limit, after: after)
        request.query.append(.init("before", String(before)))
        return request
    }

    /// Filled liquidation orders of `instrument`'s underlying strictly older than `after` (ms), newest first, for
    /// backfill: `instType` from the instrument's kind (`SWAP` perpetual, `FUTURES` dated) and `uly` from its base
    /// and quote (`OKXInstrumentDecoder` splits `uly` into them), as the adapter asks. The answer holds every
    /// instrument of that underlying and type.
    public static func liquidationOrders(for instrument: Instrument, limit: Int, after: Int64) -> VenueRequest {
        liquidationOrders(
            instType: instrument.kind == .perpetual ? "SWAP" : "FUTURES",
            underlying: "\(instrument.baseAsset)-\(instrument.quoteAsset)", limit: limit, after: after)
    }
}
