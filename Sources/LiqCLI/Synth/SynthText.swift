import LiqCore
import LiqEmit

/// Helpers that print numbers and JSON the way the venues do: fixed decimals ("0.10", not "0.1"), compact JSON.
enum SynthText {
    /// `value` rounded half away from zero to `decimals` and printed with exactly that many decimals.
    static func fixed(_ value: Double, _ decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int64((abs(value) * scale).rounded(.toNearestOrAwayFromZero))
        let sign = value < 0 && scaled != 0 ? "-" : ""
        guard decimals > 0 else { return sign + String(scaled) }
        var digits = String(scaled)
        if digits.count <= decimals { digits = String(repeating: "0", count: decimals - digits.count + 1) + digits }
        let split = digits.index(digits.endIndex, offsetBy: -decimals)
        return sign + digits[..<split] + "." + digits[split...]
    }

    /// An object from ordered members.
    static func object(_ members: [(String, JSONValue)]) -> JSONValue {
        .object(members.map { JSONMember(key: $0.0, value: $0.1) })
    }

    static func string(_ text: String) -> JSONValue { .string(text) }
    static func number(_ value: Int64) -> JSONValue { .number(String(value)) }
    static func strings(_ texts: [String]) -> JSONValue { .array(texts.map { .string($0) }) }

    /// One compact JSON document followed by a newline, as the fixture files are written.
    static func document(_ value: JSONValue) -> [UInt8] { JSONWriter.encode(value, pretty: false) + [0x0A] }

    /// 10^`exponent` for small integer exponents (ticks and steps).
    static func pow10(_ exponent: Int) -> Double {
        var value = 1.0
        for _ in 0..<abs(exponent) { value *= 10 }
        return exponent < 0 ? 1 / value : value
    }
}
