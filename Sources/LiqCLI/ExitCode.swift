/// The process exit codes, the contract with cron wrappers and schedulers (DESIGN.md).
public enum ExitCode: Int32, Sendable {
    case success = 0
    /// Nothing useful was produced (every source failed, or an output could not be written).
    case failure = 1
    /// The command line or the spec is wrong; nothing was fetched.
    case usage = 2
    /// Some sources failed, the outputs were written from the others and say which are missing.
    case partial = 3
}
