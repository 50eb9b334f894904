/// Funding intervals read from the spacing of settlement times, for history rows that do not state their interval.
///
/// Intervals change over a symbol's life: Hyperliquid settled every 8 h in 2023 and hourly since, and Bybit
/// shortens an interval while the rate sits at its cap. Stamping old rows with today's interval would misstate
/// their annualised rate several-fold, so each settlement is given the time since the settlement before it (the
/// period it paid for), rounded to whole hours to absorb the venues' millisecond jitter. The oldest row of a page
/// has no predecessor and takes the gap to the row after it; a page of one row gives nil, left to the normaliser.
enum FundingIntervalInference {
    /// Hours per settlement, one per entry of `times` (UTC epoch ms, in any order); nil where no gap is known or
    /// it rounds to less than an hour.
    static func intervalHours(settlementTimesMs times: [Int64]) -> [Double?] {
        let sorted = Array(Set(times)).sorted()
        var hoursByTime: [Int64: Double] = [:]
        for (index, time) in sorted.enumerated() {
            let gap: Int64
            if index > 0 {
                gap = time - sorted[index - 1]
            } else if sorted.count > 1 {
                gap = sorted[1] - time
            } else {
                continue
            }
            let hours = (Double(gap) / 3_600_000).rounded()
            if hours >= 1 { hoursByTime[time] = hours }
        }
        return times.map { hoursByTime[$0] }
    }
}
