/// A time bucket length, aligned to the Unix epoch so buckets from different runs and venues line up.
public struct BucketSize: Sendable, Equatable, Hashable, CustomStringConvertible {
    public let milliseconds: Int64

    public init?(milliseconds: Int64) {
        guard milliseconds > 0 else { return nil }
        self.milliseconds = milliseconds
    }

    /// Parses `30s`, `1m`, `5m`, `1h`, `4h`, `1d`.
    public init?(_ text: String) {
        guard let unit = text.last, let count = Int64(text.dropLast()), count > 0 else { return nil }
        let scale: Int64
        switch unit {
        case "s": scale = 1000
        case "m": scale = 60_000
        case "h": scale = 3_600_000
        case "d": scale = 86_400_000
        default: return nil
        }
        let (product, overflow) = count.multipliedReportingOverflow(by: scale)
        guard !overflow else { return nil }
        self.init(milliseconds: product)
    }

    /// Start of the bucket holding `timestampMs` (floor, also for times before 1970).
    public func start(of timestampMs: Int64) -> Int64 {
        let remainder = timestampMs % milliseconds
        return timestampMs - (remainder < 0 ? remainder + milliseconds : remainder)
    }

    public var description: String {
        for (unit, scale) in [("d", Int64(86_400_000)), ("h", 3_600_000), ("m", 60_000), ("s", 1000)]
        where milliseconds % scale == 0 {
            return "\(milliseconds / scale)\(unit)"
        }
        return "\(milliseconds)ms"
    }
}
