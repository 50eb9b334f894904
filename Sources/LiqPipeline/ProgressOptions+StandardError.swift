#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension ProgressOptions {
    /// Progress on standard error: a self-rewriting line when stderr is a terminal, a plain line every
    /// `logInterval` otherwise (cron, CI, `2> file`).
    /// - Parameters:
    ///   - terminalInterval: Refresh period of the terminal line.
    ///   - logInterval: Period of the plain lines; longer, because each one stays in the log.
    public static func standardError(
        terminalInterval: Duration = .milliseconds(500),
        logInterval: Duration = .seconds(5)
    ) -> ProgressOptions {
        let isTerminal = isatty(STDERR_FILENO) == 1
        return ProgressOptions(
            interval: isTerminal ? terminalInterval : logInterval,
            rewritesLine: isTerminal,
            write: writeToStandardError
        )
    }
}

/// Writes all of `text` to file descriptor 2, retrying short writes and `EINTR`; other errors drop the rest,
/// because progress output must never fail the pipeline.
private func writeToStandardError(_ text: String) {
    var text = text
    text.withUTF8 { bytes in
        var offset = 0
        while offset < bytes.count {
            let written = write(STDERR_FILENO, bytes.baseAddress! + offset, bytes.count - offset)
            if written > 0 {
                offset += written
            } else if written < 0 && errno == EINTR {
                continue
            } else {
                return
            }
        }
    }
}
