import LiqCore

/// What the fetch stage hands to the normaliser: decoded venue records from one page or capture chunk, the
/// failures of a source, or how many lines a capture file had once it is read (for the run's capture cursor).
enum DecodedItem: Sendable {
    case records(venueIndex: Int, origin: String, [VenueRecord])
    case failure([SourceFailure])
    case captureRead(path: String, lines: Int)

    var recordCount: Int {
        switch self {
        case .records(_, _, let records): records.count
        case .failure, .captureRead: 0
        }
    }
}
