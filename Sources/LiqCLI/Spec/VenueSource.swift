/// Where a venue's REST answers come from.
public enum VenueSource: Sendable, Equatable {
    /// The venue (or a mirror, proxy or loopback server) at this base URL, through libcurl.
    case network(baseURL: String)
    /// Recorded answers in a directory laid out like the venue's URL space (see `FixtureDirectoryTransport`).
    case fixtures(directory: String)
}
