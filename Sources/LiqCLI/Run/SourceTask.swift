import LiqFetch

/// One unit of work for the fetch stage: a REST request or a capture file of one venue.
enum SourceTask: Sendable {
    case request(venueIndex: Int, VenueRequest)
    case capture(venueIndex: Int, path: String)
}
