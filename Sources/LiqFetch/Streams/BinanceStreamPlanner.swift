import LiqCore

/// Binance futures streams on one combined-stream connection per market (`…/stream?streams=a/b`), so every event
/// arrives wrapped as `{"stream":…,"data":…}` and nothing has to be sent after connecting.
///
/// - USDⓈ-M: `!forceOrder@arr` (every liquidation of the market, sampled to ≤ 1 per symbol per second) and
///   `!markPrice@arr@1s` (marks and running funding of every symbol, every second), under the `/market` path:
///   since 2026-04 the unrouted `/ws` and `/stream` paths silently deliver no `/market`-tier stream.
/// - COIN-M: `!forceOrder@arr` and `<pair>@markPrice@1s` per pair of the selection (COIN-M has no all-market
///   mark stream; the pair stream pushes an array of the pair's perpetual and quarterlies every second).
///
/// The mark stream is subscribed even when only liquidations are asked for: `!forceOrder@arr` can be silent for
/// minutes on a calm day, and a second-by-second stream on the same connection is what lets a short staleness
/// threshold tell a dead connection from a quiet market. The decoder drops the marks a spec did not ask for.
/// Binance pings every 3 minutes and closes a connection that has not ponged within 10; the WebSocket layer pongs.
/// Limits respected: at most 1,024 streams per connection (COIN-M has a few dozen pairs), and a connection lives
/// at most 24 hours, after which the collector's reconnect takes over.
struct BinanceStreamPlanner: StreamPlanner {
    let venue: Venue

    /// The mark stream pushes every second, so even a few missed pushes are abnormal; 30 s leaves room for a slow
    /// venue without letting a dead connection lose more than half a minute of liquidations.
    static let staleAfterSeconds = 30.0
    /// A connection carrying only `!forceOrder@arr` (COIN-M without a selected pair) may rightly be silent for a
    /// long time; the server's 3-minute pings keep it open, so only a long silence means it is gone.
    static let liquidationOnlyStaleAfterSeconds = 900.0

    func endpoints(reference: ReferenceData, feeds: Set<Feed>, baseURL: String?) throws -> [StreamEndpoint] {
        let wantsLiquidations = feeds.contains(.liquidations)
        let wantsMarks = !feeds.isDisjoint(with: [.markPrice, .funding])
        guard wantsLiquidations || wantsMarks else { return [] }
        let markStreams = try markStreams(reference: reference, feeds: feeds, required: wantsMarks)
        var streams: [String] = []
        var kinds: [String] = []
        if wantsLiquidations {
            streams.append("!forceOrder@arr")
            kinds.append("forceOrder")
        }
        if !markStreams.isEmpty {
            streams += markStreams
            kinds.append("markPrice")
        }
        let base = StreamText.trimmed(baseURL ?? VenueCatalog.defaultStreamURL(for: venue))
        return [
            StreamEndpoint(
                label: "\(venue.rawValue)/" + kinds.joined(separator: "+"),
                url: base + "/stream?streams=" + streams.joined(separator: "/"), subscribeMessages: [],
                heartbeat: .serverPings,
                staleAfterSeconds: markStreams.isEmpty ? Self.liquidationOnlyStaleAfterSeconds : Self.staleAfterSeconds)
        ]
    }

    /// USDⓈ-M: the all-market array. COIN-M: one stream per pair of the selection (`btcusd@markPrice@1s`); none
    /// is an error only when marks or funding were asked for.
    private func markStreams(reference: ReferenceData, feeds: Set<Feed>, required: Bool) throws -> [String] {
        guard venue == .binanceCOINM else { return ["!markPrice@arr@1s"] }
        let pairs = Set(
            reference.instruments.filter { $0.venue == venue }.map { ($0.baseAsset + $0.quoteAsset).lowercased() })
        if pairs.isEmpty, required {
            throw UnplannableFeedError(
                venue: venue, feed: feeds.contains(.markPrice) ? .markPrice : .funding,
                reason: "COIN-M mark streams are per pair, and the reference data lists no instrument")
        }
        return pairs.sorted().map { "\($0)@markPrice@1s" }
    }
}
