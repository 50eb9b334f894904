/// A value together with where it came from, so every accessor that fails can say which file or URL, which JSON
/// path, what it expected and what it found. Decoders and the spec loader read documents only through this.
public struct JSONNode: Sendable {
    public let value: JSONValue
    public let path: JSONPath
    /// The file path or URL of the document.
    public let origin: String

    public init(value: JSONValue, path: JSONPath = .root, origin: String) {
        self.value = value
        self.path = path
        self.origin = origin
    }

    /// Parses `bytes` and returns the root node.
    public static func parse(_ bytes: [UInt8], origin: String) throws(JSONError) -> JSONNode {
        JSONNode(value: try JSONParser.parse(bytes, origin: origin), origin: origin)
    }

    public func error(expected: String) -> JSONError {
        JSONError(origin: origin, location: .path(path), expected: expected, found: value.summary)
    }

    // MARK: Structure

    /// The member `key`, which must exist (null counts as present).
    public func member(_ key: String) throws(JSONError) -> JSONNode {
        guard let node = try optionalMember(key) else {
            throw JSONError(
                origin: origin, location: .path(path.appending(key: key)), expected: "a value", found: "nothing")
        }
        return node
    }

    /// The member `key`, or nil when it is absent or null; an error when this node is not an object.
    public func optionalMember(_ key: String) throws(JSONError) -> JSONNode? {
        guard case .object(let members) = value else { throw error(expected: "an object") }
        guard let member = members.first(where: { $0.key == key }), member.value != .null else { return nil }
        return JSONNode(value: member.value, path: path.appending(key: key), origin: origin)
    }

    /// The members in document order.
    public func members() throws(JSONError) -> [(key: String, node: JSONNode)] {
        guard case .object(let members) = value else { throw error(expected: "an object") }
        return members.map { ($0.key, JSONNode(value: $0.value, path: path.appending(key: $0.key), origin: origin)) }
    }

    /// Rejects any member not in `allowed`, naming the first unknown key: a typo in a spec must not be ignored.
    public func requireOnlyKeys(_ allowed: Set<String>) throws(JSONError) {
        for (key, node) in try members() where !allowed.contains(key) {
            throw JSONError(
                origin: origin, location: .path(node.path),
                expected: "one of the keys \(allowed.sorted().joined(separator: ", "))", found: "unknown key \"\(key)\""
            )
        }
    }

    /// The elements of an array.
    public func elements() throws(JSONError) -> [JSONNode] {
        guard case .array(let items) = value else { throw error(expected: "an array") }
        return items.enumerated().map { JSONNode(value: $1, path: path.appending(index: $0), origin: origin) }
    }

    /// The element at `index` of an array.
    public func element(_ index: Int) throws(JSONError) -> JSONNode {
        let items = try elements()
        guard items.indices.contains(index) else {
            throw error(expected: "an array with an element at index \(index)")
        }
        return items[index]
    }

    // MARK: Scalars

    public func string() throws(JSONError) -> String {
        guard case .string(let text) = value else { throw error(expected: "a string") }
        return text
    }

    public func bool() throws(JSONError) -> Bool {
        guard case .bool(let flag) = value else { throw error(expected: "true or false") }
        return flag
    }

    /// A decimal given as a JSON number or as a decimal string (venues use both, often in the same payload),
    /// parsed exactly from its text. Rejects `NaN`, `inf`, hex and empty strings that `Double(_:)` would take.
    public func decimal() throws(JSONError) -> Double {
        let text: String
        switch value {
        case .number(let raw): text = raw
        case .string(let raw): text = raw
        default: throw error(expected: "a decimal number or decimal string")
        }
        guard let number = DecimalText.parse(text) else { throw error(expected: "a decimal number or decimal string") }
        return number
    }

    /// A whole number given as a JSON number or an integer string.
    public func int64() throws(JSONError) -> Int64 {
        let text: String
        switch value {
        case .number(let raw): text = raw
        case .string(let raw): text = raw
        default: throw error(expected: "an integer")
        }
        guard let number = Int64(text) else { throw error(expected: "an integer") }
        return number
    }

    /// A time as UTC epoch milliseconds, from epoch seconds, milliseconds or microseconds (number or string, told
    /// apart by magnitude) or an ISO 8601 UTC string.
    public func timestampMs() throws(JSONError) -> Int64 {
        let text: String
        switch value {
        case .number(let raw): text = raw
        case .string(let raw): text = raw
        default: throw error(expected: "a timestamp (epoch s/ms/µs or ISO 8601)")
        }
        guard let milliseconds = Timestamp.parseMilliseconds(text) else {
            throw error(expected: "a timestamp (epoch s/ms/µs or ISO 8601)")
        }
        return milliseconds
    }
}
