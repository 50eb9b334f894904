/// Where a spec's store and state live when its blocks do not say: one rule for `run`, `backfill` and
/// `maintain`, so the history `backfill` writes is the store `run` reads.
extension PipelineSpec {
    /// The partitioned store: the `backfill` block's directory, else the `store` block's, else `store/` beside
    /// the output directory.
    public var storeDirectory: String {
        backfill?.directory ?? store?.directory ?? Self.beside(outputDirectory, "store")
    }

    /// Ledgers, cursors, locks and health: the `store` (for `run`) or `backfill` block's state directory, else the
    /// collector's, else `state/` beside the output directory.
    public var stateDirectory: String {
        store?.stateDirectory ?? backfill?.stateDirectory ?? collector?.stateDirectory
            ?? Self.beside(outputDirectory, "state")
    }

    /// `name` in the directory that holds `path` (`out` → `store`, `/srv/liq/out` → `/srv/liq/store`).
    static func beside(_ path: String, _ name: String) -> String {
        let trimmed = path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
        guard let slash = trimmed.lastIndex(of: "/") else { return name }
        return trimmed[..<slash].isEmpty ? "/" + name : trimmed[..<slash] + "/" + name
    }
}
