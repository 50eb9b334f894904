import LiqCore

/// The registry of backfill sources: which history sources a venue of the spec has. A venue without any is
/// reported by `backfill` and left out.
enum BackfillSources {
    /// The sources of `venue`, configured from the spec (symbols are passed per plan, not here). No venue has one
    /// yet: the Binance data archive source is being added.
    static func make(for venue: VenueSpec, http: HTTPSettings) -> [any BackfillSource] {
        []
    }
}
