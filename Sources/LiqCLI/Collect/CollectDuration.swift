/// `--duration` values: `90`, `90s`, `15m`, `6h`, `1d` (a positive whole number of seconds, minutes, hours, days).
enum CollectDuration {
    static func seconds(_ text: String) -> Double? {
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3_600, "d": 86_400]
        var digits = Substring(text)
        var scale = 1.0
        if let last = text.last, let unit = units[last] {
            digits = digits.dropLast()
            scale = unit
        }
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), let value = Int(digits), value > 0, value <= 1_000_000
        else { return nil }
        return Double(value) * scale
    }
}
