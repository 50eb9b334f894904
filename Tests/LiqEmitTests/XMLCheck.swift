/// A small well-formedness check for the SVG tests: every tag closes in order, attributes are quoted, and text
/// holds no bare `<` or `&`. Returns the element names in document order, or throws naming the first problem.
enum XMLCheck {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static let entities = ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"]

    static func elements(_ document: String) throws -> [String] {
        let text = Array(document)
        var names: [String] = []
        var open: [String] = []
        var index = 0
        func fail(_ message: String) -> Failure { Failure(description: "\(message) at character \(index)") }
        func checkEntity(at position: Int) throws {
            let rest = String(text[position..<min(text.count, position + 6)])
            guard entities.contains(where: { rest.hasPrefix($0) }) else { throw fail("bare &") }
        }
        while index < text.count {
            if text[index] == "&" { try checkEntity(at: index) }
            guard text[index] == "<" else {
                index += 1
                continue
            }
            guard let end = text[index...].firstIndex(of: ">") else { throw fail("unclosed tag") }
            var tag = String(text[(index + 1)..<end])
            if tag.hasPrefix("/") {
                guard open.popLast() == String(tag.dropFirst()) else { throw fail("mismatched </\(tag.dropFirst())>") }
            } else {
                let selfClosing = tag.hasSuffix("/")
                if selfClosing { tag.removeLast() }
                let name = String(tag.prefix { $0 != " " && $0 != "\n" })
                guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else {
                    throw fail("bad element name '\(name)'")
                }
                // Attributes: name="value" pairs, values without `<` and with entities only.
                var rest = Substring(tag.dropFirst(name.count))
                while let equals = rest.firstIndex(of: "=") {
                    let quote = rest.index(after: equals)
                    guard quote < rest.endIndex, rest[quote] == "\"" else { throw fail("unquoted attribute") }
                    let valueStart = rest.index(after: quote)
                    guard let close = rest[valueStart...].firstIndex(of: "\"") else { throw fail("open quote") }
                    if rest[valueStart..<close].contains("<") { throw fail("< in attribute") }
                    rest = rest[rest.index(after: close)...]
                }
                names.append(name)
                if !selfClosing { open.append(name) }
            }
            index = end + 1
        }
        guard open.isEmpty else { throw Failure(description: "unclosed elements \(open)") }
        return names
    }
}
