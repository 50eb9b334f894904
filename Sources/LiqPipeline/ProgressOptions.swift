/// Where progress goes and how it looks: injected rather than global, so tests can capture it and a CLI can turn
/// it off (pass `nil` to ``Pipeline/init(name:progress:)``).
public struct ProgressOptions: Sendable {
    /// Time between two progress reports.
    public var interval: Duration
    /// `true` for a terminal: one line rewritten in place with `\r`. `false` for logs and pipes: one plain line
    /// per report, so a cron log shows a readable history instead of carriage-return noise.
    public var rewritesLine: Bool
    /// Receives the text, with the `\r` or newline already in place; called from the reporter's own queue.
    public var write: @Sendable (String) -> Void

    /// Creates options for a custom destination.
    public init(interval: Duration, rewritesLine: Bool, write: @escaping @Sendable (String) -> Void) {
        self.interval = interval
        self.rewritesLine = rewritesLine
        self.write = write
    }
}
