public import LiqCore

/// Unwraps OKX's `{"code":"0","msg":"","data":[…]}` envelope (REST) and the `{"arg":…,"data":[…]}` push
/// (WebSocket), so every OKX decoder reads `data` rows the same way from either source.
public enum OKXEnvelope {
    /// The `data` rows; a non-zero `code` becomes a `VenueAPIError` carrying OKX's code and message.
    public static func rows(_ document: JSONNode) throws -> [JSONNode] {
        if let code = try document.optionalMember("code") {
            let codeText: String
            switch code.value {
            case .string(let text): codeText = text
            case .number(let text): codeText = text
            default: throw code.error(expected: "an OKX code string")
            }
            guard codeText == "0" else {
                let message = try document.optionalMember("msg").map { (node) throws(JSONError) in try node.string() }
                throw VenueAPIError(venue: .okx, origin: document.origin, code: codeText, message: message ?? "")
            }
        }
        return try document.member("data").elements()
    }
}
