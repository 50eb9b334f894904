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
        #expect(abs(baseline.robustZ(10, scaleFloor: 0.1) - 4.721_435) < 1e-6)
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
        #expect(baseline.robustZ(3, scaleFloor: 0.5) == 6)
    }
}
