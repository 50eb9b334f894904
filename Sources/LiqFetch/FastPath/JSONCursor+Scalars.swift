import LiqCore

/// The fast path's counterparts of `JSONNode`'s accessors, over spans of the cursor's document. Each one returns
/// exactly what the `JSONNode` accessor returns for the same value, and falls back wherever that one throws.
extension JSONCursor {
    /// A member the tree decoder reads with `member(_:)`: absent and `null` both fall back.
    func member(_ span: JSONSpan?) throws(FastPathFallback) -> JSONSpan {
        guard let span, span.kind != .null else { throw FastPathFallback() }
        return span
    }

    /// Whether a string value is `literal` (ASCII). Not a string falls back (`string()` throws); a non-ASCII
    /// string falls back too, because `String` equality is canonical equivalence, not byte equality.
    func isString(_ span: JSONSpan, _ literal: StaticString) throws(FastPathFallback) -> Bool {
        guard span.kind == .string, span.isASCII else { throw FastPathFallback() }
        return matches(span, literal)
    }

    /// Whether a string value starts with `prefix` (ASCII), as `string().hasPrefix(prefix)` answers. Judged on ASCII
    /// text only, where comparing bytes and `String.hasPrefix` (which compares characters) agree: a combining mark
    /// after the prefix would make them differ. Not a string, or not ASCII, falls back.
    func stringHasPrefix(_ span: JSONSpan, _ prefix: StaticString) throws(FastPathFallback) -> Bool {
        guard span.kind == .string, span.isASCII else { throw FastPathFallback() }
        let count = prefix.utf8CodeUnitCount
        guard span.range.count >= count else { return false }
        for offset in 0..<count where byte(at: span.range.lowerBound + offset) != prefix.utf8Start[offset] {
            return false
        }
        return true
    }

    /// `JSONNode.string()`: the cursor already rejected escapes and validated UTF-8, so the bytes are the text.
    func string(_ span: JSONSpan) throws(FastPathFallback) -> String {
        guard span.kind == .string else { throw FastPathFallback() }
        return String(decoding: text(span), as: UTF8.self)
    }

    /// `JSONNode.decimal()`: a number or a decimal string, bit-identical to `DecimalText.parse`.
    func decimal(_ span: JSONSpan) throws(FastPathFallback) -> Double {
        guard span.kind == .number || span.kind == .string, let value = FastDecimal.parse(text(span)) else {
            throw FastPathFallback()
        }
        return value
    }

    /// `JSONNode.timestampMs()`: plain epoch digits are read here and classified by `Timestamp`'s own rule;
    /// any other text (decimals, ISO 8601, signs) goes through `Timestamp.parseMilliseconds` itself.
    func timestampMs(_ span: JSONSpan) throws(FastPathFallback) -> Int64 {
        guard span.kind == .number || span.kind == .string else { throw FastPathFallback() }
        let text = text(span)
        var integer: Int64 = 0
        var isPlainInteger = !text.isEmpty && text.count <= 18
        for byte in text where isPlainInteger {
            let digit = byte &- UInt8(ascii: "0")
            if digit < 10 {
                integer = integer * 10 + Int64(digit)
            } else {
                isPlainInteger = false
            }
        }
        let milliseconds =
            isPlainInteger
            ? Timestamp.milliseconds(fromEpochInteger: integer)
            : Timestamp.parseMilliseconds(String(decoding: text, as: UTF8.self))
        guard let milliseconds else { throw FastPathFallback() }
        return milliseconds
    }

    /// The bytes of `span`, which lies inside the document by construction.
    private func text(_ span: JSONSpan) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[span.range.clamped(to: 0..<bytes.count)])
    }
}
