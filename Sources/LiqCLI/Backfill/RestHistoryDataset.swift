/// The kinds of history a venue's paginated REST endpoints give, as backfill dataset names: also the store file
/// names (`fundingHistory.csv`), distinct from every archive dataset's, so a venue with both sources never has two
/// items write one file.
enum RestHistoryDataset: String, Sendable, CaseIterable {
    case fundingHistory, openInterestHistory, liquidationHistory
}
