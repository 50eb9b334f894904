/// A spec asks for price bars at an interval OKX has no UTC-aligned candle bar for.
public struct OKXBarIntervalError: Error, Sendable, Equatable, CustomStringConvertible {
    public var interval: String

    public init(interval: String) {
        self.interval = interval
    }

    public var description: String { "okx: no UTC-aligned candle bar for the price bar interval \(interval)" }
}
