/// A parsed JSON document that loses nothing: object members keep their order (so unknown keys can be named) and
/// numbers keep their source text (so prices parse exactly, never through a lossy intermediate).
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// The number's text exactly as written.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([JSONMember])

    /// A short name of the value's kind for error messages (`string "abc"`, `object`, `number 12`).
    public var summary: String {
        switch self {
        case .null: "null"
        case .bool(let flag): "boolean \(flag)"
        case .number(let text): "number \(text)"
        case .string(let text): "string \"\(text.count > 40 ? String(text.prefix(40)) + "…" : text)\""
        case .array(let items): "array of \(items.count)"
        case .object: "object"
        }
    }
}

/// One member of a JSON object.
public struct JSONMember: Sendable, Equatable {
    public var key: String
    public var value: JSONValue

    public init(key: String, value: JSONValue) {
        self.key = key
        self.value = value
    }
}
