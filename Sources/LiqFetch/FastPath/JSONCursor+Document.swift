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
