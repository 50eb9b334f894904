public import LiqCore

/// Serialises a `JSONValue` deterministically: members in the order given, strings escaped per RFC 8259, one
/// trailing newline. Numbers are written as their stored text, so callers format them once with `NumberFormat`.
public enum JSONWriter {
    /// `pretty`: two-space indentation for files people read; otherwise one line, for piping into other tools.
    public static func encode(_ value: JSONValue, pretty: Bool = true) -> [UInt8] {
        var output: [UInt8] = []
        write(value, indent: pretty ? 0 : nil, into: &output)
        output.append(0x0A)
        return output
    }

    /// `indent` nil writes everything on one line with single spaces after separators.
    private static func write(_ value: JSONValue, indent: Int?, into output: inout [UInt8]) {
        switch value {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number(let text): output.append(contentsOf: text.utf8)
        case .string(let text): writeString(text, into: &output)
        case .array(let items):
            if items.isEmpty { return output.append(contentsOf: "[]".utf8) }
            output.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                newline(indent.map { $0 + 1 }, into: &output)
                write(item, indent: indent.map { $0 + 1 }, into: &output)
            }
            newline(indent, into: &output, closing: true)
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty { return output.append(contentsOf: "{}".utf8) }
            output.append(UInt8(ascii: "{"))
            for (index, member) in members.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                newline(indent.map { $0 + 1 }, into: &output)
                writeString(member.key, into: &output)
                output.append(contentsOf: ": ".utf8)
                write(member.value, indent: indent.map { $0 + 1 }, into: &output)
            }
            newline(indent, into: &output, closing: true)
            output.append(UInt8(ascii: "}"))
        }
    }

    /// Pretty: a line break and indentation. Compact: a space between elements, nothing before a closing bracket.
    private static func newline(_ indent: Int?, into output: inout [UInt8], closing: Bool = false) {
        guard let indent else {
            if !closing, output.last == UInt8(ascii: ",") { output.append(UInt8(ascii: " ")) }
            return
        }
        output.append(0x0A)
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * 2))
    }

    private static func writeString(_ text: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): output.append(contentsOf: "\\\\".utf8)
            case 0x0A: output.append(contentsOf: "\\n".utf8)
            case 0x0D: output.append(contentsOf: "\\r".utf8)
            case 0x09: output.append(contentsOf: "\\t".utf8)
            case 0..<0x20:
                let hex = String(byte, radix: 16)
                output.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
