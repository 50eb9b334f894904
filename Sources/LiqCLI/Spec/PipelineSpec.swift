/// A pipeline spec (`Pipelines/*.json`): what to ingest from which venues and where to write the outputs.
public struct PipelineSpec: Sendable, Equatable {
    public var name: String
    /// The file the spec was read from; relative paths inside it were resolved against its directory.
    public var path: String
    public var venues: [VenueSpec]
    /// Output directory, relative to the working directory unless absolute.
    public var outputDirectory: String
    public var http: HTTPSettings
    public var heatmap: HeatmapSpec
    public var cascades: CascadeSpec
    /// The WebSocket collector's captures and state; nil when the spec has no `collector` block.
    public var collector: CollectorSpec?
    /// Where `backfill` stores history and its ledger; nil when the spec has no `backfill` block (defaults apply).
    public var backfill: BackfillSpec? = nil
    /// Incremental runs over the partitioned store; nil when the spec has no `store` block (each run stands alone).
    public var store: StoreSpec? = nil
    /// How long `maintain` keeps captures and store partitions; defaults when the spec has no `retention` block.
    public var retention = RetentionSpec()
}
