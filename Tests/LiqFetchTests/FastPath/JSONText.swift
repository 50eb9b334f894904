import LiqCore

/// Writes a parsed document back as JSON text, numbers verbatim, compact or with whitespace between every token,
/// so recorded samples nested in wrapper files become single messages, and spacing can be varied at will.
enum JSONText {
    static func render(_ value: JSONValue, spacing: String = "") -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let text): return text
        case .string(let text): return quoted(text)
        case .array(let items):
            return "[" + spacing + items.map { render($0, spacing: spacing) }.joined(separator: spacing + "," + spacing)
                + spacing + "]"
        case .object(let members):
            let rendered = members.map { quoted($0.key) + spacing + ":" + spacing + render($0.value, spacing: spacing) }
            return "{" + spacing + rendered.joined(separator: spacing + "," + spacing) + spacing + "}"
        }
    }

    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\u{0}"..<" ": result += "\\u00" + (scalar.value < 16 ? "0" : "") + String(scalar.value, radix: 16)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
