public import LiqCore

/// Reads BitMEX REST answers: a bare array of rows, or `{"error":{"message":…,"name":…}}` when the venue refuses
/// the request, which becomes a `VenueAPIError` carrying BitMEX's error name and message.
public enum BitMEXEnvelope {
    public static func rows(_ document: JSONNode) throws -> [JSONNode] {
        if case .object = document.value, let error = try document.optionalMember("error") {
            let name = try error.optionalMember("name").map { (node) throws(JSONError) in try node.string() }
            let message = try error.optionalMember("message").map { (node) throws(JSONError) in try node.string() }
            throw VenueAPIError(venue: .bitmex, origin: document.origin, code: name ?? "", message: message ?? "")
        }
        return try document.elements()
    }
}
