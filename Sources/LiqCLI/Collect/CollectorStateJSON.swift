import LiqCore
import LiqEmit
import LiqFetch

/// `state/collector.json`: the collector's counters, rewritten atomically every few seconds so a monitor (or a
/// person) can see each connection's state, traffic, reconnects and gaps without touching the process.
enum CollectorStateJSON {
    static let fileName = "collector.json"
    static let schemaVersion = 1

    static func encode(_ snapshot: CollectorSnapshot, pid: Int32) -> [UInt8] {
        func number(_ value: some BinaryInteger) -> JSONValue { .number(String(value)) }
        func optional(_ value: Int64?) -> JSONValue { value.map { .number(String($0)) } ?? .null }
        let connections: [JSONValue] = snapshot.connections.map { status in
            .object([
                member("label", .string(status.label)),
                member("venue", .string(status.venue.rawValue)),
                member("url", .string(status.url)),
                member("state", .string(status.state.rawValue)),
                member("messages", number(status.messages)),
                member("bytes", number(status.bytes)),
                member("connects", number(status.connects)),
                member("reconnects", number(status.reconnects)),
                member("staleReconnects", number(status.staleReconnects)),
                member("gaps", number(status.gaps)),
                member("gapMs", number(status.gapMs)),
                member("lastMessageMs", optional(status.lastMessageMs)),
                member("connectedSinceMs", optional(status.connectedSinceMs)),
                member("lastError", status.lastError.map { .string($0) } ?? .null),
                member("lastErrorMs", optional(status.lastErrorMs)),
            ])
        }
        let recovered: [JSONValue] = snapshot.recoveredSegments.map { segment in
            .object([
                member("partPath", .string(segment.partPath)),
                member("finalPath", segment.finalPath.map { .string($0) } ?? .null),
                member("keptBytes", number(segment.keptBytes)),
                member("droppedBytes", number(segment.droppedBytes)),
            ])
        }
        return JSONWriter.encode(
            .object([
                member("schemaVersion", number(schemaVersion)),
                member("pid", number(pid)),
                member("startedMs", number(snapshot.startedMs)),
                member("updatedMs", number(snapshot.takenMs)),
                member("finished", .bool(snapshot.finished)),
                member("recordsWritten", number(snapshot.recordsWritten)),
                member("segmentsClosed", number(snapshot.segmentsClosed)),
                member("messages", number(snapshot.connections.reduce(0) { $0 + $1.messages })),
                member(
                    "reconnects", number(snapshot.connections.reduce(0) { $0 + $1.reconnects + $1.staleReconnects })),
                member("gaps", number(snapshot.connections.reduce(0) { $0 + $1.gaps })),
                member("connections", .array(connections)),
                member("recoveredSegments", .array(recovered)),
            ]))
    }

    private static func member(_ key: String, _ value: JSONValue) -> JSONMember { JSONMember(key: key, value: value) }
}
