import LiqCore

/// BitMEX realtime (`/realtime`): the `liquidation` table (every resting liquidation order of the exchange; the
/// decoder keeps the selection) and `instrument:{symbol}` for every selected instrument.
///
/// The instrument rows are subscribed even when only liquidations are asked for: liquidation rows carry no time,
/// and the decoder stamps them with the latest venue time on the connection, which the instrument rows advance
/// several times a second. They also keep the connection from ever being silent.
///
/// BitMEX no longer pings; it asks clients that fear a silent drop to send a ping after 5 s without a message
/// (a WebSocket ping frame, or the literal text `ping`) and to expect the pong within 5 s. A ping frame is used,
/// so the answer is a pong frame and never reaches the decoder.
struct BitMEXStreamPlanner: StreamPlanner {
    static let pingIntervalSeconds = 5.0
    /// The instrument rows of a listed contract change (mark, fair price) at least every few seconds; a minute
    /// without any message is a dead connection, not a quiet market.
    static let staleAfterSeconds = 60.0

    func endpoints(reference: ReferenceData, feeds: Set<Feed>, baseURL: String?) throws -> [StreamEndpoint] {
        guard !feeds.isDisjoint(with: [.liquidations, .markPrice, .funding, .openInterest]) else { return [] }
        let symbols = Set(reference.instruments.filter { $0.venue == .bitmex }.map(\.symbol)).sorted()
        guard !symbols.isEmpty else {
            throw UnplannableFeedError(
                venue: .bitmex, feed: feeds.contains(.liquidations) ? .liquidations : .markPrice,
                reason: "BitMEX instrument rows (and the clock liquidations are stamped with) are per symbol, "
                    + "and the reference data lists no instrument")
        }
        var topics: [String] = []
        if feeds.contains(.liquidations) { topics.append("liquidation") }
        topics += symbols.map { "instrument:\($0)" }
        return [
            StreamEndpoint(
                label: "bitmex/" + (feeds.contains(.liquidations) ? "liquidation+instrument" : "instrument"),
                url: StreamText.trimmed(baseURL ?? VenueCatalog.defaultStreamURL(for: .bitmex)),
                subscribeMessages: [#"{"op":"subscribe","args":"# + StreamText.array(topics) + "}"],
                heartbeat: .clientPingFrame(intervalSeconds: Self.pingIntervalSeconds),
                staleAfterSeconds: Self.staleAfterSeconds)
        ]
    }
}
