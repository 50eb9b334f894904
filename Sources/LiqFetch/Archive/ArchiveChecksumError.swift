/// A `.CHECKSUM` file could not be parsed, or an archive's SHA-256 differs from it. Names the file.
public struct ArchiveChecksumError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable, Equatable {
        /// The OS refused to read the file; `strerror`'s text.
        case system(String)
        /// The checksum file's text is not `<64 hex digits>  <filename>`; says what was found.
        case malformed(String)
        /// The archive's digest differs from the expected one (both lowercase hex).
        case mismatch(expected: String, actual: String)
    }

    /// The checksum file (parsing) or the archive (verification).
    public var path: String
    /// What went wrong.
    public var kind: Kind

    /// An error about the file at `path`.
    public init(path: String, kind: Kind) {
        self.path = path
        self.kind = kind
    }

    /// `PATH: reason`, for the CLI to print as is.
    public var description: String {
        switch kind {
        case .system(let message): return "\(path): \(message)"
        case .malformed(let message): return "\(path): malformed checksum file: \(message)"
        case .mismatch(let expected, let actual):
            return "\(path): SHA-256 mismatch: expected \(expected), actual \(actual)"
        }
    }
}
