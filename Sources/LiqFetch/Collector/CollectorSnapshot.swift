/// The collector's counters at one moment: what `collector.json` holds.
public struct CollectorSnapshot: Sendable, Equatable {
    /// Epoch ms the collector started and the snapshot was taken.
    public var startedMs: Int64
    public var takenMs: Int64
    public var connections: [StreamConnectionStatus]
    /// Records handed to the capture writer (each stored unless the process dies before its member's flush).
    public var recordsWritten: Int
    /// Segments closed (renamed to their final name) by this collector.
    public var segmentsClosed: Int
    /// `.part` segments a previous, crashed collector left behind, finalised at start.
    public var recoveredSegments: [RecoveredSegment]
    /// False until the collector has stopped and closed its segments.
    public var finished: Bool
}
