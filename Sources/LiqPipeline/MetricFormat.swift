/// Fixed, locale-free number formatting for progress lines.
///
/// Integer arithmetic only, so the output does not depend on Foundation or on the process locale, and the same
/// numbers always print the same way.
enum MetricFormat {
    /// Decimal units (1 kB = 1,000 bytes) with one truncated decimal: `512 B`, `3.2 kB`, `3.2 MB`, `1.5 GB`.
    static func bytes(_ bytes: Int) -> String {
        switch bytes {
        case ..<1_000: return "\(bytes) B"
        case ..<1_000_000: return tenths(bytes, per: 1_000) + " kB"
        case ..<1_000_000_000: return tenths(bytes, per: 1_000_000) + " MB"
        default: return tenths(bytes, per: 1_000_000_000) + " GB"
        }
    }

    /// Seconds with one decimal, e.g. `12.3 s`; truncated, not rounded, so a counter never appears to run ahead.
    static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let totalTenths = seconds * 10 + attoseconds / 100_000_000_000_000_000
        return "\(totalTenths / 10).\(totalTenths % 10) s"
    }

    /// `value / unit` with one truncated decimal.
    private static func tenths(_ value: Int, per unit: Int) -> String {
        let tenths = value / (unit / 10)
        return "\(tenths / 10).\(tenths % 10)"
    }
}
