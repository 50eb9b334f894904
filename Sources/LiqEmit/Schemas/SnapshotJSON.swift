public import LiqAnalytics
public import LiqCore

/// `snapshot.json`: the run's headline state for dashboards: liquidation totals per asset, side and venue with
/// coverage flags, latest open interest and funding per asset, and what each venue feed delivered.
///
/// No wall-clock time is written, so the same input gives a byte-identical file; `dataFromMs`/`dataToMs` say how
/// fresh the data is.
public enum SnapshotJSON {
    public static let schemaVersion = 1

    public struct Input: Sendable {
        public var specName: String
        public var liquidations: LiquidationTotals
        public var market: MarketSnapshot
        public var coverage: [FeedCoverage]
        /// Earliest and latest record time in the run, UTC epoch ms; nil when the run ingested nothing.
        public var dataRangeMs: ClosedRange<Int64>?
        /// The cascade detector's state per asset and side at the run's last minute.
        public var cascades: [CascadeDetection.AssetState]
        /// Incremental runs only: each feed's freshness as of `checkedAtMs` (the run's start). The one place the
        /// wall clock enters the file, and only when a store keeps the history it is measured against.
        public var sources: (checkedAtMs: Int64, feeds: [SourceFreshness])?

        public init(
            specName: String, liquidations: LiquidationTotals, market: MarketSnapshot, coverage: [FeedCoverage],
            dataRangeMs: ClosedRange<Int64>?, cascades: [CascadeDetection.AssetState] = [],
            sources: (checkedAtMs: Int64, feeds: [SourceFreshness])? = nil
        ) {
            self.specName = specName
            self.liquidations = liquidations
            self.market = market
            self.coverage = coverage
            self.dataRangeMs = dataRangeMs
            self.cascades = cascades
            self.sources = sources
        }
    }

    public static func encode(_ input: Input) -> [UInt8] {
        let liquidations = input.liquidations.assets
        let coverage = input.coverage.sorted()
        let covered = coverage.filter {
            if case .covered = $0.status { return $0.feed == .liquidations }
            return false
        }
        let document: JSONValue = .object([
            member("schemaVersion", .number(String(schemaVersion))),
            member("spec", .string(input.specName)),
            member("dataFromMs", input.dataRangeMs.map { .number(String($0.lowerBound)) } ?? .null),
            member("dataToMs", input.dataRangeMs.map { .number(String($0.upperBound)) } ?? .null),
            member("coverage", .array(coverage.map(coverageEntry))),
            member(
                "liquidations",
                .object([
                    member("longUSD", usd(liquidations.reduce(0) { $0 + $1.longUSD })),
                    member("shortUSD", usd(liquidations.reduce(0) { $0 + $1.shortUSD })),
                    member("totalUSD", usd(liquidations.reduce(0) { $0 + $1.totalUSD })),
                    member("events", .number(String(liquidations.reduce(0) { $0 + $1.events }))),
                    member("lowerBound", .bool(liquidations.contains { $0.isLowerBound })),
                    member("coveredVenues", .array(covered.map { .string($0.venue.rawValue) })),
                    member("byAsset", .array(liquidations.map(asset))),
                ])),
            member("markets", .array(input.market.assets.map(market))),
            member("cascades", .array(input.cascades.map(cascadeState))),
        ])
        guard let sources = input.sources, case .object(var members) = document else {
            return JSONWriter.encode(document)
        }
        members.append(
            member(
                "sources",
                .object([
                    member("checkedAtMs", .number(String(sources.checkedAtMs))),
                    member("feeds", .array(sources.feeds.map { freshness($0, at: sources.checkedAtMs) })),
                ])))
        return JSONWriter.encode(.object(members))
    }

    private static func member(_ key: String, _ value: JSONValue) -> JSONMember { JSONMember(key: key, value: value) }

    private static func usd(_ value: Double) -> JSONValue { .number(NumberFormat.computed(value)) }

    private static func freshness(_ source: SourceFreshness, at nowMs: Int64) -> JSONValue {
        func ms(_ value: Int64?) -> JSONValue { value.map { .number(String($0)) } ?? .null }
        return .object([
            member("venue", .string(source.venue.rawValue)),
            member("feed", .string(source.feed.rawValue)),
            member("status", .string(source.status.rawValue)),
            member("lastSuccessMs", ms(source.lastSuccessMs)),
            member("lastErrorMs", ms(source.lastErrorMs)),
            member("lastError", source.lastError.map(JSONValue.string) ?? .null),
            member("consecutiveFailures", .number(String(source.consecutiveFailures))),
            member("newestRecordMs", ms(source.newestRecordMs)),
            member("lagMs", ms(source.lagMs(at: nowMs))),
        ])
    }

    private static func cascadeState(_ state: CascadeDetection.AssetState) -> JSONValue {
        .object([
            member("base", .string(state.baseAsset)),
            member("side", .string(state.side.rawValue)),
            member("state", .string(state.state.rawValue)),
            member("sinceMs", state.sinceMs.map { .number(String($0)) } ?? .null),
            member("eventId", state.eventID.map(JSONValue.string) ?? .null),
        ])
    }

    private static func coverageEntry(_ entry: FeedCoverage) -> JSONValue {
        var members = [member("venue", .string(entry.venue.rawValue)), member("feed", .string(entry.feed.rawValue))]
        switch entry.status {
        case .covered(let completeness):
            members.append(member("status", .string("covered")))
            members.append(member("completeness", .string(completeness.rawValue)))
        case .unavailable(let reason):
            members.append(member("status", .string("unavailable")))
            members.append(member("reason", .string(reason)))
        case .failed(let reason):
            members.append(member("status", .string("failed")))
            members.append(member("reason", .string(reason)))
        }
        return .object(members)
    }

    private static func asset(_ total: LiquidationTotals.AssetTotal) -> JSONValue {
        .object([
            member("base", .string(total.baseAsset)),
            member("longUSD", usd(total.longUSD)),
            member("shortUSD", usd(total.shortUSD)),
            member("totalUSD", usd(total.totalUSD)),
            member("events", .number(String(total.events))),
            member("lowerBound", .bool(total.isLowerBound)),
            member(
                "venues",
                .array(
                    total.venues.map { venue in
                        .object([
                            member("venue", .string(venue.venue.rawValue)),
                            member("longUSD", usd(venue.longUSD)),
                            member("shortUSD", usd(venue.shortUSD)),
                            member("events", .number(String(venue.events))),
                            member("completeness", .string(venue.completeness.rawValue)),
                        ])
                    })),
        ])
    }

    private static func market(_ state: MarketSnapshot.AssetState) -> JSONValue {
        .object([
            member("base", .string(state.baseAsset)),
            member("openInterestUSD", usd(state.openInterestUSD)),
            member("openInterestBase", .number(NumberFormat.computed(state.openInterestBase))),
            member(
                "openInterestWeightedAnnualizedFunding",
                state.openInterestWeightedAnnualizedFunding.map { .number(NumberFormat.computed($0)) } ?? .null),
            member(
                "openInterest",
                .array(
                    state.openInterest.map { sample in
                        .object([
                            member("venue", .string(sample.venue.rawValue)),
                            member("symbol", .string(sample.symbol)),
                            member("timestampMs", .number(String(sample.timestampMs))),
                            member("openInterestBase", .number(NumberFormat.computed(sample.openInterestBase))),
                            member("openInterestUSD", usd(sample.openInterestUSD)),
                        ])
                    })),
            member(
                "funding",
                .array(
                    state.funding.map { sample in
                        .object([
                            member("venue", .string(sample.venue.rawValue)),
                            member("symbol", .string(sample.symbol)),
                            member("kind", .string(sample.kind.rawValue)),
                            member("timestampMs", .number(String(sample.timestampMs))),
                            member("rate", .number(NumberFormat.plain(sample.rate))),
                            member("intervalHours", .number(NumberFormat.plain(sample.intervalHours))),
                            member("annualizedRate", .number(NumberFormat.computed(FundingCSV.annualized(sample)))),
                        ])
                    })),
        ])
    }
}
