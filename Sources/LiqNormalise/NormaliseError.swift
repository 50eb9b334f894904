public import LiqCore

/// A venue record that cannot become a canonical record, naming the instrument and what is missing.
public struct NormaliseError: Error, Sendable, Equatable, CustomStringConvertible {
    public var instrument: InstrumentKey
    public var reason: String

    public init(instrument: InstrumentKey, reason: String) {
        self.instrument = instrument
        self.reason = reason
    }

    public var description: String { "\(instrument): \(reason)" }
}
