import Dispatch
import Testing

@testable import LiqPipeline

@Suite("ProgressReporter")
struct ProgressReporterTests {
    /// Captures what the reporter writes and lets the test wait for a number of writes.
    final class Capture: Sendable {
        private let writes = Locked<[String]>([])
        private let wrote = DispatchSemaphore(value: 0)

        func write(_ text: String) {
            writes.withLock { $0.append(text) }
            wrote.signal()
        }

        /// Waits for `count` more writes; returns whether they came within 10 s.
        func awaitWrites(_ count: Int) -> Bool {
            (0..<count).allSatisfy { _ in wrote.wait(timeout: .now() + 10) == .success }
        }

        var texts: [String] { writes.value }
    }

    private static let stages = [
        StageMetrics(stageName: "fetch", workers: 1, itemsIn: 0, itemsOut: 3, records: 3, bytes: 0, busyTime: .zero),
        StageMetrics(stageName: "sink", workers: 1, itemsIn: 3, itemsOut: 0, records: 300, bytes: 0, busyTime: .zero),
    ]

    private static func reporter(rewritesLine: Bool, capture: Capture) -> ProgressReporter {
        ProgressReporter(
            label: "test.progress",
            options: ProgressOptions(interval: .milliseconds(5), rewritesLine: rewritesLine, write: capture.write)
        ) { stages }
    }

    @Test("on a terminal, rewrites one line in place and ends it with the summary")
    func terminalLine() {
        let capture = Capture()
        let reporter = Self.reporter(rewritesLine: true, capture: capture)
        reporter.start()
        #expect(capture.awaitWrites(2))
        reporter.stop(failure: nil)

        let texts = capture.texts
        #expect(texts.count >= 3)
        #expect(texts.allSatisfy { $0.hasPrefix("\r") && $0.contains("\u{1B}[K") })
        #expect(texts.dropLast().allSatisfy { !$0.contains("\n") })
        #expect(texts.last?.hasPrefix("\rdone after ") == true)
        #expect(texts.last?.hasSuffix("\u{1B}[K\n") == true)
    }

    @Test("elsewhere, writes plain periodic lines and a summary line")
    func plainLines() {
        let capture = Capture()
        let reporter = Self.reporter(rewritesLine: false, capture: capture)
        reporter.start()
        #expect(capture.awaitWrites(2))
        reporter.stop(failure: nil)

        let texts = capture.texts
        #expect(texts.count >= 3)
        #expect(texts.allSatisfy { !$0.contains("\r") && $0.hasSuffix("\n") && $0.filter { $0 == "\n" }.count == 1 })
        let stagesText = "fetch 0→3 3 rec busy 0.0 s | sink 3→0 300 rec busy 0.0 s\n"
        #expect(texts.dropLast().allSatisfy { $0.hasPrefix("[") && $0.hasSuffix(" s] " + stagesText) })
        #expect(texts.last?.hasPrefix("done after ") == true)
        #expect(texts.last?.hasSuffix(" s: " + stagesText) == true)
    }

    @Test(
        "the summary says how the pipeline ended",
        arguments: [
            (nil, "done after "),
            (
                PipelineError(stageName: "normalise", underlying: InjectedFailure(stageName: "normalise")),
                "failed in normalise after "
            ),
            (PipelineError(stageName: nil, underlying: CancellationError()), "cancelled after "),
        ]
    )
    func summaryStatus(failure: PipelineError?, expectedPrefix: String) {
        let capture = Capture()
        let reporter = Self.reporter(rewritesLine: false, capture: capture)
        reporter.start()
        reporter.stop(failure: failure)
        #expect(capture.texts.last?.hasPrefix(expectedPrefix) == true)
    }

    @Test("a pipeline run with progress options reports through them and ends with its summary")
    func pipelineReportsProgress() throws {
        let capture = Capture()
        let pipeline = Pipeline(
            name: "test",
            progress: ProgressOptions(interval: .milliseconds(5), rewritesLine: false, write: capture.write)
        )
        let numbers = pipeline.addSource("numbers", capacity: 1) { _, emit in
            for value in 0..<3 {
                try emit(value)
            }
        }
        let sawPeriodicLine = Counter()
        pipeline.addSink("sink", input: numbers) { _ in
            { value in
                // Hold the pipeline open until at least one periodic line is out.
                if value == 0 && capture.awaitWrites(1) {
                    sawPeriodicLine.add()
                }
            }
        }
        try pipeline.run()

        #expect(sawPeriodicLine.value == 1)
        let texts = capture.texts
        #expect(texts.count >= 2)
        #expect(texts.first?.hasPrefix("[") == true)
        #expect(texts.last?.hasPrefix("done after ") == true)
        #expect(texts.last?.contains("numbers 0→3 3 rec") == true)
        #expect(texts.last?.contains("sink 3→0 3 rec") == true)
    }
}
