/// How a connection is kept alive; each venue documents its own scheme and closes connections that ignore it.
public enum StreamHeartbeat: Sendable, Equatable {
    /// The venue drives liveness and we only answer: Binance sends a ping frame every 3 minutes and the WebSocket
    /// layer pongs; Deribit, after `public/set_heartbeat`, sends `heartbeat` messages and `test_request`s that the
    /// planner's `reply(to:)` answers.
    case serverPings
    /// A text message we send every `intervalSeconds` whether or not data flows (Bybit `{"op":"ping"}` every 20 s,
    /// OKX `ping` before its 30 s idle cut-off); the venue answers with a text pong.
    case clientText(String, intervalSeconds: Double)
    /// A WebSocket ping frame we send every `intervalSeconds`; the venue answers with a pong frame (BitMEX asks
    /// for one after 5 s without a message).
    case clientPingFrame(intervalSeconds: Double)
}
