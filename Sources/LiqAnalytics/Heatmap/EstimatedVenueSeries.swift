public import LiqCore

/// One venue instrument's input to the estimated levels of one asset: its OHLC bars and open-interest samples
/// (a venue with two instruments of the asset, e.g. USDT and USDC perpetuals, gives two series).
///
/// Mark-price bars are the better choice for clearing (venues liquidate on the mark price, analytics-anchors §6.4),
/// but they carry no volume, so the long/short split falls back to ½/½; trade bars give the taker-buy share.
public struct EstimatedVenueSeries: Sendable, Equatable {
    public var venue: Venue
    /// Bars of one interval, any order (sorted by the model).
    public var bars: [PriceBar]
    /// Open-interest samples of the same instrument(s), any order; one-sided, base units and USD.
    public var openInterest: [OpenInterestSample]

    public init(venue: Venue, bars: [PriceBar], openInterest: [OpenInterestSample]) {
        self.venue = venue
        self.bars = bars
        self.openInterest = openInterest
    }
}
