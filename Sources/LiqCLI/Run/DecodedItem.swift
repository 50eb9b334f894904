import LiqCore

/// What the fetch stage hands to the normaliser: decoded venue records from one page or capture chunk, or the
/// failures of a source.
enum DecodedItem: Sendable {
    case records(venueIndex: Int, origin: String, [VenueRecord])
    case failure([SourceFailure])

    var recordCount: Int {
        switch self {
        case .records(_, _, let records): records.count
        case .failure: 0
        }
    }
}
