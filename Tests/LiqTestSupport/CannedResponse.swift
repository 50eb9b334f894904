/// What the loopback server sends back for one request: a normal response, a slow one, or a scripted fault.
public struct CannedResponse: Sendable {
    /// Ways to break the response on the wire, to test how the client handles a broken transfer.
    public enum Fault: Sendable, Equatable {
        /// Declares the full `Content-Length`, sends only the first `afterBytes` bytes of the body, then closes the
        /// connection: a server dying mid-body.
        case closeMidBody(afterBytes: Int)
        /// Sends the whole body under this `Content-Length` instead of the true one, then closes the connection:
        /// a smaller value truncates the body as a broken proxy would, a larger one loses the tail.
        case contentLength(Int)
    }

    /// Status code; the reason phrase is left empty, which HTTP/1.1 allows and clients ignore.
    public var status: Int
    /// Header lines in order. The server adds `Content-Length` and, when it closes, `Connection: close` itself.
    public var headers: [(name: String, value: String)]
    /// Body bytes as sent on the wire (already compressed, if a `Content-Encoding` header says so).
    public var body: [UInt8]
    /// Seconds to wait before sending anything, to provoke client timeouts. The wait ends early, dropping the
    /// connection, if the client hangs up or the server stops.
    public var delaySeconds: Double
    /// Whether to close the connection after this response instead of keeping it alive for the next request.
    public var closesConnection: Bool
    /// A scripted fault, or nil for a well-formed response.
    public var fault: Fault?

    /// Creates a response; the default is an empty `200` on a kept-alive connection.
    public init(
        status: Int = 200,
        headers: [(name: String, value: String)] = [],
        body: [UInt8] = [],
        delaySeconds: Double = 0,
        closesConnection: Bool = false,
        fault: Fault? = nil
    ) {
        self.status = status
        self.headers = headers
        self.body = body
        self.delaySeconds = delaySeconds
        self.closesConnection = closesConnection
        self.fault = fault
    }

    /// A response with a UTF-8 text body.
    public init(status: Int = 200, headers: [(name: String, value: String)] = [], text: String) {
        self.init(status: status, headers: headers, body: Array(text.utf8))
    }

    /// Whether the server must close the connection after sending: on request, or because a fault leaves the
    /// connection in a state no client can continue from.
    var endsConnection: Bool {
        closesConnection || fault != nil
    }

    /// The bytes to write: status line, headers, blank line and (part of) the body.
    func wireBytes(closing: Bool) -> [UInt8] {
        var declaredLength = body.count
        var sentBody = body[...]
        switch fault {
        case .closeMidBody(let afterBytes): sentBody = body.prefix(afterBytes)
        case .contentLength(let length): declaredLength = length
        case nil: break
        }
        var head = "HTTP/1.1 \(status) \r\n"
        for header in headers {
            head += "\(header.name): \(header.value)\r\n"
        }
        head += "Content-Length: \(declaredLength)\r\n"
        if closing {
            head += "Connection: close\r\n"
        }
        head += "\r\n"
        return Array(head.utf8) + sentBody
    }
}
