public import LiqCore

/// Turns venue records into canonical ones (DOMAIN.md §2): base quantity and USD notional through instrument
/// metadata, open interest priced in USD, funding with its interval.
///
/// USDT and USDC are counted at par with USD: the de-peg error (a few bps in normal markets) is far below the
/// sampling error of the venues' own liquidation feeds.
public struct Normaliser: Sendable {
    public var registry: InstrumentRegistry
    /// Funding intervals known per instrument (from OKX running rates, Binance `fundingInfo`).
    public var fundingIntervalHours: [InstrumentKey: Double]
    /// A venue's documented interval for instruments it does not list (Binance: 8 h).
    public var defaultFundingIntervalHours: [Venue: Double]
    /// Latest mark price per instrument, USD per base unit, to value open interest the venue reports unpriced.
    public var markPrices: [InstrumentKey: Double]

    public init(
        registry: InstrumentRegistry, fundingIntervalHours: [InstrumentKey: Double] = [:],
        defaultFundingIntervalHours: [Venue: Double] = [:], markPrices: [InstrumentKey: Double] = [:]
    ) {
        self.registry = registry
        self.fundingIntervalHours = fundingIntervalHours
        self.defaultFundingIntervalHours = defaultFundingIntervalHours
        self.markPrices = markPrices
    }

    public func liquidation(_ record: VenueLiquidation) throws(NormaliseError) -> LiquidationEvent {
        let key = InstrumentKey(venue: record.venue, symbol: record.symbol)
        let instrument = try registry.instrument(key)
        guard record.price > 0, record.price.isFinite else {
            throw NormaliseError(instrument: key, reason: "liquidation price \(record.price) is not positive")
        }
        let quantityBase: Double
        let notionalUSD: Double
        switch record.quantityUnit {
        case .base:
            quantityBase = record.quantity
            notionalUSD = record.quantity * record.price
        case .contracts:
            quantityBase = instrument.contractSize.baseQuantity(contracts: record.quantity, price: record.price)
            notionalUSD = instrument.contractSize.notionalUSD(contracts: record.quantity, price: record.price)
        case .usd:
            quantityBase = record.quantity / record.price
            notionalUSD = record.quantity
        }
        return LiquidationEvent(
            venue: record.venue, symbol: record.symbol, baseAsset: instrument.baseAsset,
            timestampMs: record.timestampMs, side: record.side, price: record.price, priceKind: record.priceKind,
            quantityBase: quantityBase, notionalUSD: notionalUSD, completeness: record.completeness,
            eventID: EventID(
                venue: record.venue, symbol: record.symbol, timestampMs: record.timestampMs, side: record.side,
                price: record.price, quantity: record.quantity, venueID: record.venueID))
    }

    public func openInterest(_ record: VenueOpenInterest) throws(NormaliseError) -> OpenInterestSample {
        let key = InstrumentKey(venue: record.venue, symbol: record.symbol)
        let instrument = try registry.instrument(key)
        func mark() throws(NormaliseError) -> Double {
            guard let price = markPrices[key], price > 0 else {
                throw NormaliseError(
                    instrument: key, reason: "open interest without a USD value needs a mark price; none was fetched")
            }
            return price
        }
        let base: Double
        if let valueBase = record.valueBase {
            base = valueBase
        } else {
            switch record.quantityUnit {
            case .base: base = record.quantity
            case .usd: base = record.quantity / (try mark())
            case .contracts:
                base =
                    instrument.contractSize.unit == .base
                    ? instrument.contractSize.baseQuantity(contracts: record.quantity, price: 1)
                    : instrument.contractSize.baseQuantity(contracts: record.quantity, price: try mark())
            }
        }
        let usd: Double
        if let value = record.valueUSD {
            usd = value
        } else if record.quantityUnit == .usd {
            usd = record.quantity
        } else if record.quantityUnit == .contracts, instrument.contractSize.unit == .usd {
            usd = record.quantity * instrument.contractSize.value
        } else {
            usd = base * (try mark())
        }
        return OpenInterestSample(
            venue: record.venue, symbol: record.symbol, baseAsset: instrument.baseAsset,
            timestampMs: record.timestampMs, openInterestBase: base, openInterestUSD: usd)
    }

    public func funding(_ record: VenueFunding) throws(NormaliseError) -> FundingSample {
        let key = InstrumentKey(venue: record.venue, symbol: record.symbol)
        let instrument = try registry.instrument(key)
        guard
            let interval = record.intervalHours ?? fundingIntervalHours[key]
                ?? defaultFundingIntervalHours[record.venue]
        else {
            throw NormaliseError(
                instrument: key, reason: "funding interval unknown; fetch the running funding rate first")
        }
        return FundingSample(
            venue: record.venue, symbol: record.symbol, baseAsset: instrument.baseAsset,
            timestampMs: record.timestampMs, rate: record.rate, intervalHours: interval, kind: record.kind)
    }
}
