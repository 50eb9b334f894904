import CCurl

/// A libcurl result code (`CURLcode`) as a Swift value with readable names, in the manner of swift-system's `Errno`.
///
/// Only the codes the client treats specially are named; every other code is still representable and reported
/// with its number and libcurl's message.
struct CurlCode: RawRepresentable, Hashable, Sendable {
    /// The CURLcode number, as listed in libcurl-errors(3).
    var rawValue: Int

    init(rawValue: Int) {
        self.rawValue = rawValue
    }

    init(_ code: CURLcode) {
        self.rawValue = Int(code.rawValue)
    }

    /// libcurl's fixed English description of the code; it lives in static storage, so copying it is safe.
    var message: String {
        String(cString: curl_easy_strerror(CURLcode(rawValue: UInt32(truncatingIfNeeded: rawValue))))
    }

    static let ok = CurlCode(CURLE_OK)
    static let failedInit = CurlCode(CURLE_FAILED_INIT)
    static let couldNotResolveProxy = CurlCode(CURLE_COULDNT_RESOLVE_PROXY)
    static let couldNotResolveHost = CurlCode(CURLE_COULDNT_RESOLVE_HOST)
    static let couldNotConnect = CurlCode(CURLE_COULDNT_CONNECT)
    static let writeError = CurlCode(CURLE_WRITE_ERROR)
    static let outOfMemory = CurlCode(CURLE_OUT_OF_MEMORY)
    static let operationTimedOut = CurlCode(CURLE_OPERATION_TIMEDOUT)
    static let http2 = CurlCode(CURLE_HTTP2)
    static let partialFile = CurlCode(CURLE_PARTIAL_FILE)
    static let sslConnectError = CurlCode(CURLE_SSL_CONNECT_ERROR)
    static let gotNothing = CurlCode(CURLE_GOT_NOTHING)
    static let sendError = CurlCode(CURLE_SEND_ERROR)
    static let receiveError = CurlCode(CURLE_RECV_ERROR)
    static let http2Stream = CurlCode(CURLE_HTTP2_STREAM)
    /// `curl_easy_send`/`curl_easy_recv` on a CONNECT_ONLY connection: the socket is not ready, wait and retry.
    static let again = CurlCode(CURLE_AGAIN)

    /// Codes for a connection that broke while in use (reset, closed mid-body, nothing answered, TLS handshake cut
    /// off): the same request on a fresh connection usually succeeds, so these are worth a retry.
    static let brokenConnection: Set<CurlCode> = [
        .http2, .partialFile, .sslConnectError, .gotNothing, .sendError, .receiveError, .http2Stream,
    ]
}
