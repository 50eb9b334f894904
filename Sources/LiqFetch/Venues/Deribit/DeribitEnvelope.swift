public import LiqCore

/// Unwraps Deribit's JSON-RPC answers (`{"jsonrpc":"2.0","result":…}`), so every Deribit decoder reads its
/// `result` the same way; an `error` member is the venue refusing the request and becomes a `VenueAPIError`
/// with Deribit's numeric code (`10028 too_many_requests`).
public enum DeribitEnvelope {
    public static func result(_ document: JSONNode) throws -> JSONNode {
        if let error = try document.optionalMember("error") {
            throw try apiError(error, origin: document.origin)
        }
        return try document.member("result")
    }

    /// The `error` object of an answer or a WebSocket message as a `VenueAPIError`.
    static func apiError(_ error: JSONNode, origin: String) throws(JSONError) -> VenueAPIError {
        let code = try error.optionalMember("code").map { (node) throws(JSONError) in try node.int64() }
        let message = try error.optionalMember("message").map { (node) throws(JSONError) in try node.string() }
        return VenueAPIError(
            venue: .deribit, origin: origin, code: code.map(String.init) ?? "", message: message ?? "")
    }

    /// When the server sent the answer (`usOut`, microseconds), as UTC epoch milliseconds.
    public static func serverTimeMs(_ document: JSONNode) throws(JSONError) -> Int64 {
        let node = try document.member("usOut")
        let microseconds = try node.int64()
        guard microseconds > 0 else { throw node.error(expected: "a positive time in microseconds") }
        return microseconds / 1000
    }
}
