/// Where a value sits in a document, written the way users read it: `venues[2].symbols`, `data[0].details[1].sz`.
public struct JSONPath: Sendable, Equatable, CustomStringConvertible {
    enum Component: Sendable, Equatable {
        case key(String)
        case index(Int)
    }

    var components: [Component]

    public static let root = JSONPath(components: [])

    public func appending(key: String) -> JSONPath { JSONPath(components: components + [.key(key)]) }
    public func appending(index: Int) -> JSONPath { JSONPath(components: components + [.index(index)]) }

    public var description: String {
        if components.isEmpty { return "$" }
        var text = ""
        for component in components {
            switch component {
            case .key(let key):
                if !text.isEmpty { text += "." }
                text += key
            case .index(let index):
                text += "[\(index)]"
            }
        }
        return text
    }
}
