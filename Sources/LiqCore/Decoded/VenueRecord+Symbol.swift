extension VenueRecord {
    /// The venue symbol the record belongs to, whatever its kind.
    public var symbol: String {
        switch self {
        case .liquidation(let record): record.symbol
        case .openInterest(let record): record.symbol
        case .funding(let record): record.symbol
        case .markPrice(let record): record.symbol
        case .priceBar(let record): record.symbol
        }
    }

    /// The feed the record belongs to, so a record that cannot be normalised is charged to the right feed.
    public var feed: Feed {
        switch self {
        case .liquidation: .liquidations
        case .openInterest: .openInterest
        case .funding: .funding
        case .markPrice: .markPrice
        case .priceBar: .priceBars
        }
    }
}
