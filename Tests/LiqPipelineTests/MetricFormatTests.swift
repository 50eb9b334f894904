import Testing

@testable import LiqPipeline

@Suite("MetricFormat")
struct MetricFormatTests {
    @Test(
        "prints bytes in decimal units with one truncated decimal",
        arguments: [
            (0, "0 B"), (999, "999 B"), (1_000, "1.0 kB"), (99_999, "99.9 kB"), (1_250_000, "1.2 MB"),
            (999_999_999, "999.9 MB"), (12_345_678_901, "12.3 GB"),
        ]
    )
    func bytes(bytes: Int, expected: String) {
        #expect(MetricFormat.bytes(bytes) == expected)
    }

    @Test(
        "prints seconds with one truncated decimal",
        arguments: [
            (Duration.zero, "0.0 s"), (.milliseconds(99), "0.0 s"), (.milliseconds(12_345), "12.3 s"),
            (.seconds(3_600), "3600.0 s"),
        ]
    )
    func seconds(duration: Duration, expected: String) {
        #expect(MetricFormat.seconds(duration) == expected)
    }
}
