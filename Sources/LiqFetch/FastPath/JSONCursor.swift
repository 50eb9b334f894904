import LiqCore

/// A forward-only reader over one JSON document that checks the same grammar as `JSONParser` but builds nothing:
/// values come back as byte ranges (`JSONSpan`) that the fast decoders interpret in place.
///
/// Why: the tree parser allocates a string, array or member list per value, while the high-volume stream
/// messages need six fields; reading those straight from the bytes is an order of magnitude faster. The cursor
/// accepts a document only when `JSONParser` would (same whitespace, number, literal, UTF-8 and depth rules), and
/// whatever it does not handle itself — a backslash escape, a non-ASCII member name the caller wants to match,
/// any syntax error — throws `FastPathFallback`, so the message goes to the tree decoder instead. Every read is
/// bounds-checked: past the end `byte(at:)` answers 0, a byte that starts and continues no JSON token.
struct JSONCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    /// The offset of the next unread byte.
    private(set) var index = 0
    /// Objects and arrays open at `index`, bounded like `JSONParser`'s so hostile nesting cannot exhaust the stack.
    private var depth = 0

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The byte at `position`, or 0 outside the document.
    @inline(__always)
    func byte(at position: Int) -> UInt8 {
        UInt(bitPattern: position) < UInt(bitPattern: bytes.count) ? bytes[position] : 0
    }

    /// The next unread byte, or 0 at the end.
    @inline(__always)
    var current: UInt8 { byte(at: index) }

    @inline(__always)
    mutating func skipWhitespace() {
        // Venue messages are compact: most calls find a token at once.
        if current > 0x20 { return }
        while true {
            switch current {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    /// Succeeds when nothing but whitespace is left: `JSONParser` rejects trailing bytes too.
    mutating func finish() throws(FastPathFallback) {
        skipWhitespace()
        guard index == bytes.count else { throw FastPathFallback() }
    }

    // MARK: Objects and arrays

    /// Consumes `{` and the whitespace after it; false when the object is empty (its `}` is consumed as well).
    mutating func beginObject() throws(FastPathFallback) -> Bool {
        try enter(UInt8(ascii: "{"))
        guard current == UInt8(ascii: "}") else { return true }
        index += 1
        depth -= 1
        return false
    }

    /// The next member name (ASCII only, so it compares byte for byte as `String` would), then the `:` and the
    /// whitespace around it; the cursor is left on the member's value.
    mutating func key() throws(FastPathFallback) -> JSONSpan {
        let name = try memberName()
        guard name.isASCII else { throw FastPathFallback() }
        return name
    }

    /// After a member's value: true and past the `,` when another member follows, false and past the `}` when
    /// the object ends.
    mutating func nextMember() throws(FastPathFallback) -> Bool {
        try next(closing: UInt8(ascii: "}"))
    }

    /// Consumes `[` and the whitespace after it; false when the array is empty (its `]` is consumed as well).
    mutating func beginArray() throws(FastPathFallback) -> Bool {
        try enter(UInt8(ascii: "["))
        guard current == UInt8(ascii: "]") else { return true }
        index += 1
        depth -= 1
        return false
    }

    /// After an element: true and past the `,` when another element follows, false and past the `]` at the end.
    mutating func nextElement() throws(FastPathFallback) -> Bool {
        try next(closing: UInt8(ascii: "]"))
    }

    /// For a member that must be an object when present: true when one starts here (nothing consumed), false
    /// when the value is `null` (consumed; the tree decoder treats null as absent); anything else falls back.
    mutating func objectOrNull() throws(FastPathFallback) -> Bool {
        if current == UInt8(ascii: "{") { return true }
        try literal("null")
        return false
    }

    /// Like `objectOrNull()`, for a member that must be an array.
    mutating func arrayOrNull() throws(FastPathFallback) -> Bool {
        if current == UInt8(ascii: "[") { return true }
        try literal("null")
        return false
    }

    private mutating func enter(_ opening: UInt8) throws(FastPathFallback) {
        guard current == opening, depth < JSONParser.maximumDepth else { throw FastPathFallback() }
        depth += 1
        index += 1
        skipWhitespace()
    }

    private mutating func next(closing: UInt8) throws(FastPathFallback) -> Bool {
        skipWhitespace()
        switch current {
        case UInt8(ascii: ","):
            index += 1
            skipWhitespace()
            return true
        case closing:
            index += 1
            depth -= 1
            return false
        default:
            throw FastPathFallback()
        }
    }

    private mutating func memberName() throws(FastPathFallback) -> JSONSpan {
        guard current == UInt8(ascii: "\"") else { throw FastPathFallback() }
        let name = try string()
        skipWhitespace()
        guard current == UInt8(ascii: ":") else { throw FastPathFallback() }
        index += 1
        skipWhitespace()
        return name
    }

    // MARK: Values

    /// Reads any value: scalars as spans, objects, arrays and booleans skipped (validated) as `other`.
    mutating func value() throws(FastPathFallback) -> JSONSpan {
        let start = index
        switch current {
        case UInt8(ascii: "\""): return try string()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        case UInt8(ascii: "n"):
            try literal("null")
            return JSONSpan(kind: .null, range: start..<index, isASCII: true)
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "{"): try skipObject()
        case UInt8(ascii: "["): try skipArray()
        default: throw FastPathFallback()
        }
        return JSONSpan(kind: .other, range: start..<index, isASCII: true)
    }

    mutating func skipValue() throws(FastPathFallback) {
        _ = try value()
    }

    private mutating func skipObject() throws(FastPathFallback) {
        guard try beginObject() else { return }
        repeat {
            _ = try memberName()
            try skipValue()
        } while try nextMember()
    }

    private mutating func skipArray() throws(FastPathFallback) {
        guard try beginArray() else { return }
        repeat {
            try skipValue()
        } while try nextElement()
    }

    /// A string whose opening quote is the current byte. Escapes fall back (the tree decoder unescapes them);
    /// control characters and invalid UTF-8 fall back because `JSONParser` rejects them.
    private mutating func string() throws(FastPathFallback) -> JSONSpan {
        index += 1
        let start = index
        var isASCII = true
        while true {
            index = firstSpecialByte(from: index)
            let byte = current
            if byte == UInt8(ascii: "\"") { break }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { throw FastPathFallback() }
            isASCII = false
            index += 1
        }
        let range = start..<index
        index += 1
        if !isASCII, String(validating: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) == nil {
            throw FastPathFallback()
        }
        return JSONSpan(kind: .string, range: range, isASCII: isASCII)
    }

    /// The offset of the first byte at or after `position` that ends or interrupts a plain string: a quote, a
    /// backslash, a control character or a non-ASCII byte; the end of the document when there is none.
    ///
    /// Eight bytes at a time while eight remain (a venue symbol and its closing quote fit in one step): each test
    /// below sets the high bit of every byte that matches, and may also set it in bytes *after* a match (borrow
    /// propagation), never before one, so the lowest set bit of their union is exactly the first special byte.
    @inline(__always)
    private func firstSpecialByte(from position: Int) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        var position = position
        while position >= 0, bytes.count - position >= 8, let base = bytes.baseAddress {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
            let quote = word ^ (ones &* UInt64(UInt8(ascii: "\"")))
            let backslash = word ^ (ones &* UInt64(UInt8(ascii: "\\")))
            let special =
                ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)
                | ((word &- ones &* 0x20) & ~word) | word
            let matches = special & highBits
            if matches != 0 { return position + matches.trailingZeroBitCount / 8 }
            position += 8
        }
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 || byte >= 0x80 {
                return position
            }
            position += 1
        }
        return bytes.count
    }

    /// `-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`, exactly `JSONParser`'s number grammar. A leading zero
    /// followed by digits ends the number after the zero, and the digit then fails the caller's next check.
    private mutating func number() throws(FastPathFallback) -> JSONSpan {
        let start = index
        if current == UInt8(ascii: "-") { index += 1 }
        if current == UInt8(ascii: "0") {
            index += 1
        } else {
            try digits()
        }
        if current == UInt8(ascii: ".") {
            index += 1
            try digits()
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            index += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            try digits()
        }
        return JSONSpan(kind: .number, range: start..<index, isASCII: true)
    }

    /// One or more ASCII digits.
    private mutating func digits() throws(FastPathFallback) {
        let start = index
        while current &- UInt8(ascii: "0") < 10 { index += 1 }
        guard index > start else { throw FastPathFallback() }
    }

    private mutating func literal(_ text: StaticString) throws(FastPathFallback) {
        let count = text.utf8CodeUnitCount
        for offset in 0..<count where byte(at: index + offset) != text.utf8Start[offset] {
            throw FastPathFallback()
        }
        index += count
    }

    // MARK: Matching

    /// Whether `span`'s text is exactly `literal` (ASCII), byte for byte.
    func matches(_ span: JSONSpan, _ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard span.range.count == count else { return false }
        for offset in 0..<count where byte(at: span.range.lowerBound + offset) != literal.utf8Start[offset] {
            return false
        }
        return true
    }
}
