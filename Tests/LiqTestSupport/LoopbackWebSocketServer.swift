import Dispatch
import Glibc
import LiqFetch
import Synchronization

/// A WebSocket server on 127.0.0.1 for testing the client and the collector without touching the network.
///
/// Binds only to the loopback address on a kernel-chosen port. Each accepted connection gets its own thread: the
/// server reads the upgrade request, answers it as `reply` says (a correct 101 by default, computed with
/// `WebSocketAccept`), and then runs the test's `script` with a `LoopbackWebSocketPeer` that speaks the venue's
/// protocol: read the client's subscription, push messages, ping, close or drop. When the script returns the
/// connection is closed (without a close frame unless the script sent one). A script's thrown error is recorded in
/// `scriptErrors`, so the test can assert that the client behaved (e.g. it answered a ping, masked its frames).
///
/// `stop()` (or deinit) closes the listener, wakes every connection, and returns once all scripts have finished;
/// errors caused by that shutdown are not recorded.
///
/// A venue script, e.g. a Bybit-like stream that checks the subscription, pushes one message, and on the first
/// connection drops it to provoke a reconnect:
///
/// ```swift
/// let server = try LoopbackWebSocketServer { peer in
///     let subscribe = try peer.receiveText()
///     guard subscribe.contains("allLiquidation.BTCUSDT") else {
///         throw LoopbackWebSocketError("unexpected subscription \(subscribe)")
///     }
///     try peer.sendText(#"{"topic":"allLiquidation.BTCUSDT","data":[]}"#)
///     if peer.connectionIndex == 0 {
///         peer.drop()
///     } else {
///         try peer.waitForClientToHangUp()
///     }
/// }
/// defer { server.stop() }
/// // point the collector at server.url(path: "/v5/public/linear") ... then:
/// #expect(server.scriptErrors == [])
/// ```
public final class LoopbackWebSocketServer: Sendable {
    /// The bound port on 127.0.0.1.
    public let port: UInt16
    private let state: WebSocketServerState
    private let finished = DispatchGroup()

    /// Starts listening at once.
    ///
    /// - Parameters:
    ///   - reply: how to answer each upgrade request; `.accept` unless a test is checking the handshake.
    ///   - script: what the server does on each upgraded connection, on that connection's thread; the peer's
    ///     `connectionIndex` tells a reconnect (1, 2, ...) from the first connection (0).
    public init(
        reply: @escaping @Sendable (ReceivedRequest) -> LoopbackUpgradeReply = { _ in .accept },
        script: @escaping @Sendable (LoopbackWebSocketPeer) throws -> Void
    ) throws(SocketError) {
        let (listener, port) = try LoopbackSocket.bindEphemeral()
        guard listen(listener, 16) == 0 else {
            let error = SocketError("listen")
            close(listener)
            throw error
        }
        self.port = port
        self.state = WebSocketServerState(listener: listener)
        // The loops capture the state, never `self`, so dropping the server runs deinit.
        DispatchQueue(label: "LoopbackWebSocketServer.accept.\(port)").async(group: finished) {
            [state, finished] in
            Self.acceptLoop(listener: listener, state: state, finished: finished, reply: reply, script: script)
        }
    }

    deinit {
        stop()
    }

    /// `ws://127.0.0.1:<port>` followed by `path` (which should start with `/`).
    public func url(path: String = "/") -> String {
        "ws://127.0.0.1:\(port)\(path)"
    }

    /// How many TCP connections the server has accepted so far (each reconnect adds one).
    public var acceptedConnectionCount: Int {
        state.fields.withLock { $0.acceptedConnectionCount }
    }

    /// Every upgrade request received so far, in arrival order.
    public var receivedRequests: [ReceivedRequest] {
        state.fields.withLock { $0.requests }
    }

    /// Errors thrown by scripts (or by a failed upgrade), each prefixed with its connection index, in the order
    /// they happened. Empty when every script ran to its end.
    public var scriptErrors: [String] {
        state.fields.withLock { $0.scriptErrors }
    }

    /// Waits until `count` connections have finished (script returned or threw) or `timeoutSeconds` passed;
    /// returns whether they had.
    public func waitForFinishedConnections(_ count: Int, timeoutSeconds: Double = 5) -> Bool {
        let deadline = ContinuousClock.now + .seconds(timeoutSeconds)
        while state.fields.withLock({ $0.finishedConnectionCount }) < count {
            guard ContinuousClock.now < deadline else {
                return false
            }
            usleep(2_000)
        }
        return true
    }

    /// Stops accepting, drops open connections and returns once every connection thread has finished. Idempotent.
    public func stop() {
        state.fields.withLock { fields in
            fields.isStopping = true
            if let listener = fields.listener {
                shutdown(listener, Int32(SHUT_RDWR))
            }
            for connection in fields.openConnections {
                shutdown(connection, Int32(SHUT_RDWR))
            }
        }
        finished.wait()
    }

    /// Largest upgrade request head read.
    private static let maxRequestHeadBytes = 16 * 1024

    private static func acceptLoop(
        listener: Int32,
        state: WebSocketServerState,
        finished: DispatchGroup,
        reply: @escaping @Sendable (ReceivedRequest) -> LoopbackUpgradeReply,
        script: @escaping @Sendable (LoopbackWebSocketPeer) throws -> Void
    ) {
        while true {
            let connection = accept(listener, nil, nil)
            if connection < 0 {
                if errno == EINTR || errno == ECONNABORTED {
                    continue
                }
                break  // The listener was shut down by stop(), or is unusable.
            }
            let index: Int? = state.fields.withLock { fields in
                guard !fields.isStopping else {
                    return nil
                }
                fields.openConnections.insert(connection)
                fields.acceptedConnectionCount += 1
                return fields.acceptedConnectionCount - 1
            }
            guard let index else {
                close(connection)
                break
            }
            DispatchQueue(label: "LoopbackWebSocketServer.connection.\(index)").async(group: finished) {
                do {
                    try serve(connection, index: index, state: state, reply: reply, script: script)
                } catch {
                    state.fields.withLock { fields in
                        if !fields.isStopping {
                            fields.scriptErrors.append("connection \(index): \(error)")
                        }
                    }
                }
                state.fields.withLock { fields in
                    fields.openConnections.remove(connection)
                    fields.finishedConnectionCount += 1
                    close(connection)
                }
            }
        }
        state.fields.withLock { fields in
            if let listener = fields.listener {
                close(listener)
            }
            fields.listener = nil
        }
    }

    /// Reads the upgrade request, answers it, and runs the script when the answer was a 101.
    private static func serve(
        _ connection: Int32,
        index: Int,
        state: WebSocketServerState,
        reply: @Sendable (ReceivedRequest) -> LoopbackUpgradeReply,
        script: @Sendable (LoopbackWebSocketPeer) throws -> Void
    ) throws {
        let stream = LoopbackStream(descriptor: connection)
        let head = try stream.readHead(maxBytes: maxRequestHeadBytes, timeoutSeconds: 5)
        guard let request = ReceivedRequest(head: head, connectionIndex: index) else {
            throw LoopbackWebSocketError("malformed request line: \(String(decoding: head.prefix(200), as: UTF8.self))")
        }
        state.fields.withLock { $0.requests.append(request) }
        let accept: String
        switch reply(request) {
        case .accept:
            guard let key = request.header("Sec-WebSocket-Key") else {
                throw LoopbackWebSocketError("the upgrade request has no Sec-WebSocket-Key")
            }
            accept = WebSocketAccept.value(forKey: key)
        case .acceptWithValue(let value):
            accept = value
        case .reject(let status, let reason, let body):
            let bodyBytes = Array(body.utf8)
            let head = "HTTP/1.1 \(status) \(reason)\r\nContent-Length: \(bodyBytes.count)\r\nConnection: close\r\n\r\n"
            try stream.write(Array(head.utf8) + bodyBytes)
            return
        case .raw(let bytes):
            try stream.write(bytes)
            return
        }
        let answer =
            "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Accept: \(accept)\r\n\r\n"
        try stream.write(Array(answer.utf8))
        try script(LoopbackWebSocketPeer(request: request, stream: stream))
    }
}

/// The server's mutable state, shared with its threads. Descriptors are shut down and closed only under the lock,
/// so stop() can never touch a descriptor number that was already closed and reused.
private final class WebSocketServerState: Sendable {
    struct Fields {
        var listener: Int32?
        var isStopping = false
        var openConnections: Set<Int32> = []
        var acceptedConnectionCount = 0
        var finishedConnectionCount = 0
        var requests: [ReceivedRequest] = []
        var scriptErrors: [String] = []
    }

    let fields: Mutex<Fields>

    init(listener: Int32) {
        fields = Mutex(Fields(listener: listener))
    }
}
