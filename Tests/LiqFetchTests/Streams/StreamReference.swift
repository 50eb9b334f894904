import LiqCore
import LiqFetch

/// Small reference data sets for the stream planner tests: the instruments a selection would have kept.
enum StreamReference {
    static func instrument(
        _ venue: Venue, _ symbol: String, base: String = "BTC", quote: String = "USDT", settle: String? = nil,
        kind: ContractKind = .perpetual, margining: Margining = .linear
    ) -> Instrument {
        Instrument(
            venue: venue, symbol: symbol, baseAsset: base, quoteAsset: quote, settleAsset: settle ?? quote,
            kind: kind, margining: margining,
            contractSize: ContractSize(value: 1, unit: margining == .inverse ? .usd : .base))
    }

    static func reference(_ instruments: [Instrument]) -> ReferenceData {
        var reference = ReferenceData()
        reference.instruments = instruments
        return reference
    }

    static func planner(_ venue: Venue) throws -> any StreamPlanner {
        guard let planner = VenueCatalog.streamPlanner(for: venue) else {
            throw PlannerMissing(venue: venue)
        }
        return planner
    }

    struct PlannerMissing: Error {
        var venue: Venue
    }
}
