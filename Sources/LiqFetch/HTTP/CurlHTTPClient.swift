import CCurl

/// libcurl's process-wide setup. `curl_global_init` is not thread-safe and must run exactly once before any handle
/// exists; a global `let` is initialised lazily and atomically on first use, which gives exactly that. Shared by
/// every libcurl user in the module (`CurlHTTPClient`, `CurlStream`), so there is exactly one such call.
let curlGlobalInitResult = CurlCode(curl_global_init(Int(CURL_GLOBAL_DEFAULT)))

/// Blocking HTTP requests (GET, or POST for requests with a body) over one reused libcurl easy handle.
///
/// Reusing the handle keeps libcurl's connection cache, so consecutive requests to the same host skip the TCP and
/// TLS handshakes. libcurl forbids using a handle from two threads at once, so the client is not `Sendable`: create
/// one per worker thread. TLS peer and host verification are always on (libcurl's defaults, never changed here).
public final class CurlHTTPClient: HTTPFetching {
    private let userAgent: String
    private let maxRedirects: Int
    private let usesEnvironmentProxy: Bool
    /// Created on the first request, so that a setup failure can be reported with the URL it prevented.
    private var handle: UnsafeMutableRawPointer?
    /// CURLOPT_ERRORBUFFER storage; libcurl writes its detailed failure sentence here, so it must outlive the handle.
    private let errorBuffer: UnsafeMutablePointer<CChar>

    /// Creates a client; the libcurl handle itself is made on the first request.
    ///
    /// - Parameters:
    ///   - userAgent: sent with every request, `liqpipe/<version>`, so venues can tell who is calling.
    ///   - maxRedirects: how many redirects to follow; 0 (the default) returns a 3xx response as it is.
    ///   - usesEnvironmentProxy: whether `http_proxy`/`https_proxy`/`no_proxy` apply; tests pass false so their
    ///     traffic cannot leave 127.0.0.1 whatever the environment says.
    public init(userAgent: String, maxRedirects: Int = 0, usesEnvironmentProxy: Bool = true) {
        precondition(maxRedirects >= 0, "maxRedirects must not be negative")
        self.userAgent = userAgent
        self.maxRedirects = maxRedirects
        self.usesEnvironmentProxy = usesEnvironmentProxy
        self.errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
    }

    deinit {
        if let handle {
            curl_easy_cleanup(handle)
        }
        errorBuffer.deallocate()
    }

    /// Performs the request. Any HTTP status is returned; throws `HTTPError` only when no complete response arrived.
    public func get(_ request: HTTPRequest) throws -> HTTPResponse {
        let handle = try easyHandle(for: request.url)
        let headerList = try makeHeaderList(request)
        let accumulator = ResponseAccumulator(
            maxBodyBytes: request.maxBodyBytes,
            maxHeaderBytes: request.maxHeaderBytes
        )
        defer {
            // Clears every option (and so every pointer into this call's memory) but keeps the connection cache.
            curl_easy_reset(handle)
            curl_slist_free_all(headerList)
        }
        errorBuffer[0] = 0
        let context = Unmanaged.passUnretained(accumulator).toOpaque()
        let setupCode = configure(handle, for: request, headerList: headerList, context: context)
        guard setupCode == .ok else {
            throw failure(setupCode, url: request.url, accumulator: accumulator)
        }
        let code = withExtendedLifetime(accumulator) { CurlCode(curl_easy_perform(handle)) }
        guard code == .ok else {
            throw failure(code, url: request.url, accumulator: accumulator)
        }
        return HTTPResponse(
            url: stringInfo(handle, CURLINFO_EFFECTIVE_URL) ?? request.url,
            status: longInfo(handle, CURLINFO_RESPONSE_CODE),
            headers: accumulator.headers,
            body: accumulator.body,
            elapsedSeconds: Double(offsetInfo(handle, CURLINFO_TOTAL_TIME_T)) / 1_000_000
        )
    }

    private func easyHandle(for url: String) throws(HTTPError) -> UnsafeMutableRawPointer {
        if let handle {
            return handle
        }
        guard curlGlobalInitResult == .ok else {
            throw HTTPError(url: url, kind: Self.transportKind(curlGlobalInitResult), detail: "curl_global_init failed")
        }
        guard let created = curl_easy_init() else {
            throw HTTPError(url: url, kind: Self.transportKind(.failedInit), detail: "curl_easy_init returned NULL")
        }
        handle = created
        return created
    }

    /// Builds the `Name: value` list libcurl sends. An empty value is written `Name;`, because libcurl reads
    /// `Name:` as "remove this header". Returns nil for no headers; the caller frees the list.
    private func makeHeaderList(_ request: HTTPRequest) throws(HTTPError) -> UnsafeMutablePointer<curl_slist>? {
        var list: UnsafeMutablePointer<curl_slist>?
        for field in request.headers {
            precondition(
                !field.name.utf8.contains { $0 == 0x0D || $0 == 0x0A || $0 == 0 }
                    && !field.value.utf8.contains { $0 == 0x0D || $0 == 0x0A || $0 == 0 },
                "request header \(field.name) contains CR, LF or NUL"
            )
            let line = field.value.isEmpty ? "\(field.name);" : "\(field.name): \(field.value)"
            guard let appended = curl_slist_append(list, line) else {
                curl_slist_free_all(list)
                throw HTTPError(url: request.url, kind: Self.transportKind(.outOfMemory), detail: "curl_slist_append")
            }
            list = appended
        }
        return list
    }

    /// Sets every option for one request and returns the first failure, or `.ok`.
    private func configure(
        _ handle: UnsafeMutableRawPointer,
        for request: HTTPRequest,
        headerList: UnsafeMutablePointer<curl_slist>?,
        context: UnsafeMutableRawPointer
    ) -> CurlCode {
        var results = [
            ccurl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer),
            ccurl_setopt_string(handle, CURLOPT_URL, request.url),
            // Only HTTP(S), also after redirects: a URL from a payload must never read file:// or talk to other
            // protocols.
            ccurl_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https"),
            ccurl_setopt_string(handle, CURLOPT_REDIR_PROTOCOLS_STR, "http,https"),
            // Without signals: DNS timeouts would otherwise use SIGALRM, which is unsafe with several threads.
            ccurl_setopt_long(handle, CURLOPT_NOSIGNAL, 1),
            ccurl_setopt_string(handle, CURLOPT_USERAGENT, userAgent),
            // "" advertises every encoding this libcurl can decode, and libcurl decodes the body before the write
            // callback sees it.
            ccurl_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, ""),
            ccurl_setopt_slist(handle, CURLOPT_HTTPHEADER, headerList),
            ccurl_setopt_long(handle, CURLOPT_FOLLOWLOCATION, maxRedirects > 0 ? 1 : 0),
            ccurl_setopt_long(handle, CURLOPT_MAXREDIRS, maxRedirects),
            ccurl_setopt_long(
                handle,
                CURLOPT_CONNECTTIMEOUT_MS,
                HTTPTimeouts.milliseconds(request.timeouts.connectSeconds)
            ),
            ccurl_setopt_long(handle, CURLOPT_TIMEOUT_MS, HTTPTimeouts.milliseconds(request.timeouts.totalSeconds)),
            ccurl_setopt_long(handle, CURLOPT_LOW_SPEED_LIMIT, request.timeouts.lowSpeedLimitBytesPerSecond),
            ccurl_setopt_long(handle, CURLOPT_LOW_SPEED_TIME, request.timeouts.lowSpeedTimeSeconds),
            ccurl_setopt_pointer(handle, CURLOPT_WRITEDATA, context),
            ccurl_setopt_data_callback(handle, CURLOPT_WRITEFUNCTION) { data, size, count, context in
                guard let data, let context else {
                    return 0
                }
                let accumulator = Unmanaged<ResponseAccumulator>.fromOpaque(context).takeUnretainedValue()
                return accumulator.appendBody(UnsafeRawBufferPointer(start: data, count: size * count))
            },
            ccurl_setopt_pointer(handle, CURLOPT_HEADERDATA, context),
            ccurl_setopt_data_callback(handle, CURLOPT_HEADERFUNCTION) { data, size, count, context in
                guard let data, let context else {
                    return 0
                }
                let accumulator = Unmanaged<ResponseAccumulator>.fromOpaque(context).takeUnretainedValue()
                return accumulator.appendHeaderLine(UnsafeRawBufferPointer(start: data, count: size * count))
            },
        ]
        if let body = request.body {
            // COPYPOSTFIELDS copies the bytes at once (so the buffer need not outlive this call) and makes it a POST;
            // the size goes first so the body may contain any byte.
            results.append(ccurl_setopt_off_t(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count)))
            results.append(
                body.isEmpty
                    ? ccurl_setopt_string(handle, CURLOPT_COPYPOSTFIELDS, "")
                    : body.withUnsafeBytes {
                        ccurl_setopt_pointer(
                            handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: $0.baseAddress))
                    })
        }
        if !usesEnvironmentProxy {
            // An empty proxy string disables proxies, including those named by environment variables.
            results.append(ccurl_setopt_string(handle, CURLOPT_PROXY, ""))
        }
        return results.lazy.map(CurlCode.init).first { $0 != .ok } ?? .ok
    }

    /// Turns a failed CURLcode into an `HTTPError`, using the accumulator to tell a limit abort from a real write
    /// error: libcurl reports both as CURLE_WRITE_ERROR.
    private func failure(_ code: CurlCode, url: String, accumulator: ResponseAccumulator) -> HTTPError {
        let kind: HTTPError.Kind =
            switch code {
            case .operationTimedOut: .timeout
            case .couldNotConnect, .couldNotResolveHost, .couldNotResolveProxy: .connectionFailed
            case .writeError: accumulator.abortReason ?? Self.transportKind(code)
            default: Self.transportKind(code)
            }
        return HTTPError(url: url, kind: kind, detail: String(cString: errorBuffer))
    }

    private static func transportKind(_ code: CurlCode) -> HTTPError.Kind {
        .transport(code: code.rawValue, message: code.message)
    }

    private func longInfo(_ handle: UnsafeMutableRawPointer, _ item: CURLINFO) -> Int {
        var value = 0
        _ = ccurl_getinfo_long(handle, item, &value)
        return value
    }

    /// For CURLINFO_*_T items, which are 64-bit counts (microseconds, bytes).
    private func offsetInfo(_ handle: UnsafeMutableRawPointer, _ item: CURLINFO) -> Int64 {
        var value: curl_off_t = 0
        _ = ccurl_getinfo_off_t(handle, item, &value)
        return Int64(value)
    }

    /// Copies the string at once: libcurl owns it only until the handle's next reset.
    private func stringInfo(_ handle: UnsafeMutableRawPointer, _ item: CURLINFO) -> String? {
        var value: UnsafePointer<CChar>?
        guard ccurl_getinfo_string(handle, item, &value) == CURLE_OK, let value else {
            return nil
        }
        return String(cString: value)
    }
}

@available(*, unavailable)
extension CurlHTTPClient: Sendable {}
