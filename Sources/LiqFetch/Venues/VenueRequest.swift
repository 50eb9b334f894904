public import LiqCore

/// One REST request to a venue, independent of where it is served from (the venue, a mirror, a loopback test
/// server or a fixture directory), so the live path and the offline demo share every line after the transport.
public struct VenueRequest: Sendable, Equatable, Hashable {
    public var venue: Venue
    /// The feed this request serves; nil for reference data every feed needs (instruments), so a failure of it
    /// is charged to all of the venue's feeds.
    public var feed: Feed?
    /// Path from the venue's base URL, starting with `/`.
    public var path: String
    /// Query parameters in the order they are sent.
    public var query: [QueryItem]
    /// What the request costs against the venue's rate limit, in the units of its `RateLimitPolicy` (Binance
    /// weight; 1 where the venue counts requests).
    public var weight: Double
    /// A JSON body for venues whose public API is `POST` only (Hyperliquid `/info`): when set, the request is sent
    /// as `POST <base><path>` with this body and `Content-Type: application/json`, and the query is not sent; the
    /// query then only names the request (its fixture file, its log line). Nil for a plain `GET` with the query.
    public var body: String?

    public struct QueryItem: Sendable, Equatable, Hashable {
        public var name: String
        public var value: String

        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    public init(
        venue: Venue, feed: Feed?, path: String, query: [QueryItem], weight: Double = 1, body: String? = nil
    ) {
        self.venue = venue
        self.feed = feed
        self.path = path
        self.query = query
        self.weight = weight
        self.body = body
    }

    /// The value of query parameter `name`, if sent.
    public func queryValue(_ name: String) -> String? { query.first { $0.name == name }?.value }

    /// The query string, percent-encoded (RFC 3986 unreserved characters kept).
    public var queryString: String {
        query.map { "\(Self.percentEncode($0.name))=\(Self.percentEncode($0.value))" }.joined(separator: "&")
    }

    /// The full URL under `baseURL` (which may end with or without `/`).
    public func url(baseURL: String) -> String {
        let base = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        return query.isEmpty ? base + path : base + path + "?" + queryString
    }

    static func percentEncode(_ text: String) -> String {
        var encoded = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                encoded += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return encoded
    }
}
