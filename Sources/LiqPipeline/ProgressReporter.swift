import Dispatch

/// Reports the pipeline's progress periodically while ``Pipeline/run()`` blocks, and a summary at the end.
///
/// Runs one loop on its own serial queue that sleeps on a semaphore with a timeout: the timeout is the tick, a
/// signal is the stop. Stopping waits for the loop to exit before writing the summary, so no tick can land after it.
final class ProgressReporter: Sendable {
    private let label: String
    private let options: ProgressOptions
    private let snapshot: @Sendable () -> [StageMetrics]
    private let started = ContinuousClock.now
    private let stopSignal = DispatchSemaphore(value: 0)
    private let loopExited = DispatchGroup()

    /// - Parameters:
    ///   - label: Label of the reporter's queue.
    ///   - options: Destination, style and interval.
    ///   - snapshot: Reads the stages' counters; called on the reporter's queue.
    init(label: String, options: ProgressOptions, snapshot: @escaping @Sendable () -> [StageMetrics]) {
        self.label = label
        self.options = options
        self.snapshot = snapshot
    }

    /// Starts the periodic reports; call once.
    func start() {
        let interval = DispatchTimeInterval.nanoseconds(Self.nanoseconds(options.interval))
        DispatchQueue(label: label).async(group: loopExited) { [self] in
            while stopSignal.wait(timeout: .now() + interval) == .timedOut {
                options.write(framed(line(status: nil)))
            }
        }
    }

    /// Stops the periodic reports and writes the final summary line.
    /// - Parameter failure: Why the pipeline stopped, or `nil` when it completed.
    func stop(failure: PipelineError?) {
        stopSignal.signal()
        loopExited.wait()
        let status: String
        if let failure {
            status = failure.stageName.map { "failed in \($0)" } ?? "cancelled"
        } else {
            status = "done"
        }
        options.write(framed(line(status: status)) + (options.rewritesLine ? "\n" : ""))
    }

    /// `[12.3 s] fetch 0→120 120 rec busy 0.4 s | sink 120→0 …`, prefixed with the final status when there is one.
    private func line(status: String?) -> String {
        let elapsed = MetricFormat.seconds(ContinuousClock.now - started)
        let stages = snapshot().map(\.description).joined(separator: " | ")
        guard let status else { return "[\(elapsed)] \(stages)" }
        return "\(status) after \(elapsed): \(stages)"
    }

    /// On a terminal: return to column 0, print, clear the rest of the previous (possibly longer) line.
    /// Elsewhere: one line per report.
    private func framed(_ line: String) -> String {
        options.rewritesLine ? "\r\(line)\u{1B}[K" : "\(line)\n"
    }

    private static func nanoseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000)
    }
}
