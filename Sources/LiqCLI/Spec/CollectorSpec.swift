/// The spec's `collector` block: where `liqpipe collect` writes captures and its state, how often it flushes, and
/// where `run` and `replay` find the closed segments. Paths are resolved against the spec's directory.
///
/// `run` reads each venue's closed segments under `<directory>/<venue-id>/` as that venue's stream input (besides
/// its explicit `captures`), in hour and sequence order; open `.part` segments (the collector's current hour) are
/// never read. Until an incremental store exists, every run re-reads all closed segments whose hour starts at most
/// `lookbackHours` before the venue's newest closed segment — measured from the data, not the wall clock, so the
/// same directory always gives the same outputs. After a successful or partial run, `run-captures.json` in
/// `stateDirectory` records per venue the last segment read and how many segments and lines were read; the next
/// run reports how many of its segments are new since then.
public struct CollectorSpec: Sendable, Equatable {
    /// Root of the capture segments (`<directory>/<venue>/<YYYY-MM-DD>/<venue>-<YYYYMMDD>T<HH>.ndjson.gz`).
    public var directory: String
    /// Where `collector.json` (the collector's counters) and the run's capture cursor live.
    public var stateDirectory: String
    /// A gzip member is completed and fsync'd once this much NDJSON is buffered for a venue ...
    public var flushBytes: Int = 1 << 20
    /// ... or once the oldest buffered message is this old: a crash loses at most this much.
    public var flushIntervalMs: Int64 = 1_000
    /// `collector.json` is rewritten (atomically) this often.
    public var stateIntervalMs: Int64 = 5_000
    /// How far back from a venue's newest closed segment `run` reads segments, in hours (1…8760): bounds the
    /// work of a run while there is no incremental store.
    public var lookbackHours: Int = 48
}
