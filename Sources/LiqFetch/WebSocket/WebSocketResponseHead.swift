/// The status line and header fields of the server's answer to the upgrade request.
struct WebSocketResponseHead: Sendable, Equatable {
    /// The status line as sent, e.g. `HTTP/1.1 101 Switching Protocols`, for error messages.
    var statusLine: String
    /// The status code, or nil when the status line is not `HTTP/x.y NNN ...`.
    var status: Int?
    /// The header fields in order.
    var headers: HTTPHeaders

    /// Largest head accepted, blank line included: real upgrade answers are a few hundred bytes, so a head that
    /// does not end within this many bytes is not one.
    static let maxBytes = 16 * 1024

    /// The length of the head including its blank line when the first `maxBytes` of `bytes` hold a complete one,
    /// or nil otherwise (more bytes are needed, or the head is too long when `bytes.count >= maxBytes`).
    static func length(in bytes: [UInt8]) -> Int? {
        bytes.prefix(maxBytes).firstRange(of: [0x0D, 0x0A, 0x0D, 0x0A])?.upperBound
    }

    /// Parses a head (the bytes `length(in:)` measured). Lines without a colon are skipped: they carry nothing the
    /// handshake checks, and the status check still catches a response that is not HTTP.
    init(_ bytes: ArraySlice<UInt8>) {
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\r\n")
        statusLine = lines.first.map(String.init) ?? ""
        let parts = statusLine.split(separator: " ", maxSplits: 2)
        status = parts.count >= 2 && parts[0].hasPrefix("HTTP/") && parts[1].count == 3 ? Int(parts[1]) : nil
        var headers = HTTPHeaders()
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else {
                continue
            }
            headers.add(name: String(line[..<colon]), value: Self.trimmingBlanks(line[line.index(after: colon)...]))
        }
        self.headers = headers
    }

    /// Whether some value of header `name` lists `token` in its comma-separated list, ignoring ASCII case
    /// (`Connection: keep-alive, Upgrade` contains `upgrade`), as RFC 6455 §4.1 requires for Upgrade and Connection.
    func header(_ name: String, containsToken token: String) -> Bool {
        headers.values(for: name).contains { value in
            value.split(separator: ",").contains { HTTPHeaders.namesMatch(Self.trimmingBlanks($0), token) }
        }
    }

    private static func trimmingBlanks(_ text: Substring) -> String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        var trimmed = text.drop(while: isBlank)
        while let last = trimmed.last, isBlank(last) {
            trimmed = trimmed.dropLast()
        }
        return String(trimmed)
    }
}
