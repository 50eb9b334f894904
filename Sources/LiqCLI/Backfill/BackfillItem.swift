import LiqCore

/// One unit of backfill work: one dataset of one symbol of one venue over one day or month — what a single
/// archive file or history query holds. Completion is recorded per item, so an interrupted backfill resumes at
/// item granularity.
struct BackfillItem: Sendable, Hashable {
    var venue: Venue
    /// The source's dataset name (`metrics`, `fundingRate`, …): also the store file name, `<dataset>.csv`.
    var dataset: String
    var symbol: String
    var period: BackfillPeriod

    /// `binance-usdm/metrics/BTCUSDT/2025-10-10`: stable across runs and machines, so it orders the plan, picks
    /// the shard and names the ledger file.
    var key: String { "\(venue.rawValue)/\(dataset)/\(symbol)/\(period)" }
}
