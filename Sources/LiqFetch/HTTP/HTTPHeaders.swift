/// HTTP header fields in the order they were sent, looked up case-insensitively.
///
/// A list rather than a dictionary because a name may repeat (`Set-Cookie`, `Link`) and because order matters for
/// debugging and for a few headers. Names compare as ASCII case-insensitive, as RFC 9110 §5.1 requires; equality
/// of two `HTTPHeaders` values is exact (same fields, same spelling, same order).
public struct HTTPHeaders: Sendable, Equatable, Sequence, ExpressibleByDictionaryLiteral {
    /// One `name: value` line, with the name spelled as sent and surrounding whitespace removed from the value.
    public struct Field: Sendable, Equatable {
        /// The field name exactly as sent, e.g. `retry-after`.
        public var name: String
        /// The field value without leading or trailing spaces and tabs.
        public var value: String

        /// Creates a field; `name` should be an HTTP token and neither part may contain CR or LF.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// All fields in order, repeated names included.
    public private(set) var fields: [Field]

    /// Creates headers from fields in the given order.
    public init(_ fields: [Field] = []) {
        self.fields = fields
    }

    /// Allows `["Accept": "application/json"]`; a repeated name is kept as a second field, not overwritten.
    public init(dictionaryLiteral elements: (String, String)...) {
        self.fields = elements.map { Field(name: $0.0, value: $0.1) }
    }

    /// Appends a field after the existing ones, keeping any earlier field with the same name.
    public mutating func add(name: String, value: String) {
        fields.append(Field(name: name, value: value))
    }

    /// The first value for `name` in any letter case, or nil when the field is absent.
    public subscript(name: String) -> String? {
        fields.first { Self.namesMatch($0.name, name) }?.value
    }

    /// Every value for `name` in any letter case, in the order they were sent.
    public func values(for name: String) -> [String] {
        fields.filter { Self.namesMatch($0.name, name) }.map(\.value)
    }

    /// Iterates the fields in order.
    public func makeIterator() -> IndexingIterator<[Field]> {
        fields.makeIterator()
    }

    /// ASCII case-insensitive comparison: header names are ASCII tokens, and full Unicode case folding would both
    /// cost more and match names that HTTP considers different.
    static func namesMatch(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.elementsEqual(rhs.utf8) { asciiLowercased($0) == asciiLowercased($1) }
    }

    private static func asciiLowercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
    }
}
