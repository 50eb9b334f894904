import LiqEmit

#if canImport(Glibc)
    @preconcurrency import Glibc
#endif

/// A synthetic but market-shaped heatmap: 2025-10-10 20:00–22:00 UTC in 1-minute buckets, $100 bands from
/// $100,000 to $124,000, a quiet price near $121,500 that crashes from minute 50 to ~$104,500 and bounces to
/// ~$110,000. Liquidations are small and scattered around the price before the crash and a cascade of
/// millions along the falling price after it.
enum SampleHeatmap {
    static let startMs: Int64 = 1_760_126_400_000  // 2025-10-10T20:00:00Z
    static let bucketMs: Int64 = 60_000
    static let columns = 120
    static let bandLow = 100_000.0
    static let bandWidth = 100.0
    static let bands = 240

    /// Price at minute `minute` (fractional), USD.
    static func price(atMinute minute: Double) -> Double {
        if minute < 50 { return 121_500 + 300 * sin(minute / 6) }
        if minute < 68 { return 121_500 + 300 * sin(50 / 6) - 17_300 * (1 - pow(1 - (minute - 50) / 18, 2)) }
        return 104_500 + 5_500 * (1 - exp(-(minute - 68) / 15))
    }

    static var input: HeatmapImageInput {
        var state: UInt32 = 2025
        func random() -> Double {
            state = state &* 1_664_525 &+ 1_013_904_223
            return Double(state >> 8) / Double(1 << 24)
        }
        var values = [[Double]](repeating: [Double](repeating: 0, count: columns), count: bands)
        for column in 0..<columns {
            let minute = Double(column) + 0.5
            let center = price(atMinute: minute)
            let cascade = minute >= 50 && minute < 75
            let events = cascade ? 80 : 10
            for _ in 0..<events {
                // Liquidations fill near the price; during the cascade they spread over the minute's range.
                let spread = cascade ? 1_500.0 : 350.0
                let fill = center + (random() + random() + random() - 1.5) * spread
                let band = Int(((fill - bandLow) / bandWidth).rounded(.down))
                guard band >= 0 && band < bands else { continue }
                let size = cascade ? pow(10, 4.5 + 2.5 * random()) : pow(10, 3 + 2.2 * random())
                values[band][column] += size
            }
        }
        let path = (0...(columns * 4)).map { quarter in
            HeatmapImageInput.PricePoint(
                timeMs: startMs + Int64(quarter) * bucketMs / 4, price: price(atMinute: Double(quarter) / 4))
        }
        return HeatmapImageInput(
            title: "BTC liquidations 2025-10-10 (synthetic)",
            timesMs: (0..<columns).map { startMs + Int64($0) * bucketMs },
            bucketMs: bucketMs, bandEdges: (0...bands).map { bandLow + Double($0) * bandWidth }, valuesUSD: values,
            pricePath: path)
    }
}
