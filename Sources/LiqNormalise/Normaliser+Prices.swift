public import LiqCore

extension Normaliser {
    public func markPrice(_ record: VenueMarkPrice) throws(NormaliseError) -> MarkPriceSample {
        let key = InstrumentKey(venue: record.venue, symbol: record.symbol)
        let instrument = try registry.instrument(key)
        guard record.markPrice > 0, record.markPrice.isFinite else {
            throw NormaliseError(instrument: key, reason: "mark price \(record.markPrice) is not positive")
        }
        return MarkPriceSample(
            venue: record.venue, symbol: record.symbol, baseAsset: instrument.baseAsset,
            timestampMs: record.timestampMs, markPrice: record.markPrice, indexPrice: record.indexPrice)
    }

    /// A bar with its volume in base units. Contract and USD volumes are converted at the bar's typical price
    /// (high + low + close) / 3, the standard stand-in for the volume-weighted price a bar does not carry.
    public func priceBar(_ record: VenuePriceBar) throws(NormaliseError) -> PriceBar {
        var instrument: Instrument?
        return try priceBar(record, reusing: &instrument)
    }

    /// `priceBar(_:)` for a run of bars, most of one instrument (an archive file's batch): `instrument` holds the
    /// last one looked up and is asked of the registry only when the bar's venue or symbol differs, instead of
    /// hashing the symbol and copying the instrument for every bar. Start each batch with nil.
    public func priceBar(_ record: VenuePriceBar, reusing instrument: inout Instrument?) throws(NormaliseError)
        -> PriceBar
    {
        let key = InstrumentKey(venue: record.venue, symbol: record.symbol)
        if instrument?.venue != record.venue || instrument?.symbol != record.symbol {
            instrument = try registry.instrument(key)
        }
        guard let instrument else { preconditionFailure("looked up above") }
        guard record.low > 0, record.low <= record.high, record.open.isFinite, record.close.isFinite else {
            throw NormaliseError(
                instrument: key, reason: "bar at \(record.bucketStartMs) has low \(record.low) and high \(record.high)")
        }
        let typicalPrice = (record.high + record.low + record.close) / 3
        func base(_ volume: Double) -> Double {
            switch record.volumeUnit {
            case .base: volume
            case .usd: volume / typicalPrice
            case .contracts: instrument.contractSize.baseQuantity(contracts: volume, price: typicalPrice)
            }
        }
        return PriceBar(
            venue: record.venue, symbol: record.symbol, baseAsset: instrument.baseAsset,
            bucketStartMs: record.bucketStartMs, intervalMs: record.intervalMs, open: record.open, high: record.high,
            low: record.low, close: record.close, volumeBase: base(record.volume),
            takerBuyVolumeBase: record.takerBuyVolume.map(base))
    }
}
