import LiqFetch
import Testing

@Suite struct SystemFetchClockTests {
    @Test func nowIsWallTimeInEpochSeconds() {
        // After 2025-01-01 and before 2100-01-01: seconds, not milliseconds, and not a monotonic uptime.
        #expect((1_735_689_600.0..<4_102_444_800.0).contains(SystemFetchClock().now()))
    }

    @Test func sleepBlocksForAtLeastTheDuration() {
        let clock = ContinuousClock()
        let started = clock.now
        SystemFetchClock().sleep(seconds: 0.05)
        #expect(clock.now - started >= .milliseconds(50))
        #expect(clock.now - started < .seconds(2))
    }
}
