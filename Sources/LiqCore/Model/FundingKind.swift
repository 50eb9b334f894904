/// A funding rate that was paid, or the venue's running estimate of the next one.
public enum FundingKind: String, Sendable, Equatable, Hashable, CaseIterable, Codable {
    case settled
    case predicted
}
