public import LiqCore

/// Unwraps Bybit's v5 REST envelope `{"retCode":0,"retMsg":"OK","result":{…},"retExtInfo":{},"time":…}`.
///
/// A refused request still answers HTTP 200 with a non-zero `retCode` (10001 parameter error, 10006 too many
/// visits), so the code is checked before anything else is read.
public enum BybitEnvelope {
    /// The `result` object; a non-zero `retCode` becomes a `VenueAPIError` carrying Bybit's code and message.
    public static func result(_ document: JSONNode) throws -> JSONNode {
        let code = try document.member("retCode")
        let codeText: String
        switch code.value {
        case .number(let text), .string(let text): codeText = text
        default: throw code.error(expected: "a Bybit retCode number")
        }
        guard codeText == "0" else {
            let message = try document.optionalMember("retMsg").map { (node) throws(JSONError) in try node.string() }
            throw VenueAPIError(venue: .bybit, origin: document.origin, code: codeText, message: message ?? "")
        }
        return try document.member("result")
    }

    /// The rows of `result.list`.
    public static func rows(_ document: JSONNode) throws -> [JSONNode] {
        try result(document).member("list").elements()
    }

    /// The envelope's server time (ms): the only time a REST ticker row has.
    static func serverTimeMs(_ document: JSONNode) throws(JSONError) -> Int64 {
        try document.member("time").timestampMs()
    }
}
