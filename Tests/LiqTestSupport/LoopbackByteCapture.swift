import Dispatch
import Glibc
import Synchronization

/// A 127.0.0.1 listener that records the first bytes a client sends on one connection and then hangs up, for
/// checking what a client puts on the wire before any protocol answer, e.g. the ALPN list of a TLS ClientHello.
public final class LoopbackByteCapture: Sendable {
    /// The bound port on 127.0.0.1.
    public let port: UInt16
    private let captured = CapturedBytes()
    private let finished = DispatchGroup()
    private let listener: Int32

    /// Starts listening; the first connection is read until `isComplete` says the bytes so far suffice, the client
    /// closes, or 5 s pass, and then closed. Later connections are refused.
    public init(isComplete: @escaping @Sendable ([UInt8]) -> Bool) throws(SocketError) {
        let (listener, port) = try LoopbackSocket.bindEphemeral()
        guard listen(listener, 1) == 0 else {
            let error = SocketError("listen")
            close(listener)
            throw error
        }
        self.port = port
        self.listener = listener
        DispatchQueue(label: "LoopbackByteCapture.\(port)").async(group: finished) { [captured] in
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else {
                return
            }
            let bytes = Self.read(connection, until: isComplete)
            close(connection)
            captured.bytes.withLock { $0 = bytes }
        }
    }

    deinit {
        shutdown(listener, Int32(SHUT_RDWR))
        finished.wait()
        close(listener)
    }

    /// The bytes of the first connection once it was read and closed, waiting up to `timeoutSeconds` for that;
    /// nil when no connection finished in time.
    public func capturedBytes(timeoutSeconds: Double = 5) -> [UInt8]? {
        guard finished.wait(timeout: .now() + timeoutSeconds) == .success else {
            return nil
        }
        return captured.bytes.withLock { $0 }
    }

    private static func read(_ connection: Int32, until isComplete: ([UInt8]) -> Bool) -> [UInt8] {
        let deadline = ContinuousClock.now + .seconds(5)
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while !isComplete(bytes) {
            let remaining = ContinuousClock.now.duration(to: deadline)
            guard remaining > .zero else {
                break
            }
            var watch = pollfd(fd: connection, events: Int16(POLLIN), revents: 0)
            guard poll(&watch, 1, Int32((remaining / .milliseconds(1)).rounded(.up))) > 0 else {
                continue
            }
            let received = chunk.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
            guard received > 0 else {
                break
            }
            bytes += chunk[..<received]
        }
        return bytes
    }
}

/// The capture's result, shared with its reading thread.
private final class CapturedBytes: Sendable {
    let bytes = Mutex<[UInt8]?>(nil)
}
