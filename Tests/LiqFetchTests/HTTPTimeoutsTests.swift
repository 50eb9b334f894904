import Testing

@testable import LiqFetch

@Suite struct HTTPTimeoutsTests {
    /// libcurl takes whole milliseconds and reads 0 as "no timeout", so tiny values must become 1 ms.
    @Test(arguments: [(2.5, 2500), (0.3, 300), (1.0, 1000), (0.0004, 1), (0.0016, 2), (1e12, Int(Int32.max))])
    func convertsSecondsToCurlMilliseconds(seconds: Double, milliseconds: Int) {
        #expect(HTTPTimeouts.milliseconds(seconds) == milliseconds)
    }
}
