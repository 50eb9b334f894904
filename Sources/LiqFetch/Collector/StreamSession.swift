import LiqCore

#if canImport(Glibc)
    @preconcurrency import Glibc
#endif

/// One collector connection over its whole life: connect, subscribe, receive into the capture queue, keep the
/// venue's heartbeat, answer what the venue asks, notice a silent stream, and reconnect with backoff until stopped.
///
/// Every message is stored as received, with its receive time and the endpoint's label; a reconnect sends the
/// subscriptions again, so a venue that forgot them (every venue does on a new connection) resumes.
struct StreamSession: Sendable {
    let venue: Venue
    let endpoint: StreamEndpoint
    let planner: any StreamPlanner
    let options: CollectorOptions
    let queue: CaptureRecordQueue
    let board: CollectorStatusBoard
    let stop: CollectorStopSignal
    let nowMs: @Sendable () -> Int64
    let log: @Sendable (String) -> Void

    /// Why a connection ended.
    enum Ending {
        case stopped
        case stale(seconds: Double)
        case failed(String)
    }

    func run() {
        var failures = 0
        var disconnectedAtMs: Int64?
        while !stop.isStopped {
            update { $0.state = .connecting }
            let started = ContinuousClock.now
            let ending = connectOnce(disconnectedAtMs: disconnectedAtMs)
            if case .stopped = ending { break }
            let at = nowMs()
            disconnectedAtMs = at
            let lived = ContinuousClock.now - started
            failures = lived >= .seconds(options.healthyAfterSeconds) ? 1 : failures + 1
            update { status in
                status.state = .backoff
                status.connectedSinceMs = nil
                switch ending {
                case .stale(let seconds):
                    status.staleReconnects += 1
                    status.lastError = "no message for \(Int(seconds.rounded())) s"
                case .failed(let reason):
                    status.reconnects += 1
                    status.lastError = reason
                case .stopped:
                    break
                }
                status.lastErrorMs = at
            }
            let ceiling = min(
                options.reconnectMaxSeconds,
                options.reconnectBaseSeconds * Double(1 << min(failures - 1, 30)))
            let wait = Double.random(in: 0...ceiling)
            switch ending {
            case .stale(let seconds):
                log(
                    "\(endpoint.label): no message for \(Int(seconds.rounded())) s, reconnecting in \(Self.seconds(wait))"
                )
            case .failed(let reason):
                log("\(endpoint.label): \(reason); reconnecting in \(Self.seconds(wait))")
            case .stopped:
                break
            }
            sleep(seconds: wait)
        }
        update {
            $0.state = .stopped
            $0.connectedSinceMs = nil
        }
    }

    /// One connection, from connect to its end.
    private func connectOnce(disconnectedAtMs: Int64?) -> Ending {
        let connection: WebSocketConnection
        do {
            connection = try WebSocketConnection.connect(url: endpoint.url, options: options.webSocket)
        } catch {
            return .failed(error.description)
        }
        defer { connection.close() }
        do {
            for message in endpoint.subscribeMessages { try connection.send(text: message) }
        } catch {
            return .failed(error.description)
        }
        let connectedMs = nowMs()
        update { status in
            status.state = .subscribed
            status.connects += 1
            status.connectedSinceMs = connectedMs
            if let disconnectedAtMs {
                status.gaps += 1
                status.gapMs += connectedMs - disconnectedAtMs
            }
        }
        log("\(endpoint.label): connected to \(endpoint.url)")
        var lastMessage = ContinuousClock.now
        var lastHeartbeat = ContinuousClock.now
        while !stop.isStopped {
            let now = ContinuousClock.now
            let silent = Self.seconds(of: now - lastMessage)
            if silent >= endpoint.staleAfterSeconds { return .stale(seconds: silent) }
            var wait = min(options.tickSeconds, endpoint.staleAfterSeconds - silent)
            do {
                if let interval = endpoint.heartbeat.intervalSeconds {
                    let sinceBeat = Self.seconds(of: now - lastHeartbeat)
                    if sinceBeat >= interval {
                        try beat(connection)
                        lastHeartbeat = now
                    } else {
                        wait = min(wait, interval - sinceBeat)
                    }
                }
                guard let message = try connection.receive(timeoutSeconds: max(0.001, wait)) else { continue }
                lastMessage = ContinuousClock.now
                let bytes: [UInt8]
                switch message {
                case .text(let text): bytes = text
                case .binary(let data): bytes = data
                }
                let record = CaptureRecord(
                    receivedMs: nowMs(), venue: venue.rawValue, connection: endpoint.label, message: bytes)
                while !queue.put(record, timeoutSeconds: options.tickSeconds) {
                    if stop.isStopped { return .stopped }
                }
                update { status in
                    status.messages += 1
                    status.bytes += bytes.count
                    status.lastMessageMs = record.receivedMs
                }
                if let reply = planner.reply(to: bytes) { try connection.send(text: reply) }
            } catch {
                return .failed(error.description)
            }
        }
        return .stopped
    }

    private func beat(_ connection: WebSocketConnection) throws(WebSocketError) {
        switch endpoint.heartbeat {
        case .serverPings: break
        case .clientText(let text, _): try connection.send(text: text)
        case .clientPingFrame: try connection.sendPing([])
        }
    }

    private func update(_ change: (inout StreamConnectionStatus) -> Void) { board.update(endpoint.label, change) }

    /// Sleeps in ticks so a stop request is honoured within one tick.
    private func sleep(seconds: Double) {
        let end = ContinuousClock.now + .seconds(seconds)
        while !stop.isStopped, ContinuousClock.now < end {
            let left = Self.seconds(of: end - ContinuousClock.now)
            let step = min(options.tickSeconds, max(0, left))
            usleep(UInt32(step * 1_000_000))
        }
    }

    static func seconds(of duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }

    static func seconds(_ value: Double) -> String {
        value < 10 ? "\(Double(Int(value * 10)) / 10) s" : "\(Int(value)) s"
    }
}

extension StreamHeartbeat {
    /// How often we must send something, or nil when the venue drives the heartbeat.
    var intervalSeconds: Double? {
        switch self {
        case .serverPings: nil
        case .clientText(_, let interval): interval
        case .clientPingFrame(let interval): interval
        }
    }
}
