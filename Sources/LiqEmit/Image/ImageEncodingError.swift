/// zlib refused to compress an image: only running out of memory or a corrupted stream can cause it.
public struct ImageEncodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The zlib call that failed (`deflateInit2`, `deflate`).
    public var operation: String
    /// zlib's return code (`Z_MEM_ERROR` = -4, `Z_STREAM_ERROR` = -2, …).
    public var code: Int32

    public init(operation: String, code: Int32) {
        self.operation = operation
        self.code = code
    }

    public var description: String { "PNG encoding: \(operation) failed with zlib code \(code)" }
}
