import LiqCore

/// Deribit JSON-RPC streams on one connection (`/ws/api/v2`): `trades.future.{currency}.100ms` per settlement
/// currency of the selection (every future and perpetual of the currency; trades carry the `liquidation` flag,
/// the decoder keeps the selection) and `ticker.{instrument}.100ms` per selected instrument when marks, funding or
/// open interest are asked for. The `raw` interval needs an authorised connection; `100ms` does not.
///
/// Liveness is Deribit's own heartbeat: after `public/set_heartbeat` the server sends a `heartbeat` notification
/// every interval and, now and then, a `test_request` that must be answered with `public/test` or the connection
/// is closed; `reply(to:)` gives that answer.
struct DeribitStreamPlanner: StreamPlanner {
    /// Deribit's recommended heartbeat interval (30–60 s; at least 10).
    static let heartbeatIntervalSeconds = 30
    /// Three heartbeat intervals without a message: the server has stopped even its heartbeats.
    static let staleAfterSeconds = 90.0
    static let setHeartbeat =
        #"{"jsonrpc":"2.0","id":1,"method":"public/set_heartbeat","params":{"interval":\#(heartbeatIntervalSeconds)}}"#
    static let testReply = #"{"jsonrpc":"2.0","id":3,"method":"public/test","params":{}}"#
    /// Every received message is offered to `reply(to:)`; only those containing this are parsed, so the trade
    /// and ticker notifications are not parsed twice.
    static let testRequestMarker = Array("test_request".utf8)

    func endpoints(reference: ReferenceData, feeds: Set<Feed>, baseURL: String?) throws -> [StreamEndpoint] {
        let instruments = reference.instruments.filter { $0.venue == .deribit }
        var channels: [String] = []
        var kinds: [String] = []
        if feeds.contains(.liquidations) {
            channels += Set(instruments.map(\.settleAsset)).sorted().map { "trades.future.\($0).100ms" }
            kinds.append("trades")
        }
        let wantsTickers = !feeds.isDisjoint(with: [.markPrice, .funding, .openInterest])
        if wantsTickers {
            channels += Set(instruments.map(\.symbol)).sorted().map { "ticker.\($0).100ms" }
            kinds.append("ticker")
        }
        guard !kinds.isEmpty else { return [] }
        guard !instruments.isEmpty else {
            throw UnplannableFeedError(
                venue: .deribit, feed: feeds.contains(.liquidations) ? .liquidations : .markPrice,
                reason: "Deribit channels are per currency or instrument, and the reference data lists no instrument")
        }
        let subscribe =
            #"{"jsonrpc":"2.0","id":2,"method":"public/subscribe","params":{"channels":"#
            + StreamText.array(channels) + "}}"
        return [
            StreamEndpoint(
                label: "deribit/" + kinds.joined(separator: "+"),
                url: StreamText.trimmed(baseURL ?? VenueCatalog.defaultStreamURL(for: .deribit)),
                subscribeMessages: [Self.setHeartbeat, subscribe], heartbeat: .serverPings,
                staleAfterSeconds: Self.staleAfterSeconds)
        ]
    }

    /// `public/test` in answer to `{"method":"heartbeat","params":{"type":"test_request"}}`; nil for anything
    /// else, including messages that are not JSON (the decoder reports those).
    func reply(to message: [UInt8]) -> String? {
        guard message.firstRange(of: Self.testRequestMarker) != nil,
            let node = try? JSONNode.parse(message, origin: "deribit"),
            (try? node.optionalMember("method")?.string()) == "heartbeat",
            (try? node.optionalMember("params")?.optionalMember("type")?.string()) == "test_request"
        else { return nil }
        return Self.testReply
    }
}
