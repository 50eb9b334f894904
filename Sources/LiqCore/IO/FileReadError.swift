/// A file could not be read, or was larger than the reader allows; names the file.
public struct FileReadError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The OS refused (no such file, permission…); the text is `strerror`'s.
        case system(String)
        /// The file (or one line of it) is larger than the reader's limit, in bytes.
        case tooLarge(limit: Int)
        case notRegularFile
    }

    public var path: String
    public var kind: Kind
    /// Where in the file, when it matters (`line 12`).
    public var position: String?

    public init(path: String, kind: Kind, position: String? = nil) {
        self.path = path
        self.kind = kind
        self.position = position
    }

    public var description: String {
        let location = position.map { "\(path): \($0)" } ?? path
        switch kind {
        case .system(let reason): return "\(location): \(reason)"
        case .tooLarge(let limit): return "\(location): larger than the limit of \(limit) bytes"
        case .notRegularFile: return "\(location): not a regular file"
        }
    }
}
