/// A request as the loopback server parsed it, kept so tests can check what the client actually sent.
public struct ReceivedRequest: Sendable, Equatable {
    /// One request header line, name spelled as sent.
    public struct Header: Sendable, Equatable {
        /// The name as sent.
        public var name: String
        /// The value without surrounding spaces.
        public var value: String
    }

    /// The request method, e.g. `GET`.
    public var method: String
    /// The request target: path plus query, e.g. `/fapi/v1/allForceOrders?symbol=BTCUSDT`.
    public var target: String
    /// Header lines in the order sent.
    public var headers: [Header]
    /// 0-based order in which the server accepted the connection this request came on; equal values for two
    /// requests prove that the client reused a connection.
    public var connectionIndex: Int
    /// The request body (`Content-Length` bytes); empty for requests without one.
    public var body: [UInt8] = []

    /// The first value of header `name`, compared case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// Parses a request head (request line and header lines, without the final blank line). Returns nil when the
    /// request line is not `METHOD TARGET VERSION`.
    init?(head: [UInt8], connectionIndex: Int) {
        let lines = String(decoding: head, as: UTF8.self).split(separator: "\r\n", omittingEmptySubsequences: false)
        let requestLine = lines.first?.split(separator: " ") ?? []
        guard requestLine.count == 3 else {
            return nil
        }
        self.method = String(requestLine[0])
        self.target = String(requestLine[1])
        self.headers = lines.dropFirst().compactMap { line in
            guard let colon = line.firstIndex(of: ":") else {
                return nil
            }
            return Header(name: String(line[..<colon]), value: Self.trimmingBlanks(line[line.index(after: colon)...]))
        }
        self.connectionIndex = connectionIndex
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
