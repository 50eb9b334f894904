/// The side of a position: the liquidated position's side in liquidation records.
public enum PositionSide: String, Sendable, Equatable, Hashable, CaseIterable, Codable {
    case long
    case short
}
