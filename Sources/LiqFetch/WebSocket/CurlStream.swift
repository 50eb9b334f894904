import CCurl
import Glibc

/// A TCP (or TLS) byte stream opened by libcurl and then driven by hand: `CURLOPT_CONNECT_ONLY` makes
/// `curl_easy_perform` stop after connecting (and the TLS handshake), and `curl_easy_send`/`curl_easy_recv` move
/// bytes without any HTTP. This is how liqpipe gets WebSocket transport out of a libcurl (7.88) that has no ws://.
///
/// Both calls are non-blocking and return CURLE_AGAIN when they would block; the stream then waits with `poll` on
/// libcurl's socket for at most the time left before the caller's deadline. TLS verification stays at libcurl's
/// defaults (on). Owns its easy handle, so it is used by one thread only.
final class CurlStream {
    /// The WebSocket URL this stream serves, for error messages.
    let url: String
    private let handle: UnsafeMutableRawPointer
    private let socket: Int32
    /// Reused receive buffer; its size (64 KiB) is the largest read per `curl_easy_recv`, which bounds each chunk
    /// handed to the frame parser.
    private var chunk = [UInt8](repeating: 0, count: 64 * 1024)

    private init(url: String, handle: UnsafeMutableRawPointer, socket: Int32) {
        self.url = url
        self.handle = handle
        self.socket = socket
    }

    deinit {
        curl_easy_cleanup(handle)
    }

    /// Connects to `transportURL` (`http://` or `https://`) within `connectTimeoutSeconds`; errors name `url`.
    static func open(
        url: String,
        transportURL: String,
        connectTimeoutSeconds: Double,
        usesEnvironmentProxy: Bool
    ) throws(WebSocketError) -> CurlStream {
        guard curlGlobalInitResult == .ok else {
            throw .connectFailed(url: url, detail: "curl_global_init failed: \(curlGlobalInitResult.message)")
        }
        guard let handle = curl_easy_init() else {
            throw .connectFailed(url: url, detail: "curl_easy_init returned NULL")
        }
        let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        defer { errorBuffer.deallocate() }
        var options = [
            ccurl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer),
            ccurl_setopt_string(handle, CURLOPT_URL, transportURL),
            ccurl_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https"),
            ccurl_setopt_long(handle, CURLOPT_CONNECT_ONLY, 1),
            // TLS ALPN must offer only http/1.1: libcurl offers h2 too by default, and a server that picked h2
            // would not understand the HTTP/1.1 upgrade request written afterwards (RFC 6455 needs HTTP/1.1).
            ccurl_setopt_long(handle, CURLOPT_HTTP_VERSION, Int(CURL_HTTP_VERSION_1_1)),
            // Without signals: DNS timeouts would otherwise use SIGALRM, which is unsafe with several threads.
            ccurl_setopt_long(handle, CURLOPT_NOSIGNAL, 1),
            ccurl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, HTTPTimeouts.milliseconds(connectTimeoutSeconds)),
            // Through a proxy, always tunnel (CONNECT), so the upgrade request reaches the venue, not the proxy.
            ccurl_setopt_long(handle, CURLOPT_HTTPPROXYTUNNEL, 1),
        ]
        if !usesEnvironmentProxy {
            // An empty proxy string disables proxies, including those named by environment variables.
            options.append(ccurl_setopt_string(handle, CURLOPT_PROXY, ""))
        }
        if let failed = options.lazy.map(CurlCode.init).first(where: { $0 != .ok }) {
            curl_easy_cleanup(handle)
            throw .connectFailed(url: url, detail: "setting up libcurl failed: \(failed.message)")
        }
        let code = CurlCode(curl_easy_perform(handle))
        // Detach the buffer before it is freed: later calls on the handle must not write into it.
        _ = ccurl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, nil)
        guard code == .ok else {
            let detail = errorBuffer[0] == 0 ? code.message : String(cString: errorBuffer)
            curl_easy_cleanup(handle)
            throw code == .operationTimedOut
                ? .timedOut(url: url, phase: "connect") : .connectFailed(url: url, detail: detail)
        }
        var socket: curl_socket_t = CURL_SOCKET_BAD
        guard ccurl_getinfo_socket(handle, CURLINFO_ACTIVESOCKET, &socket) == CURLE_OK, socket != CURL_SOCKET_BAD
        else {
            curl_easy_cleanup(handle)
            throw .connectFailed(url: url, detail: "libcurl reported no socket after connecting")
        }
        return CurlStream(url: url, handle: handle, socket: socket)
    }

    /// Writes every byte of `bytes` before `deadline`; `phase` names the step in a timeout error.
    func send(_ bytes: [UInt8], deadline: ContinuousClock.Instant, phase: String) throws(WebSocketError) {
        var offset = 0
        while offset < bytes.count {
            var written = 0
            let code = bytes[offset...].withUnsafeBytes { buffer in
                CurlCode(curl_easy_send(handle, buffer.baseAddress, buffer.count, &written))
            }
            if code == .ok {
                offset += written
            } else if code == .again {
                guard try wait(for: Int16(POLLOUT), until: deadline) else {
                    throw .timedOut(url: url, phase: phase)
                }
            } else {
                throw .transport(url: url, detail: "send failed: \(code.message)")
            }
        }
    }

    /// The next bytes received, or nil when nothing arrived before `deadline` (a deadline already past still reads
    /// what is ready). Throws when the connection failed or the server closed it.
    func receive(deadline: ContinuousClock.Instant) throws(WebSocketError) -> [UInt8]? {
        while true {
            var received = 0
            let code = chunk.withUnsafeMutableBytes { buffer in
                CurlCode(curl_easy_recv(handle, buffer.baseAddress, buffer.count, &received))
            }
            if code == .ok {
                guard received > 0 else {
                    throw .transport(url: url, detail: "the server closed the connection")
                }
                return Array(chunk[..<received])
            }
            guard code == .again else {
                throw .transport(url: url, detail: "receive failed: \(code.message)")
            }
            // CURLE_AGAIN also means that TLS holds no decrypted bytes, so waiting on the socket cannot miss any.
            guard try wait(for: Int16(POLLIN), until: deadline) else {
                return nil
            }
        }
    }

    /// Waits until the socket is ready for `events` (or has an error or hang-up, which the next call reports).
    /// Returns false when `deadline` passed first.
    private func wait(for events: Int16, until deadline: ContinuousClock.Instant) throws(WebSocketError) -> Bool {
        while true {
            let remaining = ContinuousClock.now.duration(to: deadline)
            guard remaining > .zero else {
                return false
            }
            let milliseconds = Int32(min((remaining / .milliseconds(1)).rounded(.up), Double(Int32.max)))
            var watch = pollfd(fd: socket, events: events, revents: 0)
            let ready = poll(&watch, 1, milliseconds)
            if ready > 0 {
                return true
            }
            if ready < 0 && errno != EINTR {
                throw .transport(url: url, detail: "poll failed: \(String(cString: strerror(errno)))")
            }
        }
    }
}

@available(*, unavailable)
extension CurlStream: Sendable {}
