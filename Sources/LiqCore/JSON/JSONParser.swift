/// A strict RFC 8259 parser over bytes.
///
/// Written here rather than using `JSONSerialization` (lossy for 17+ digit numbers on Linux) or `JSONDecoder`
/// (no member order, so unknown spec keys could not be reported, and no byte position in errors). Nesting depth is
/// bounded so hostile input cannot exhaust the stack; the caller bounds the byte size.
public struct JSONParser {
    /// Deepest nesting accepted; venue payloads and specs need fewer than 10 levels.
    public static let maximumDepth = 256

    private let bytes: [UInt8]
    private let origin: String
    private var index = 0
    private var depth = 0

    private init(bytes: [UInt8], origin: String) {
        self.bytes = bytes
        self.origin = origin
    }

    /// Parses one JSON document; `origin` (file or URL) is named in errors.
    public static func parse(_ bytes: [UInt8], origin: String) throws(JSONError) -> JSONValue {
        var parser = JSONParser(bytes: bytes, origin: origin)
        parser.skipWhitespace()
        let value = try parser.parseValue()
        parser.skipWhitespace()
        if parser.index != bytes.count {
            throw parser.error(expected: "end of document")
        }
        return value
    }

    /// Parses `text`; convenient for specs and tests.
    public static func parse(_ text: String, origin: String) throws(JSONError) -> JSONValue {
        try parse(Array(text.utf8), origin: origin)
    }

    private mutating func parseValue() throws(JSONError) -> JSONValue {
        guard index < bytes.count else { throw error(expected: "a value") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw error(expected: "a value")
        }
    }

    private mutating func parseObject() throws(JSONError) -> JSONValue {
        try enter()
        index += 1
        var members: [JSONMember] = []
        skipWhitespace()
        if peek(is: "}") {
            index += 1
            depth -= 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard peek(is: "\"") else { throw error(expected: "a member name in double quotes") }
            let key = try parseString()
            skipWhitespace()
            guard peek(is: ":") else { throw error(expected: "':' after member name") }
            index += 1
            skipWhitespace()
            members.append(JSONMember(key: key, value: try parseValue()))
            skipWhitespace()
            if peek(is: ",") {
                index += 1
            } else if peek(is: "}") {
                index += 1
                depth -= 1
                return .object(members)
            } else {
                throw error(expected: "',' or '}'")
            }
        }
    }

    private mutating func parseArray() throws(JSONError) -> JSONValue {
        try enter()
        index += 1
        var items: [JSONValue] = []
        skipWhitespace()
        if peek(is: "]") {
            index += 1
            depth -= 1
            return .array(items)
        }
        while true {
            skipWhitespace()
            items.append(try parseValue())
            skipWhitespace()
            if peek(is: ",") {
                index += 1
            } else if peek(is: "]") {
                index += 1
                depth -= 1
                return .array(items)
            } else {
                throw error(expected: "',' or ']'")
            }
        }
    }

    private mutating func enter() throws(JSONError) {
        depth += 1
        if depth > Self.maximumDepth { throw error(expected: "nesting of at most \(Self.maximumDepth) levels") }
    }

    private mutating func parseString() throws(JSONError) -> String {
        index += 1
        let start = index
        // Fast path: no escapes, so the bytes between the quotes are the string.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = try decodeUTF8(bytes[start..<index])
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw error(expected: "no control characters inside a string") }
            index += 1
        }
        var scalars: [UInt8] = Array(bytes[start..<index])
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return try decodeUTF8(scalars[...])
            case UInt8(ascii: "\\"):
                index += 1
                try appendEscape(to: &scalars)
            case 0..<0x20:
                throw error(expected: "no control characters inside a string")
            default:
                scalars.append(byte)
                index += 1
            }
        }
        throw error(expected: "a closing '\"'")
    }

    private mutating func appendEscape(to buffer: inout [UInt8]) throws(JSONError) {
        guard index < bytes.count else { throw error(expected: "an escape character") }
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(byte)
        case UInt8(ascii: "b"): buffer.append(0x08)
        case UInt8(ascii: "f"): buffer.append(0x0C)
        case UInt8(ascii: "n"): buffer.append(0x0A)
        case UInt8(ascii: "r"): buffer.append(0x0D)
        case UInt8(ascii: "t"): buffer.append(0x09)
        case UInt8(ascii: "u"):
            var code = try parseHex4()
            if (0xD800..<0xDC00).contains(code) {
                guard peek(is: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") else {
                    throw error(expected: "a low surrogate after a high surrogate")
                }
                index += 2
                let low = try parseHex4()
                guard (0xDC00..<0xE000).contains(low) else { throw error(expected: "a low surrogate") }
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00..<0xE000).contains(code) {
                throw error(expected: "a high surrogate before a low surrogate")
            }
            guard let scalar = Unicode.Scalar(code) else { throw error(expected: "a valid code point") }
            buffer.append(contentsOf: Array(String(Character(scalar)).utf8))
        default:
            index -= 1
            throw error(expected: "a valid escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u)")
        }
    }

    private mutating func parseHex4() throws(JSONError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw error(expected: "four hex digits") }
        var code: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw error(expected: "a hex digit")
            }
            code = code << 4 | digit
            index += 1
        }
        return code
    }

    private func decodeUTF8(_ slice: ArraySlice<UInt8>) throws(JSONError) -> String {
        guard let text = String(validating: slice, as: UTF8.self) else {
            throw error(expected: "valid UTF-8")
        }
        return text
    }

    private mutating func parseNumber() throws(JSONError) -> String {
        let start = index
        if peek(is: "-") { index += 1 }
        if peek(is: "0") {
            index += 1
        } else if !skipDigits() {
            throw error(expected: "a digit")
        }
        if peek(is: ".") {
            index += 1
            guard skipDigits() else { throw error(expected: "a digit after '.'") }
        }
        if peek(is: "e") || peek(is: "E") {
            index += 1
            if peek(is: "+") || peek(is: "-") { index += 1 }
            guard skipDigits() else { throw error(expected: "a digit in the exponent") }
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    /// Advances over ASCII digits; true when there was at least one.
    private mutating func skipDigits() -> Bool {
        let start = index
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
            index += 1
        }
        return index > start
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(JSONError) {
        let expected = literal.withUTF8Buffer { Array($0) }
        guard index + expected.count <= bytes.count, Array(bytes[index..<index + expected.count]) == expected else {
            throw error(expected: "\(literal)")
        }
        index += expected.count
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private func peek(is character: Unicode.Scalar) -> Bool {
        index < bytes.count && bytes[index] == UInt8(ascii: character)
    }

    private func error(expected: String) -> JSONError {
        var line = 1
        var column = 1
        for byte in bytes[..<min(index, bytes.count)] {
            if byte == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        let found: String
        if index >= bytes.count {
            found = "end of input"
        } else {
            let byte = bytes[index]
            found =
                (0x21..<0x7F).contains(byte)
                ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16))"
        }
        return JSONError(origin: origin, location: .text(line: line, column: column), expected: expected, found: found)
    }
}
