/// How the loopback WebSocket server answers a client's upgrade request.
public enum LoopbackUpgradeReply: Sendable {
    /// A correct `101 Switching Protocols` with the accept value computed from the client's key; then the
    /// connection's script runs.
    case accept
    /// A `101` whose `Sec-WebSocket-Accept` is `value`, to test the client's check; then the script runs.
    case acceptWithValue(String)
    /// A plain HTTP response (`status`, reason phrase, body with its `Content-Length`), then the connection closes;
    /// the script does not run.
    case reject(status: Int, reason: String, body: String)
    /// These bytes exactly, then the connection closes; the script does not run.
    case raw([UInt8])
}
