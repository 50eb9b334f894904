import Foundation
public import LiqCore

/// The WebSocket collector: one thread per planned connection receiving into a bounded queue, and the calling
/// thread writing that queue into hourly capture segments, flushing on time, and reporting its counters.
///
/// Start-up first finalises segments a crashed collector left open (`CaptureSegmentWriter.recover`). Shutdown
/// (the stop signal) closes every connection within one tick, stores every message already received, and closes
/// the open segments, so a clean stop loses nothing and a crash loses at most the last flush interval.
public final class StreamCollector: Sendable {
    public let connections: [CollectorConnection]
    public let directory: String
    let options: CollectorOptions
    let flushBytes: Int
    let flushIntervalMs: Int64
    let nowMs: @Sendable () -> Int64
    let log: @Sendable (String) -> Void
    private let board: CollectorStatusBoard

    /// - Parameters:
    ///   - directory: root of the capture segments.
    ///   - nowMs: epoch ms for receive times (tests fix it to write a given hour).
    ///   - log: one line per connection state change.
    public init(
        connections: [CollectorConnection], directory: String, flushBytes: Int = 1 << 20,
        flushIntervalMs: Int64 = 1_000, options: CollectorOptions = CollectorOptions(),
        nowMs: @escaping @Sendable () -> Int64 = WallClock.nowMs, log: @escaping @Sendable (String) -> Void
    ) {
        precondition(Set(connections.map(\.endpoint.label)).count == connections.count, "labels must be unique")
        self.connections = connections
        self.directory = directory
        self.options = options
        self.flushBytes = flushBytes
        self.flushIntervalMs = flushIntervalMs
        self.nowMs = nowMs
        self.log = log
        board = CollectorStatusBoard(
            connections.map {
                StreamConnectionStatus(venue: $0.venue, label: $0.endpoint.label, url: $0.endpoint.url)
            })
    }

    /// Runs until `stop` is signalled, calling `report` with a snapshot every `reportIntervalMs` (on this thread)
    /// and once at the end. A capture write failure (disk full, permissions) stops the connections and is thrown
    /// after the segments written so far are closed as well as they can be.
    @discardableResult
    public func run(
        stop: CollectorStopSignal, reportIntervalMs: Int64 = 5_000, report: (CollectorSnapshot) -> Void = { _ in }
    ) throws(CaptureFileError) -> CollectorSnapshot {
        let startedMs = nowMs()
        let recovered = try CaptureSegmentWriter.recover(directory: directory)
        for segment in recovered {
            log(
                "recovered \(segment.partPath): kept \(segment.keptBytes) bytes, dropped a torn tail of "
                    + "\(segment.droppedBytes)")
        }
        let writer = CaptureSegmentWriter(
            directory: directory, flushBytes: flushBytes, flushIntervalMs: flushIntervalMs)
        let queue = CaptureRecordQueue(capacity: options.queueCapacity)
        let sessions = DispatchGroup()
        for connection in connections {
            let session = StreamSession(
                venue: connection.venue, endpoint: connection.endpoint, planner: connection.planner, options: options,
                queue: queue, board: board, stop: stop, nowMs: nowMs, log: log)
            sessions.enter()
            // A thread of its own: a session blocks in receive for its whole life, which Dispatch's pool is not for.
            let thread = Thread {
                session.run()
                sessions.leave()
            }
            thread.name = "collector \(connection.endpoint.label)"
            thread.start()
        }
        var written = 0
        var lastReportMs = startedMs
        func snapshot(finished: Bool) -> CollectorSnapshot {
            CollectorSnapshot(
                startedMs: startedMs, takenMs: nowMs(),
                connections: board.statuses(connections.map(\.endpoint.label)),
                recordsWritten: written, segmentsClosed: writer.closedSegmentCount, recoveredSegments: recovered,
                finished: finished)
        }
        var failure: CaptureFileError?
        while true {
            let stopping = stop.isStopped && sessions.wait(timeout: .now()) == .success
            do {
                for record in queue.takeAll(timeoutSeconds: stopping ? 0 : options.tickSeconds) {
                    try writer.append(record)
                    written += 1
                }
                try writer.flushIfDue(nowMs: nowMs())
            } catch {
                failure = error
                stop.stop()
                break
            }
            // Every session has ended and the queue is drained: nothing more can arrive.
            if stopping, queue.isEmpty { break }
            if nowMs() - lastReportMs >= reportIntervalMs {
                lastReportMs = nowMs()
                report(snapshot(finished: false))
            }
        }
        sessions.wait()
        do {
            try writer.close()
        } catch {
            failure = failure ?? error
        }
        let final = snapshot(finished: true)
        report(final)
        if let failure { throw failure }
        return final
    }
}
