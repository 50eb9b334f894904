public import LiqCore

/// What must be known about a venue before its feeds can be normalised: instruments (contract sizes), funding
/// intervals and mark prices; plus any records the reference requests yielded on the way (running funding rates).
public struct ReferenceData: Sendable, Equatable {
    public var instruments: [Instrument] = []
    public var fundingIntervalHours: [InstrumentKey: Double] = [:]
    public var markPrices: [InstrumentKey: Double] = [:]
    public var records: [VenueRecord] = []
    /// The venue's own clock when the reference data was fetched (Deribit's `usOut`), UTC epoch milliseconds:
    /// history endpoints that insist on a time window are anchored to it, never to this machine's clock, so a
    /// run over fixtures asks for exactly the recorded windows.
    public var venueTimeMs: Int64?

    public init() {}

    /// The instrument of `symbol`, when the venue listed it.
    public func instrument(venue: Venue, symbol: String) -> Instrument? {
        instruments.first { $0.venue == venue && $0.symbol == symbol }
    }
}
