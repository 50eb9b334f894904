/// The spec's optional `backfill` block: where `liqpipe backfill` keeps its partitioned store and its resume
/// ledger. Paths given here are resolved against the spec's directory. Without the block (or a key), the store is
/// `store/` and the state `state/` beside the output directory, and the state directory is the collector's when
/// the spec has a `collector` block.
public struct BackfillSpec: Sendable, Equatable {
    /// Root of `feed=<feed>/venue=<venue>/symbol=<symbol>/date=<YYYY-MM-DD>/<dataset>.csv`.
    public var directory: String?
    /// The ledger lives in `<stateDirectory>/backfill/`.
    public var stateDirectory: String?
}
