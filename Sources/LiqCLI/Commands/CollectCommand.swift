import Dispatch
import LiqCore
import LiqEmit
import LiqFetch

#if canImport(Glibc)
    @preconcurrency import Glibc
#endif

/// `liqpipe collect SPEC [--duration D] [--quiet]`: the WebSocket collector.
///
/// Plans each venue's connections from its reference data (instruments over REST, or the spec's fixtures) and
/// the spec's feeds, then stores every message in hourly capture segments under `collector.directory` until
/// SIGTERM/SIGINT or the duration ends. `collector.json` in `collector.stateDirectory` shows the counters.
enum CollectCommand {
    static func execute(_ arguments: [String], console: Console) throws -> ExitCode {
        let parsed = try ParsedArguments(
            arguments, command: "collect", valued: ["duration"], flags: ["quiet"], maxPositionals: 1)
        guard let specPath = parsed.positionals.first else { throw UsageError("missing SPEC", command: "collect") }
        var duration: Double?
        if let text = parsed.values["duration"] {
            guard let seconds = CollectDuration.seconds(text) else {
                throw UsageError(
                    "option '--duration': expected a positive duration like 90s, 15m, 6h or 1d, got '\(text)'",
                    command: "collect")
            }
            duration = seconds
        }
        let spec: PipelineSpec
        do {
            spec = try SpecLoader.load(path: specPath)
        } catch {
            throw SpecError(error)
        }
        guard let settings = spec.collector else {
            throw UsageError(
                "\(specPath) has no \"collector\" block (directory for the captures); see README, Collecting",
                command: "collect")
        }
        let quiet = parsed.flags.contains("quiet")
        let log: @Sendable (String) -> Void = { line in
            console.err("\(Self.timestamp(WallClock.nowMs())) liqpipe collect: \(line)\n")
        }
        var connections: [CollectorConnection] = []
        var skipped = 0
        for venueSpec in spec.venues {
            guard let planner = VenueCatalog.streamPlanner(for: venueSpec.venue) else {
                log("\(venueSpec.venue.rawValue): no public liquidation stream; not collected")
                continue
            }
            var runtime = VenueRuntime(spec: venueSpec)
            runtime.loadReference(http: spec.http)
            if let failure = runtime.failures.first {
                log("\(venueSpec.venue.rawValue): reference data failed, not collected: \(failure.description)")
                skipped += 1
                continue
            }
            do {
                let endpoints = try planner.endpoints(
                    reference: runtime.reference, feeds: venueSpec.feeds, baseURL: venueSpec.streamURL)
                connections += endpoints.map {
                    CollectorConnection(venue: venueSpec.venue, endpoint: $0, planner: planner)
                }
            } catch {
                log("\(venueSpec.venue.rawValue): cannot plan its streams, not collected: \(error)")
                skipped += 1
            }
        }
        guard !connections.isEmpty else {
            console.err("liqpipe: error: no venue of \(specPath) could be collected\n")
            return .failure
        }
        for connection in connections {
            log("\(connection.endpoint.label): \(connection.endpoint.url)")
        }

        let stop = CollectorStopSignal()
        let signals = Self.stopOnSignals(stop, log: log)
        defer {
            for source in signals { source.cancel() }
            signal(SIGINT, SIG_DFL)
            signal(SIGTERM, SIG_DFL)
        }
        if let duration {
            DispatchQueue.global().asyncAfter(deadline: .now() + duration) { stop.stop() }
        }
        let statePath = settings.stateDirectory + "/" + CollectorStateJSON.fileName
        let pid = getpid()
        let silent: @Sendable (String) -> Void = { _ in }
        let connectionLog = quiet ? silent : log
        let collector = StreamCollector(
            connections: connections, directory: settings.directory, flushBytes: settings.flushBytes,
            flushIntervalMs: settings.flushIntervalMs, log: connectionLog)
        var stateError: (any Error)?
        let snapshot: CollectorSnapshot
        do {
            snapshot = try collector.run(stop: stop, reportIntervalMs: settings.stateIntervalMs) { snapshot in
                do {
                    try AtomicFile.write(CollectorStateJSON.encode(snapshot, pid: pid), to: statePath)
                } catch {
                    // Reported once at the end: the captures matter more than the counters.
                    stateError = stateError ?? error
                }
            }
        } catch {
            console.err("liqpipe: error: capture write failed, collector stopped: \(error)\n")
            return .failure
        }
        if let stateError { console.err("liqpipe: warning: \(statePath) not written: \(stateError)\n") }
        for status in snapshot.connections {
            console.out(
                "\(status.label): \(status.messages) messages, \(status.connects) connections, "
                    + "\(status.reconnects + status.staleReconnects) reconnects, \(status.gaps) gaps\n")
        }
        console.out(
            "liqpipe collect \(spec.name): \(snapshot.recordsWritten) messages stored, \(snapshot.segmentsClosed) "
                + "segments closed under \(settings.directory); state in \(statePath)\n")
        return skipped > 0 ? .partial : .success
    }

    /// SIGINT and SIGTERM request a clean stop (connections closed, segments finalised) instead of killing.
    ///
    /// The signals are then unblocked on this thread: a parent may start us with them blocked (a thread of a
    /// Dispatch-based supervisor, where every worker blocks signals), and a blocked signal would stay pending
    /// forever while every collector thread keeps it blocked too. One that arrived before is delivered now.
    static func stopOnSignals(_ stop: CollectorStopSignal, log: @escaping @Sendable (String) -> Void)
        -> [any DispatchSourceSignal]
    {
        let sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                log("\(number == SIGINT ? "SIGINT" : "SIGTERM"): stopping")
                stop.stop()
            }
            source.resume()
            return source
        }
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        return sources
    }

    /// `2025-10-10T20:50:00.123Z` for log lines.
    static func timestamp(_ ms: Int64) -> String {
        let date = UTCDate(timestampMs: ms)
        let inDay = ms - date.startMs
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let millis = inDay % 1_000
        let millisText = millis < 10 ? "00\(millis)" : millis < 100 ? "0\(millis)" : "\(millis)"
        return "\(date)T\(two(inDay / 3_600_000)):\(two(inDay / 60_000 % 60)):\(two(inDay / 1_000 % 60)).\(millisText)Z"
    }
}
