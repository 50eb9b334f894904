/// The spec's optional `store` block: makes `run` incremental. With it, every run merges what it fetched into the
/// partitioned store (the one `backfill` fills), keeps per-source cursors and health in `stateDirectory`, takes a
/// lock so two runs never overlap, and computes its outputs over the last `windowHours` of the store instead of
/// over what one cycle fetched. Paths are resolved against the spec's directory; missing ones default as the
/// `backfill` block's do (`store/` and `state/` beside the output directory, or the collector's state directory).
public struct StoreSpec: Sendable, Equatable {
    public var directory: String?
    public var stateDirectory: String?
    /// How much of the store the outputs cover, in hours before the newest record (1…8760): measured from the
    /// data, not the wall clock, so the same store always gives the same outputs.
    public var windowHours: Int = 24
    /// Where the Prometheus textfile (`liqpipe.prom`) goes, for node_exporter's textfile collector; default
    /// `<outputs>/liqpipe.prom`.
    public var prometheusFile: String?
}
