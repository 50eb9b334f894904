import Foundation
import LiqCore
import Testing

@testable import LiqAnalytics

@Suite struct RobustBaselineTests {
    @Test func oddWindow() {
        // {1, 2, 3, 4, 100}: median 3; |x − 3| = {2, 1, 0, 1, 97} → sorted {0, 1, 1, 2, 97}, MAD 1.
        // z(10) = (10 − 3) / (1.4826 · 1) = 4.721435…
        var baseline = RobustBaseline()
        for value in [100.0, 3, 1, 4, 2] { baseline.insert(value) }
        #expect(baseline.median == 3)
        #expect(baseline.medianAbsoluteDeviation == 1)
        #expect(abs(baseline.robustZ(10, scaleFloor: 0.1, scaleCeiling: 10) - 4.721_435) < 1e-6)
    }

    @Test func evenWindowAndRemoval() {
        // {1, 2, 3, 4}: median 2.5; deviations {1.5, 0.5, 0.5, 1.5} → MAD (0.5 + 1.5)/2 = 1.
        // Removing 4 leaves {1, 2, 3}: median 2, deviations {1, 0, 1} → MAD 1.
        var baseline = RobustBaseline()
        for value in [4.0, 1, 3, 2] { baseline.insert(value) }
        #expect(baseline.median == 2.5)
        #expect(baseline.medianAbsoluteDeviation == 1)
        baseline.remove(4)
        #expect(baseline.median == 2)
        #expect(baseline.medianAbsoluteDeviation == 1)
    }

    @Test func calmBaselineUsesTheFloor() {
        // All zeros: MAD 0, so the scale is the floor 0.5: z(3) = 3 / 0.5 = 6.
        var baseline = RobustBaseline()
        for _ in 0..<10 { baseline.insert(0) }
        #expect(baseline.medianAbsoluteDeviation == 0)
        #expect(baseline.robustZ(3, scaleFloor: 0.5, scaleCeiling: 10) == 6)
    }

    @Test func bimodalBaselineIsCappedByTheCeiling() {
        // Half the minutes 0, half ln(1 + 9999) = 9.2104: median (0 + 9.2104)/2 = 4.6052, every |x − m| = 4.6052,
        // MAD 4.6052, 1.4826 · MAD = 6.8277. A $2.6M minute, ln(2.6e6 + 1) = 14.7711: uncapped z =
        // (14.7711 − 4.6052)/6.8277 = 1.4889; capped at ln(100)/4 = 1.1513: z = 10.1659/1.1513 = 8.8299.
        var baseline = RobustBaseline()
        for index in 0..<10 { baseline.insert(index % 2 == 0 ? 0 : log(10_000.0)) }
        let value = log(2_600_001.0)
        #expect(abs(baseline.robustZ(value, scaleFloor: 0.5, scaleCeiling: 100) - 1.488_9) < 1e-4)
        #expect(abs(baseline.robustZ(value, scaleFloor: 0.5, scaleCeiling: log(100) / 4) - 8.829_9) < 1e-4)
    }
    @Test func madEqualsSortingEveryDeviation() {
        // The binary search over the two runs against the definition: sort every |x − median|, take the middle
        // (mean of the two middles when even). Exact equality: both pick the same differences. Values drawn from a
        // few levels so ties (at the median and across the runs) are common, windows of 1…200 slid by insert/remove.
        var random = SplitMix64(seed: 9)
        for levels in [3, 40, 1_000_000] {
            var baseline = RobustBaseline()
            var window: [Double] = []
            for step in 0..<2_000 {
                let value = Double(Int.random(in: 0..<levels, using: &random)) / 7
                baseline.insert(value)
                window.append(value)
                if window.count > 1 + step % 200 { baseline.remove(window.removeFirst()) }
                let median = RobustBaseline.median(sorted: window.sorted())
                let deviations = window.map { abs($0 - median) }.sorted()
                let middle = deviations.count / 2
                let expected =
                    deviations.count % 2 == 1 ? deviations[middle] : (deviations[middle - 1] + deviations[middle]) / 2
                #expect(baseline.medianAbsoluteDeviation == expected, "levels \(levels), step \(step)")
            }
        }
    }
}
