/// What `CaptureSegmentWriter.recover(directory:)` did with one leftover `.part` segment.
public struct RecoveredSegment: Sendable, Equatable {
    /// The `.part` file found.
    public var partPath: String
    /// The closed segment it became; nil when it held no complete member and was removed.
    public var finalPath: String?
    /// Bytes of complete, verified members kept.
    public var keptBytes: Int64
    /// Bytes of the torn tail cut off (a member cut short, a bad checksum, garbage).
    public var droppedBytes: Int64

    public init(partPath: String, finalPath: String?, keptBytes: Int64, droppedBytes: Int64) {
        self.partPath = partPath
        self.finalPath = finalPath
        self.keptBytes = keptBytes
        self.droppedBytes = droppedBytes
    }
}
