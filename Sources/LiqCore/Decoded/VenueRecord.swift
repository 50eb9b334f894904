/// Any record a venue decoder produces, so one pipeline stage can carry every feed.
public enum VenueRecord: Sendable, Equatable {
    case liquidation(VenueLiquidation)
    case openInterest(VenueOpenInterest)
    case funding(VenueFunding)
    case markPrice(VenueMarkPrice)
    case priceBar(VenuePriceBar)
}
