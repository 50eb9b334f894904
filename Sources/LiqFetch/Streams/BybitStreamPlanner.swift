import LiqCore

/// Bybit v5 public streams: `allLiquidation.{symbol}` (every liquidation, in 500 ms batches) and, when marks,
/// funding or open interest are asked for, `tickers.{symbol}`, for every selected symbol.
///
/// Linear and inverse contracts live on separate endpoints (`/v5/public/linear`, `/v5/public/inverse`), so they
/// never share a connection. Bybit caps the `args` of a public connection at 21,000 characters and reports that
/// oversized batches are acknowledged and then silently deliver nothing, so topics are packed, in symbol order,
/// into as many connections as needed to keep each one's single subscribe message — the whole frame, not only
/// its `args` — within that limit. No per-connection topic count is documented for linear and inverse (spot's
/// 10 args per request does not apply).
///
/// Bybit drops a connection that sends nothing; the documented keep-alive is `{"op":"ping"}` every 20 s,
/// answered by `{"success":true,"ret_msg":"pong","op":"ping",…}`.
struct BybitStreamPlanner: StreamPlanner {
    /// Bybit's limit on the `args` of one public connection, in characters.
    static let maximumSubscribeCharacters = 21_000
    static let ping = #"{"op":"ping"}"#
    static let pingIntervalSeconds = 20.0
    /// `allLiquidation` is silent while nothing is liquidated, but every ping is answered, so a connection that
    /// has received nothing for three ping intervals is dead.
    static let staleAfterSeconds = 60.0

    func endpoints(reference: ReferenceData, feeds: Set<Feed>, baseURL: String?) throws -> [StreamEndpoint] {
        var prefixes: [String] = []
        var kinds: [String] = []
        if feeds.contains(.liquidations) {
            prefixes.append("allLiquidation.")
            kinds.append("allLiquidation")
        }
        if !feeds.isDisjoint(with: [.markPrice, .funding, .openInterest]) {
            prefixes.append("tickers.")
            kinds.append("tickers")
        }
        guard !prefixes.isEmpty else { return [] }
        let instruments = reference.instruments.filter { $0.venue == .bybit }
        guard !instruments.isEmpty else {
            throw UnplannableFeedError(
                venue: .bybit, feed: feeds.contains(.liquidations) ? .liquidations : .markPrice,
                reason: "Bybit topics are per symbol, and the reference data lists no instrument")
        }
        let base = StreamText.trimmed(baseURL ?? VenueCatalog.defaultStreamURL(for: .bybit))
        var endpoints: [StreamEndpoint] = []
        for category in BybitCategory.allCases {
            let symbols = Set(instruments.filter { BybitCategory(of: $0) == category }.map(\.symbol)).sorted()
            let topics = symbols.flatMap { symbol in prefixes.map { $0 + symbol } }
            for (index, message) in Self.subscribeMessages(topics).enumerated() {
                endpoints.append(
                    StreamEndpoint(
                        label: "bybit/\(category.rawValue)/\(kinds.joined(separator: "+"))#\(index + 1)",
                        url: base + "/" + category.rawValue, subscribeMessages: [message],
                        heartbeat: .clientText(Self.ping, intervalSeconds: Self.pingIntervalSeconds),
                        staleAfterSeconds: Self.staleAfterSeconds))
            }
        }
        return endpoints
    }

    /// One subscribe message per connection, each at most `maximumSubscribeCharacters` long, topics in order.
    static func subscribeMessages(_ topics: [String]) -> [String] {
        let prefix = #"{"op":"subscribe","args":["#
        let suffix = "]}"
        var messages: [String] = []
        var current: [String] = []
        var length = prefix.count + suffix.count
        for topic in topics {
            let quoted = StreamText.string(topic)
            let added = quoted.count + (current.isEmpty ? 0 : 1)
            if !current.isEmpty, length + added > maximumSubscribeCharacters {
                messages.append(prefix + current.joined(separator: ",") + suffix)
                current = []
                length = prefix.count + suffix.count
            }
            length += quoted.count + (current.isEmpty ? 0 : 1)
            current.append(quoted)
        }
        if !current.isEmpty { messages.append(prefix + current.joined(separator: ",") + suffix) }
        return messages
    }
}
