extension VenueRecord {
    /// The venue symbol the record belongs to, whatever its kind.
    public var symbol: String {
        switch self {
        case .liquidation(let record): record.symbol
        case .openInterest(let record): record.symbol
        case .funding(let record): record.symbol
        }
    }
}
