import Synchronization

/// One source, stage or sink as the runner sees it: a name, a number of workers and the loop each worker runs.
///
/// The typed worker loops are built in `Stage+Loops.swift`; here they are erased to a closure so that the
/// pipeline can hold stages of different element types in one list.
final class Stage: Sendable {
    /// Name used in errors, metrics and queue labels.
    let name: String
    /// Number of workers; each runs ``runWorker(_:reportingTo:)`` once on its own serial queue.
    let workers: Int
    /// Counters shared by the workers.
    let counters: StageCounters

    private let workerLoop: @Sendable (_ workerIndex: Int, _ counters: StageCounters) throws -> Void
    private let finishOutput: @Sendable () -> Void
    private let runningWorkers: Atomic<Int>

    /// - Parameters:
    ///   - finishOutput: Called once, by the last worker to exit, so downstream sees the end of input.
    ///   - workerLoop: Runs one worker to completion on the calling thread, updating the stage's counters; throws
    ///     the stage's error.
    init(
        name: String,
        workers: Int,
        finishOutput: @escaping @Sendable () -> Void,
        workerLoop: @escaping @Sendable (_ workerIndex: Int, _ counters: StageCounters) throws -> Void
    ) {
        precondition(workers >= 1, "stage '\(name)' needs at least one worker, got \(workers)")
        self.name = name
        self.workers = workers
        self.counters = StageCounters(stageName: name, workers: workers)
        self.workerLoop = workerLoop
        self.finishOutput = finishOutput
        self.runningWorkers = Atomic(workers)
    }

    /// Runs worker `workerIndex` until its input ends, the pipeline stops, or it throws (then the error goes to
    /// `latch`, which stops the rest of the pipeline). The last worker out finishes the output channel.
    func runWorker(_ workerIndex: Int, reportingTo latch: FailureLatch) {
        do {
            try workerLoop(workerIndex, counters)
        } catch {
            latch.fail(PipelineError(stageName: name, underlying: error))
        }
        if runningWorkers.subtract(1, ordering: .acquiringAndReleasing).newValue == 0 {
            finishOutput()
        }
    }
}
