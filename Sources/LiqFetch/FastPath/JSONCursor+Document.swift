extension JSONCursor {
    /// Runs `read` over a whole document: leading whitespace skipped, nothing but whitespace allowed after what
    /// `read` consumed. Any `FastPathFallback` gives nil, the fast decoders' "let the tree decoder decide".
    static func document<Result>(
        _ bytes: [UInt8], read: (inout JSONCursor) throws(FastPathFallback) -> Result
    ) -> Result? {
        bytes.withUnsafeBufferPointer { buffer in
            var cursor = JSONCursor(bytes: buffer)
            do throws(FastPathFallback) {
                cursor.skipWhitespace()
                let result = try read(&cursor)
                try cursor.finish()
                return result
            } catch {
                return nil
            }
        }
    }

    /// The elements of an array, each read by `row` (REST answers that are arrays of row objects).
    mutating func rows<Row>(_ row: (inout JSONCursor) throws(FastPathFallback) -> Row) throws(FastPathFallback)
        -> [Row]
    {
        var rows: [Row] = []
        if try beginArray() {
            repeat {
                rows.append(try row(&self))
            } while try nextElement()
        }
        return rows
    }
}

extension JSONCursor {
    /// Reads one flat object and returns the value of each key in `keys` (first occurrence wins, as in the tree),
    /// nil for keys it lacks; other members are read and skipped. For row objects whose fields are all scalars.
    mutating func members<let count: Int>(_ keys: InlineArray<count, StaticString>) throws(FastPathFallback)
        -> InlineArray<count, JSONSpan?>
    {
        var found = InlineArray<count, JSONSpan?>(repeating: nil)
        guard try beginObject() else { throw FastPathFallback() }
        repeat {
            let key = try key()
            let member = try value()
            for index in keys.indices where found[index] == nil && matches(key, keys[index]) {
                found[index] = member
                break
            }
        } while try nextMember()
        return found
    }
}
