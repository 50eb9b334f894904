import LiqCore
import LiqFetch

/// One answered page of a day's REST history, as a `RestHistoryQuery` decides the next request from it: the
/// request, the venue's document and what the adapter decoded from it.
struct RestHistoryPage {
    let request: VenueRequest
    let document: JSONNode
    /// Every record the adapter decoded from the page (of all the spec's symbols the answer holds, not only the
    /// item's: an endpoint per underlying pages over all of its instruments).
    let records: [VenueRecord]
    /// The adapter that decoded the page.
    let adapter: any VenueAdapter

    /// The venue's own next (older or newer) page, as `run` follows it (`VenueAdapter.nextPage`: the venue's
    /// cursor and full-page rule), or nil when the adapter sees no more: queries whose window paging is the
    /// venue's own paging bound this to the window instead of repeating it.
    func venueNextPage() throws -> VenueRequest? {
        try adapter.nextPage(after: request, document: document, records: records)
    }

    /// The oldest record time of the page, nil for an empty one.
    var oldestMs: Int64? { records.lazy.map(\.timestampMs).min() }

    /// The newest record time of the page, nil for an empty one.
    var newestMs: Int64? { records.lazy.map(\.timestampMs).max() }
}
