import Dispatch
import Glibc
import Synchronization

/// A minimal HTTP/1.1 server on 127.0.0.1 for testing the libcurl client without touching the network.
///
/// Binds only to the loopback address on a kernel-chosen port, answers every request by calling `handler`, and
/// records what it received. Connections are kept alive (HTTP/1.1's default) unless the request or the canned
/// response says `Connection: close` or a fault is scripted, and accepted connections are counted, so a test can
/// prove that the client reused its connection. Each connection is served on its own serial queue, so a client that
/// keeps an idle connection open never blocks a new one. Request bodies are not supported (GET only).
///
/// `stop()` (or deinit) closes the listening socket, wakes every connection, and returns once all have finished.
public final class LoopbackHTTPServer: Sendable {
    /// The bound port on 127.0.0.1.
    public let port: UInt16
    private let state: ServerState
    private let finished = DispatchGroup()

    /// `http://127.0.0.1:<port>`, without a trailing slash.
    public var baseURL: String {
        "http://127.0.0.1:\(port)"
    }

    /// Every request received so far, in arrival order.
    public var receivedRequests: [ReceivedRequest] {
        state.locked.withLock { $0.requests }
    }

    /// How many TCP connections the server has accepted so far.
    public var acceptedConnectionCount: Int {
        state.locked.withLock { $0.acceptedConnectionCount }
    }

    /// Starts listening at once; `handler` runs on a connection's queue for each request.
    public init(handler: @escaping @Sendable (ReceivedRequest) -> CannedResponse) throws(SocketError) {
        let (listener, port) = try LoopbackSocket.bindEphemeral()
        guard listen(listener, 16) == 0 else {
            let error = SocketError("listen")
            close(listener)
            throw error
        }
        self.port = port
        self.state = ServerState(listener: listener)
        // The loops capture the state and the handler, never `self`, so dropping the server runs deinit.
        DispatchQueue(label: "LoopbackHTTPServer.accept.\(port)").async(group: finished) { [state, finished] in
            Self.acceptLoop(listener: listener, state: state, finished: finished, handler: handler)
        }
    }

    deinit {
        stop()
    }

    /// Stops accepting, drops open connections and returns once every server thread has finished. Idempotent.
    public func stop() {
        state.locked.withLock { state in
            state.isStopping = true
            if let listener = state.listener {
                shutdown(listener, Int32(SHUT_RDWR))
            }
            for connection in state.openConnections {
                shutdown(connection, Int32(SHUT_RDWR))
            }
        }
        finished.wait()
    }

    private static func acceptLoop(
        listener: Int32,
        state: ServerState,
        finished: DispatchGroup,
        handler: @escaping @Sendable (ReceivedRequest) -> CannedResponse
    ) {
        while true {
            let connection = accept(listener, nil, nil)
            if connection < 0 {
                if errno == EINTR || errno == ECONNABORTED {
                    continue
                }
                break  // The listener was shut down by stop(), or is unusable.
            }
            guard let index = state.register(connection) else {
                close(connection)
                break
            }
            DispatchQueue(label: "LoopbackHTTPServer.connection.\(index)").async(group: finished) {
                serve(connection, index: index, state: state, handler: handler)
                state.unregisterAndClose(connection)
            }
        }
        state.closeListener()
    }

    /// Answers requests on one connection until either side closes it.
    private static func serve(
        _ connection: Int32,
        index: Int,
        state: ServerState,
        handler: @Sendable (ReceivedRequest) -> CannedResponse
    ) {
        var pending: [UInt8] = []
        while let head = readRequestHead(connection, pending: &pending),
            var request = ReceivedRequest(head: head, connectionIndex: index)
        {
            if let length = request.header("Content-Length").flatMap(Int.init), length > 0 {
                guard length <= maxRequestBodyBytes, let body = readBody(connection, length: length, pending: &pending)
                else { return }
                request.body = body
            }
            state.record(request)
            let response = handler(request)
            if response.delaySeconds > 0, !waitUndisturbed(connection, seconds: response.delaySeconds) {
                return
            }
            let closing = response.endsConnection || request.header("Connection")?.lowercased() == "close"
            guard sendAll(connection, response.wireBytes(closing: closing)), !closing else {
                return
            }
        }
    }

    /// Largest request head accepted; anything longer is not a request this server's tests send.
    private static let maxRequestHeadBytes = 16 * 1024
    /// Largest request body accepted (POST bodies of JSON APIs are a few hundred bytes).
    private static let maxRequestBodyBytes = 1024 * 1024

    /// Reads exactly `length` body bytes, starting with what `pending` already holds; nil when the peer closes.
    private static func readBody(_ connection: Int32, length: Int, pending: inout [UInt8]) -> [UInt8]? {
        var chunk = [UInt8](repeating: 0, count: 4096)
        while pending.count < length {
            let received = chunk.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
            if received < 0 && errno == EINTR {
                continue
            }
            guard received > 0 else {
                return nil
            }
            pending.append(contentsOf: chunk[..<received])
        }
        let body = Array(pending[..<length])
        pending.removeSubrange(..<length)
        return body
    }

    /// Reads until a blank line ends a request head. Bytes after it stay in `pending` for the next request on a
    /// kept-alive connection. Returns nil when the peer closes, on errors, or when the head grows too large.
    private static func readRequestHead(_ connection: Int32, pending: inout [UInt8]) -> [UInt8]? {
        let terminator: [UInt8] = Array("\r\n\r\n".utf8)
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            if let end = pending.firstRange(of: terminator) {
                let head = Array(pending[..<end.lowerBound])
                pending.removeSubrange(..<end.upperBound)
                return head
            }
            guard pending.count <= maxRequestHeadBytes else {
                return nil
            }
            let received = chunk.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
            if received < 0 && errno == EINTR {
                continue
            }
            guard received > 0 else {
                return nil
            }
            pending.append(contentsOf: chunk[..<received])
        }
    }

    /// Sleeps up to `seconds` while watching the connection. Returns false if anything happens on it first (the
    /// client gave up and closed, or stop() shut it down), so a timed-out test never waits out the full delay.
    private static func waitUndisturbed(_ connection: Int32, seconds: Double) -> Bool {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while true {
            let remaining = ContinuousClock.now.duration(to: deadline)
            guard remaining > .zero else {
                return true
            }
            var watch = pollfd(fd: connection, events: Int16(POLLIN), revents: 0)
            let ready = poll(&watch, 1, Int32((remaining / .milliseconds(1)).rounded(.up)))
            if ready < 0 && errno == EINTR {
                continue
            }
            if ready != 0 {
                return false
            }
        }
    }

    /// Writes every byte; MSG_NOSIGNAL turns a client's hang-up into an error instead of a SIGPIPE that would kill
    /// the test process.
    private static func sendAll(_ connection: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes {
                send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            if sent < 0 && errno == EINTR {
                continue
            }
            guard sent > 0 else {
                return false
            }
            offset += sent
        }
        return true
    }
}

/// The server's mutable state, shared with its threads. Descriptors are shut down and closed only under the lock,
/// so stop() can never touch a descriptor number that was already closed and reused.
private final class ServerState: Sendable {
    struct Fields {
        var listener: Int32?
        var isStopping = false
        var openConnections: Set<Int32> = []
        var acceptedConnectionCount = 0
        var requests: [ReceivedRequest] = []
    }

    let locked: Mutex<Fields>

    init(listener: Int32) {
        locked = Mutex(Fields(listener: listener))
    }

    /// Counts a new connection and returns its 0-based index, or nil when the server is stopping.
    func register(_ connection: Int32) -> Int? {
        locked.withLock { fields in
            guard !fields.isStopping else {
                return nil
            }
            fields.openConnections.insert(connection)
            fields.acceptedConnectionCount += 1
            return fields.acceptedConnectionCount - 1
        }
    }

    func record(_ request: ReceivedRequest) {
        locked.withLock { $0.requests.append(request) }
    }

    func unregisterAndClose(_ connection: Int32) {
        locked.withLock { fields in
            fields.openConnections.remove(connection)
            close(connection)
        }
    }

    func closeListener() {
        locked.withLock { fields in
            if let listener = fields.listener {
                close(listener)
            }
            fields.listener = nil
        }
    }
}
