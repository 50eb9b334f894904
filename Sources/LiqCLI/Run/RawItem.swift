import LiqFetch

/// What the fetch stage hands to the normaliser: a response body, a chunk of capture lines, or a failure.
enum RawItem: Sendable {
    case response(venueIndex: Int, VenueRequest, HTTPResponse)
    case captureLines(venueIndex: Int, path: String, firstLine: Int, lines: [[UInt8]])
    case failure([SourceFailure])

    /// Payload bytes, for the pipeline's byte counters.
    var byteCount: Int {
        switch self {
        case .response(_, _, let response): response.body.count
        case .captureLines(_, _, _, let lines): lines.reduce(0) { $0 + $1.count }
        case .failure: 0
        }
    }
}
