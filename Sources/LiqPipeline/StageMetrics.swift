/// A point-in-time copy of one stage's counters, safe to hand to another thread or print.
///
/// Item counts are per item (usually per batch); ``records`` and ``bytes`` come from the stage's `measure`
/// closure and describe what the stage processed: its inputs, or for a source its outputs.
public struct StageMetrics: Sendable, Equatable, CustomStringConvertible {
    /// The stage's name as given to the pipeline builder.
    public var stageName: String
    /// Number of workers (each on its own serial queue).
    public var workers: Int
    /// Items taken from the input channel (always 0 for a source).
    public var itemsIn: Int
    /// Items handed to the output channel (always 0 for a sink).
    public var itemsOut: Int
    /// Records processed, summed over the `measure` of each input (outputs for a source).
    public var records: Int
    /// Bytes processed, summed over the `measure` of each input (outputs for a source).
    public var bytes: Int
    /// Wall time spent inside the stage's own code, summed over workers: the transform, consumer or source body,
    /// minus time blocked waiting for room in the output channel. Comparing it between stages shows the bottleneck;
    /// time blocked on backpressure is left out because it would make every stage upstream of a bottleneck look busy.
    public var busyTime: Duration

    /// Creates a snapshot; the engine makes these, tests and CLIs may compare against them.
    public init(
        stageName: String,
        workers: Int,
        itemsIn: Int,
        itemsOut: Int,
        records: Int,
        bytes: Int,
        busyTime: Duration
    ) {
        self.stageName = stageName
        self.workers = workers
        self.itemsIn = itemsIn
        self.itemsOut = itemsOut
        self.records = records
        self.bytes = bytes
        self.busyTime = busyTime
    }

    /// Compact one-stage summary for the progress line, e.g. `normalise×2 120→118 11800 rec 3.2 MB busy 1.2 s`.
    public var description: String {
        let workerSuffix = workers > 1 ? "×\(workers)" : ""
        var text = "\(stageName)\(workerSuffix) \(itemsIn)→\(itemsOut) \(records) rec"
        if bytes > 0 {
            text += " \(MetricFormat.bytes(bytes))"
        }
        return text + " busy \(MetricFormat.seconds(busyTime))"
    }
}
