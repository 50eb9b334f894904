/// One rule's verdict, kept with its value and threshold so an event explains itself.
public struct CascadeReason: Sendable, Equatable {
    /// Rule name, e.g. `robust_z`, `floor_5m`, `price_move_15m`, `liquidations_collapsed`.
    public var rule: String
    /// The measured value (z, USD, fraction); nil when the rule was not evaluable.
    public var value: Double?
    /// The threshold it was compared with.
    public var threshold: Double
    /// Whether the rule held; false when not evaluable.
    public var held: Bool

    public init(rule: String, value: Double?, threshold: Double, held: Bool) {
        self.rule = rule
        self.value = value
        self.threshold = threshold
        self.held = held
    }

    /// Evaluable when a value was measured.
    public var evaluable: Bool { value != nil }

    /// `robust_z=5.2101>=4 held`, `funding_retraced=n/a not evaluable`.
    public var text: String {
        guard let value else { return "\(rule)=n/a not evaluable" }
        return "\(rule)=\(Self.short(value)) vs \(Self.short(threshold)) \(held ? "held" : "failed")"
    }

    /// Four decimals, no exponent: enough to read, stable between runs.
    static func short(_ value: Double) -> String {
        // Beyond ±1e14 four decimals no longer fit an Int64 of ten-thousandths; such values are rare enough
        // (a ratio against a near-zero reference) that Swift's shortest round-trip form is fine.
        guard value.isFinite, abs(value) < 1e14 else { return "\(value)" }
        let rounded = (value * 10_000).rounded() / 10_000
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int64(rounded)) }
        return String(format4: rounded)
    }
}

extension String {
    fileprivate init(format4 value: Double) {
        let negative = value < 0
        let scaled = Int64((abs(value) * 10_000).rounded())
        var fraction = String(scaled % 10_000)
        fraction = String(repeating: "0", count: 4 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        self = (negative ? "-" : "") + String(scaled / 10_000) + (fraction.isEmpty ? "" : "." + fraction)
    }
}
