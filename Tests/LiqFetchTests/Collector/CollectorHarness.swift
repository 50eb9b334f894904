import Dispatch
import Foundation
import LiqCore
import LiqFetch
import Synchronization

/// Runs a `StreamCollector` against loopback servers until a condition on its counters holds (or 10 s pass), then
/// reads back every capture record it stored.
struct CollectorHarness {
    var connections: [CollectorConnection]
    var options: CollectorOptions = {
        var options = CollectorOptions()
        options.reconnectBaseSeconds = 0.02
        options.reconnectMaxSeconds = 0.05
        options.tickSeconds = 0.02
        options.webSocket.connectTimeoutSeconds = 2
        options.webSocket.handshakeTimeoutSeconds = 2
        options.webSocket.closeTimeoutSeconds = 0.2
        return options
    }()

    /// `connections` with test-sized heartbeat and staleness (the subscriptions stay the venue's).
    static func shortened(
        _ endpoint: StreamEndpoint, heartbeatSeconds: Double? = nil, staleAfterSeconds: Double = 5
    ) -> StreamEndpoint {
        var endpoint = endpoint
        endpoint.staleAfterSeconds = staleAfterSeconds
        if let heartbeatSeconds {
            switch endpoint.heartbeat {
            case .serverPings: break
            case .clientText(let text, _): endpoint.heartbeat = .clientText(text, intervalSeconds: heartbeatSeconds)
            case .clientPingFrame: endpoint.heartbeat = .clientPingFrame(intervalSeconds: heartbeatSeconds)
            }
        }
        return endpoint
    }

    struct Outcome {
        var snapshot: CollectorSnapshot
        var records: [CaptureRecord]
        var warnings: [String]
        var logs: [String]
        var timedOut: Bool
    }

    func run(directory: String, until done: @escaping @Sendable (CollectorSnapshot) -> Bool) throws -> Outcome {
        let logs = Mutex<[String]>([])
        let collector = StreamCollector(
            connections: connections, directory: directory, options: options,
            log: { line in logs.withLock { $0.append(line) } })
        let stop = CollectorStopSignal()
        let timedOut = Atomic<Bool>(false)
        DispatchQueue.global().asyncAfter(deadline: .now() + 10) {
            if !stop.isStopped { timedOut.store(true, ordering: .relaxed) }
            stop.stop()
        }
        let snapshot = try collector.run(stop: stop, reportIntervalMs: 5) { snapshot in
            if done(snapshot) { stop.stop() }
        }
        var records: [CaptureRecord] = []
        var warnings: [String] = []
        for segment in try CaptureDirectory.closedSegments(in: directory) {
            let reader = try CaptureReader(path: segment.path)
            while let line = try reader.nextLine() {
                if let record = try CaptureLine.parse(line, path: segment.path, lineNumber: reader.lineNumber).record {
                    records.append(record)
                }
            }
            warnings += reader.warnings
        }
        return Outcome(
            snapshot: snapshot, records: records, warnings: warnings, logs: logs.withLock { $0 },
            timedOut: timedOut.load(ordering: .relaxed))
    }
}
