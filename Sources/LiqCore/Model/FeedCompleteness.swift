/// Whether a venue's liquidation feed reports every liquidation or a sample of them.
///
/// Binance pushes at most one liquidation per symbol per second, so its totals are lower bounds; every total we
/// publish says which venues it covers and whether any of them is sampled.
public enum FeedCompleteness: String, Sendable, Equatable, Hashable, CaseIterable, Codable {
    case complete
    case sampled
}
