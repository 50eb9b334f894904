/// Perpetual swap or dated future.
public enum ContractKind: String, Sendable, Equatable, Hashable, CaseIterable, Codable {
    case perpetual
    case datedFuture = "dated-future"
}
