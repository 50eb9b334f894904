/// Payload bytes exactly as a venue sent them, with their provenance: what sources emit and captures store.
public struct RawBatch: Sendable, Equatable {
    public var provenance: Provenance
    public var bytes: [UInt8]

    public init(provenance: Provenance, bytes: [UInt8]) {
        self.provenance = provenance
        self.bytes = bytes
    }
}
