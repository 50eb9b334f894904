import LiqCore

/// Inline venue payloads for the decoder tests, parsed with a named origin so that whole error descriptions
/// (origin, JSON path, expected, found) can be asserted.
enum Payload {
    static func node(_ text: String, origin: String) throws -> JSONNode {
        try JSONNode.parse(Array(text.utf8), origin: origin)
    }
}
