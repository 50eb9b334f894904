public import LiqCore

/// The instruments the normaliser may convert: contract sizes and base assets come only from here, fetched or
/// read from fixtures, so a missing instrument is a loud error instead of a guessed size.
public struct InstrumentRegistry: Sendable, Equatable {
    private var instruments: [InstrumentKey: Instrument] = [:]

    public init(_ instruments: [Instrument] = []) {
        for instrument in instruments { add(instrument) }
    }

    public mutating func add(_ instrument: Instrument) {
        instruments[InstrumentKey(venue: instrument.venue, symbol: instrument.symbol)] = instrument
    }

    public var count: Int { instruments.count }

    public func instrument(_ key: InstrumentKey) throws(NormaliseError) -> Instrument {
        guard let instrument = instruments[key] else {
            throw NormaliseError(
                instrument: key,
                reason: "no instrument metadata (contract size, base asset); fetch the venue's instruments first")
        }
        return instrument
    }
}
