import LiqCore

/// OKX v5 public streams on one connection (`/ws/v5/public`): `liquidation-orders` for `SWAP` and `FUTURES`
/// (keyed by instrument type, so two subscriptions cover the whole market; the decoder keeps the selection), and
/// per selected instrument `mark-price`, `funding-rate` (perpetuals only) and `open-interest` when asked for.
///
/// OKX closes a connection that has received nothing for 30 s; the documented keep-alive is the bare text `ping`,
/// answered by the bare text `pong` (not JSON).
struct OKXStreamPlanner: StreamPlanner {
    static let ping = "ping"
    /// Well inside OKX's 30 s idle cut-off, with room for a slow round trip.
    static let pingIntervalSeconds = 20.0
    /// `liquidation-orders` can be quiet for minutes, but every ping is answered: three ping intervals without a
    /// pong means the connection is dead.
    static let staleAfterSeconds = 60.0

    func endpoints(reference: ReferenceData, feeds: Set<Feed>, baseURL: String?) throws -> [StreamEndpoint] {
        var args: [String] = []
        var kinds: [String] = []
        if feeds.contains(.liquidations) {
            args += ["SWAP", "FUTURES"].map { Self.arg(channel: "liquidation-orders", key: "instType", value: $0) }
            kinds.append("liquidation-orders")
        }
        let instruments = reference.instruments.filter { $0.venue == .okx }.sorted { $0.symbol < $1.symbol }
        let perInstrument: [(Feed, String, (Instrument) -> Bool)] = [
            (.markPrice, "mark-price", { _ in true }),
            (.funding, "funding-rate", { $0.kind == .perpetual }),
            (.openInterest, "open-interest", { _ in true }),
        ]
        for (feed, channel, applies) in perInstrument where feeds.contains(feed) {
            let selected = instruments.filter(applies)
            guard !selected.isEmpty else {
                throw UnplannableFeedError(
                    venue: .okx, feed: feed,
                    reason: "OKX \(channel) is per instrument, and the reference data lists none it applies to")
            }
            args += selected.map { Self.arg(channel: channel, key: "instId", value: $0.symbol) }
            kinds.append(channel)
        }
        guard !args.isEmpty else { return [] }
        return [
            StreamEndpoint(
                label: "okx/" + kinds.joined(separator: "+"),
                url: StreamText.trimmed(baseURL ?? VenueCatalog.defaultStreamURL(for: .okx)),
                subscribeMessages: [#"{"op":"subscribe","args":["# + args.joined(separator: ",") + "]}"],
                heartbeat: .clientText(Self.ping, intervalSeconds: Self.pingIntervalSeconds),
                staleAfterSeconds: Self.staleAfterSeconds)
        ]
    }

    static func arg(channel: String, key: String, value: String) -> String {
        #"{"channel":"# + StreamText.string(channel) + "," + StreamText.string(key) + ":" + StreamText.string(value)
            + "}"
    }
}
