/// The spec's `collector` block: where `liqpipe collect` writes captures and its state, how often it flushes, and
/// where `run` and `replay` find the closed segments. Paths are resolved against the spec's directory.
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
}
