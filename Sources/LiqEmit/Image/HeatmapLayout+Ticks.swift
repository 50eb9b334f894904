import LiqCore

#if canImport(Glibc)
    @preconcurrency import Glibc
#endif

extension HeatmapLayout {
    /// Tick spacings tried for the time axis, in minutes: the first that keeps labels ≥ 110 px apart wins.
    static let timeStepsMinutes: [Int64] = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10_080]

    /// Time ticks at UTC-aligned multiples of the step, labelled `HH:MM`; the first tick and every tick on a new
    /// UTC day carry the date as a second line.
    var timeTicks: [Tick] {
        let span = endMs - startMs
        let room = max(1, Int64((plotRight - plotLeft) / 110))
        let stepMinutes = Self.timeStepsMinutes.first { span / ($0 * 60_000) <= room } ?? 10_080
        let stepMs = stepMinutes * 60_000
        var ticks: [Tick] = []
        var time = (startMs + stepMs - 1).floorDivided(by: stepMs) * stepMs
        var previousDay: UTCDate?
        while time <= endMs {
            let day = UTCDate(timestampMs: time)
            let minuteOfDay = Int((time - day.startMs) / 60_000)
            let clock = Self.twoDigits(minuteOfDay / 60) + ":" + Self.twoDigits(minuteOfDay % 60)
            ticks.append(Tick(position: x(time), label: clock, secondLine: day == previousDay ? nil : day.description))
            previousDay = day
            time += stepMs
        }
        return ticks
    }

    /// Price ticks at round multiples of a 1-2-5 step, at most one per 40 px.
    var priceTicks: [Tick] {
        let low = input.bandEdges[0]
        let high = input.bandEdges[input.bandEdges.count - 1]
        return Self.priceTickValues(low: low, high: high, pixels: plotBottom - plotTop).map {
            Tick(position: y($0.value), label: $0.label)
        }
    }

    /// Colour-bar ticks at every power of ten inside the colour range: `$1K`, `$10K`, `$100K`, `$1M`, …
    var colourTicks: [Tick] {
        Array(Int(logLow.rounded(.up))...Int(logHigh.rounded(.down))).map {
            Tick(position: barY(Double($0)), label: Self.usdPowerLabel($0))
        }
    }

    static func priceTickValues(low: Double, high: Double, pixels: Int) -> [(value: Double, label: String)] {
        let wanted = max(2, Double(pixels) / 40)
        let rough = (high - low) / wanted
        let magnitude = pow(10, (log10(rough)).rounded(.down))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? 10 * magnitude
        let decimals = max(0, Int(-(log10(step)).rounded(.down)))
        var values: [(Double, String)] = []
        // A millionth of a step of slack: 3 × 0.1 is 0.30000000000000004 and must still count as 0.3.
        let slack = step * 1e-6
        var index = ((low - slack) / step).rounded(.up)
        while index * step <= high + slack {
            let value = index * step
            values.append((value, groupedThousands(fixedDecimals(value, decimals))))
            index += 1
        }
        return values
    }

    /// `value` with exactly `decimals` fraction digits, so the labels of one axis line up: 0.5 → `0.50`.
    static func fixedDecimals(_ value: Double, _ decimals: Int) -> String {
        let text = NumberFormat.plain(value, fractionDigits: decimals)
        guard decimals > 0 else { return text }
        let present = text.split(separator: ".", maxSplits: 1).dropFirst().first?.count ?? 0
        return text + (present == 0 ? "." : "") + String(repeating: "0", count: decimals - present)
    }

    /// `126000.5` → `126,000.5`.
    static func groupedThousands(_ text: String) -> String {
        let negative = text.hasPrefix("-")
        let unsigned = negative ? String(text.dropFirst()) : text
        let parts = unsigned.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        var integer = ""
        for (index, digit) in parts[0].reversed().enumerated() {
            if index > 0 && index % 3 == 0 { integer.append(",") }
            integer.append(digit)
        }
        let grouped = String(integer.reversed()) + (parts.count > 1 ? "." + parts[1] : "")
        return negative ? "-" + grouped : grouped
    }

    /// `$` and 10^`exponent` with K/M/B/T: 3 → `$1K`, 7 → `$10M`.
    static func usdPowerLabel(_ exponent: Int) -> String {
        guard exponent >= 0 else { return "$" + NumberFormat.plain(pow(10, Double(exponent))) }
        let suffixes = ["", "K", "M", "B", "T"]
        let group = min(exponent / 3, suffixes.count - 1)
        let mantissa = NumberFormat.plain(pow(10, Double(exponent - group * 3)))
        return "$" + mantissa + suffixes[group]
    }

    static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}

extension Int64 {
    /// Division rounding towards −∞, so times before 1970 still snap to the earlier tick.
    fileprivate func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
