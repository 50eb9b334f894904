import Glibc

/// A 127.0.0.1 port where every connection attempt is refused, for testing "connection refused" deterministically.
///
/// The socket is bound but never listens, so the kernel answers connects with a reset; unlike binding, closing and
/// reusing a port number, the port stays reserved for the object's lifetime and no parallel test can take it.
public final class RefusingLoopbackPort: Sendable {
    /// The refused port number.
    public let port: UInt16
    private let descriptor: Int32

    /// Reserves the port.
    public init() throws(SocketError) {
        (descriptor, port) = try LoopbackSocket.bindEphemeral()
    }

    deinit {
        close(descriptor)
    }
}
