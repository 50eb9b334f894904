import Glibc

/// The one place that creates sockets for tests: TCP on 127.0.0.1 only, so no test can accept traffic from, or be
/// reached by, anything but this machine.
enum LoopbackSocket {
    /// Creates a TCP socket bound to 127.0.0.1 on a port the kernel picks (port 0), which keeps tests that run in
    /// parallel from colliding. Returns the descriptor and the port.
    static func bindEphemeral() throws(SocketError) -> (descriptor: Int32, port: UInt16) {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else {
            throw SocketError("socket")
        }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr = in_addr(s_addr: INADDR_LOOPBACK.bigEndian)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(descriptor, generic, length) == 0 && getsockname(descriptor, generic, &length) == 0
            }
        }
        guard bound else {
            let error = SocketError("bind/getsockname")
            close(descriptor)
            throw error
        }
        return (descriptor, UInt16(bigEndian: address.sin_port))
    }
}
