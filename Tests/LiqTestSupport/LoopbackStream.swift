import Glibc

/// Blocking reads and writes with deadlines on one accepted test-server connection, keeping bytes that arrived
/// ahead of what was asked for (a client may send its first frame in the same packet as its upgrade request).
final class LoopbackStream {
    /// The connection's descriptor; the owning server closes it.
    let descriptor: Int32
    private var pending: [UInt8] = []

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Reads up to and including the first blank line (`\r\n\r\n`) and returns the head without it. Fails when the
    /// peer closes, `maxBytes` arrive without the blank line, or `timeoutSeconds` pass.
    func readHead(maxBytes: Int, timeoutSeconds: Double) throws(LoopbackWebSocketError) -> [UInt8] {
        let deadline = ContinuousClock.now + .seconds(timeoutSeconds)
        let terminator: [UInt8] = Array("\r\n\r\n".utf8)
        while true {
            if let end = pending.firstRange(of: terminator) {
                let head = Array(pending[..<end.lowerBound])
                pending.removeSubrange(..<end.upperBound)
                return head
            }
            guard pending.count <= maxBytes else {
                throw LoopbackWebSocketError("request head longer than \(maxBytes) bytes")
            }
            try fill(until: deadline, waitingFor: "a request head")
        }
    }

    /// Exactly `count` bytes, waiting until `deadline`.
    func read(_ count: Int, until deadline: ContinuousClock.Instant, waitingFor what: String)
        throws(LoopbackWebSocketError) -> [UInt8]
    {
        while pending.count < count {
            try fill(until: deadline, waitingFor: what)
        }
        let bytes = Array(pending[..<count])
        pending.removeSubrange(..<count)
        return bytes
    }

    /// Waits until the peer closes its side (a read returns end-of-file), discarding anything else it sends.
    func readUntilClosed(until deadline: ContinuousClock.Instant) throws(LoopbackWebSocketError) {
        while true {
            do {
                try fill(until: deadline, waitingFor: "the client to close the connection")
            } catch let error where error.isEndOfStream {
                return
            }
            pending.removeAll()
        }
    }

    /// Writes every byte. MSG_NOSIGNAL turns a client's hang-up into an error instead of a SIGPIPE that would kill
    /// the test process.
    func write(_ bytes: [UInt8]) throws(LoopbackWebSocketError) {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes {
                send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            if sent < 0 && errno == EINTR {
                continue
            }
            guard sent > 0 else {
                throw LoopbackWebSocketError("send failed: \(String(cString: strerror(errno)))")
            }
            offset += sent
        }
    }

    /// Appends the next received bytes to `pending`.
    private func fill(until deadline: ContinuousClock.Instant, waitingFor what: String) throws(LoopbackWebSocketError) {
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let remaining = ContinuousClock.now.duration(to: deadline)
            guard remaining > .zero else {
                throw LoopbackWebSocketError("timed out waiting for \(what)")
            }
            var watch = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&watch, 1, Int32((remaining / .milliseconds(1)).rounded(.up)))
            if ready == 0 || (ready < 0 && errno == EINTR) {
                continue
            }
            let received = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if received < 0 && errno == EINTR {
                continue
            }
            guard received > 0 else {
                throw received == 0
                    ? .endOfStream(waitingFor: what)
                    : LoopbackWebSocketError(
                        "recv failed while waiting for \(what): \(String(cString: strerror(errno)))")
            }
            pending.append(contentsOf: chunk[..<received])
            return
        }
    }
}
