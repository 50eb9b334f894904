import LiqFetch

/// What a `RestHistoryQuery` says about a day before any request: fetch it starting with this request, or report
/// it missing (beyond the venue's retention, no such history for the symbol) without asking the venue.
enum RestHistoryStep: Sendable, Equatable {
    case fetch(VenueRequest)
    case missing(reason: String)
}
