import Synchronization

/// The live, lock-free counters of one stage, shared by its workers and read by the progress reporter.
///
/// Relaxed atomics are enough: each counter is independent and a snapshot only needs to be roughly current while
/// the pipeline runs; after ``Pipeline/run()`` returns, the worker threads have been joined through a
/// `DispatchGroup`, so the final snapshot is exact.
final class StageCounters: Sendable {
    /// The stage's name as given to the builder.
    let stageName: String
    /// Number of workers the stage runs.
    let workers: Int

    private let itemsIn = Atomic<Int>(0)
    private let itemsOut = Atomic<Int>(0)
    private let records = Atomic<Int>(0)
    private let bytes = Atomic<Int>(0)
    private let busyNanoseconds = Atomic<Int64>(0)

    init(stageName: String, workers: Int) {
        self.stageName = stageName
        self.workers = workers
    }

    /// Counts one item taken from the input channel, of the given size.
    func recordInput(_ size: ItemSize) {
        itemsIn.add(1, ordering: .relaxed)
        recordWork(size)
    }

    /// Counts one item handed to the output channel.
    func recordOutput() {
        itemsOut.add(1, ordering: .relaxed)
    }

    /// Adds records and bytes without counting an input item (a source measures what it emits).
    func recordWork(_ size: ItemSize) {
        records.add(size.records, ordering: .relaxed)
        bytes.add(size.bytes, ordering: .relaxed)
    }

    /// Adds time spent in the stage's own code, in nanoseconds.
    func recordBusy(nanoseconds: Int64) {
        busyNanoseconds.add(nanoseconds, ordering: .relaxed)
    }

    /// Copies the counters into a value.
    func snapshot() -> StageMetrics {
        StageMetrics(
            stageName: stageName,
            workers: workers,
            itemsIn: itemsIn.load(ordering: .relaxed),
            itemsOut: itemsOut.load(ordering: .relaxed),
            records: records.load(ordering: .relaxed),
            bytes: bytes.load(ordering: .relaxed),
            busyTime: .nanoseconds(busyNanoseconds.load(ordering: .relaxed))
        )
    }
}
