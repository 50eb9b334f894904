#if canImport(Glibc)
    @preconcurrency import Glibc
#endif

/// Where the CLI writes: standard output for results, standard error for diagnostics and progress. Passed in so
/// tests capture both and nothing writes to the process streams behind their back.
public struct Console: Sendable {
    public var out: @Sendable (String) -> Void
    public var err: @Sendable (String) -> Void
    /// Whether standard error is a terminal, which decides between a rewriting progress line and log lines.
    public var errIsTerminal: Bool

    public init(
        out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void, errIsTerminal: Bool
    ) {
        self.out = out
        self.err = err
        self.errIsTerminal = errIsTerminal
    }

    /// The process's standard output and error.
    public static func standard() -> Console {
        Console(
            out: { text in FileStream.write(text, to: STDOUT_FILENO) },
            err: { text in FileStream.write(text, to: STDERR_FILENO) },
            errIsTerminal: isatty(STDERR_FILENO) == 1)
    }
}
