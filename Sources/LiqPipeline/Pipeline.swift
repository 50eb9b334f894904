import Synchronization

/// A Dispatch pipeline: sources, stages and sinks connected by bounded channels.
///
/// Build it with ``addSource(_:workers:capacity:measure:produce:)``,
/// ``addStage(_:input:workers:capacity:measure:makeTransform:)`` and ``addSink(_:input:workers:measure:makeConsumer:)``,
/// then call ``run()``, which blocks until everything is done. Every worker of every stage gets its own labelled
/// serial `DispatchQueue` and runs one long loop, because stage code blocks (libcurl, full channels) and must not
/// run on the Swift concurrency pool. A full channel blocks its producer, so memory stays bounded; the first error
/// in any stage cancels every channel, so the whole pipeline stops promptly and ``run()`` reports that error.
///
/// The class is `Sendable` so another thread (a signal handler's queue, a test) can call ``cancel()`` or read
/// ``metrics`` while ``run()`` blocks. Building is meant for one thread, before ``run()``.
public final class Pipeline: Sendable {
    /// Prefix of the worker queue labels (`<name>.<stage>.<worker index>`), so the workers are recognisable in a
    /// debugger or a thread dump.
    public let name: String

    let latch = FailureLatch()
    let progress: ProgressOptions?
    let plan = Mutex(Plan())

    /// What the builder has collected so far.
    struct Plan {
        var stages: [Stage] = []
        /// Producing stage name of every output that no stage consumes yet, by channel identity.
        var unconsumedOutputs: [ObjectIdentifier: String] = [:]
        var hasStarted = false
    }

    /// Creates an empty pipeline.
    /// - Parameters:
    ///   - name: Prefix for the worker queue labels.
    ///   - progress: Where and how often to report progress while ``run()`` blocks; `nil` for silence.
    public init(name: String = "liqpipe", progress: ProgressOptions? = nil) {
        self.name = name
        self.progress = progress
    }

    /// Adds a stage with no input, e.g. a fetcher or a file reader.
    ///
    /// Each worker calls `produce` once, on its own queue, and the source ends when every worker has returned.
    /// Non-Sendable resources (a curl handle) can simply be created inside `produce`.
    /// - Parameters:
    ///   - name: Unique stage name, used in errors, metrics and queue labels.
    ///   - workers: Number of workers, each calling `produce` with its index (0-based).
    ///   - capacity: Items the output channel buffers before `emit` blocks.
    ///   - measure: Records and bytes of each emitted item, for the metrics.
    ///   - produce: The source body. `emit` blocks while the output is full and throws once the pipeline is
    ///     stopping; let that error propagate.
    /// - Returns: The source's output, to be consumed by exactly one stage or sink.
    public func addSource<Output: Sendable>(
        _ name: String,
        workers: Int = 1,
        capacity: Int,
        measure: @escaping @Sendable (Output) -> ItemSize = { _ in .oneRecord },
        produce: @escaping @Sendable (_ workerIndex: Int, _ emit: (Output) throws -> Void) throws -> Void
    ) -> StageOutput<Output> {
        let output = makeOutput(of: Output.self, capacity: capacity)
        add(
            Stage.source(name: name, workers: workers, output: output, measure: measure, produce: produce),
            consuming: nil,
            producing: ObjectIdentifier(output)
        )
        return StageOutput(channel: output, stageName: name)
    }

    /// Adds a stage that turns each input item into zero or more output items, e.g. a normaliser.
    ///
    /// `makeTransform` is called once per worker, on that worker's queue, and returns the worker's transform. The
    /// transform need not be Sendable: it may own per-worker state such as a curl handle, which never leaves that
    /// worker's queue.
    /// - Parameters:
    ///   - name: Unique stage name, used in errors, metrics and queue labels.
    ///   - input: The output of an earlier stage; each output can be consumed only once.
    ///   - workers: Number of workers. With more than one, outputs can leave in a different order than inputs
    ///     arrived; see ``ReorderBuffer``.
    ///   - capacity: Items the output channel buffers before `emit` blocks.
    ///   - measure: Records and bytes of each input item, for the metrics.
    ///   - makeTransform: Builds worker `workerIndex`'s transform. Its `emit` blocks while the output is full and
    ///     throws once the pipeline is stopping; let that error propagate.
    /// - Returns: The stage's output, to be consumed by exactly one stage or sink.
    public func addStage<Input: Sendable, Output: Sendable>(
        _ name: String,
        input: StageOutput<Input>,
        workers: Int = 1,
        capacity: Int,
        measure: @escaping @Sendable (Input) -> ItemSize = { _ in .oneRecord },
        makeTransform:
            @escaping @Sendable (_ workerIndex: Int) throws -> (Input, _ emit: (Output) throws -> Void)
            throws -> Void
    ) -> StageOutput<Output> {
        let output = makeOutput(of: Output.self, capacity: capacity)
        let stage = Stage.transform(
            name: name,
            workers: workers,
            input: input.channel,
            output: output,
            measure: measure,
            makeTransform: makeTransform
        )
        add(stage, consuming: input.id, producing: ObjectIdentifier(output))
        return StageOutput(channel: output, stageName: name)
    }

    /// Adds a stage with no output, e.g. an aggregator or a file writer.
    /// - Parameters:
    ///   - name: Unique stage name, used in errors, metrics and queue labels.
    ///   - input: The output of an earlier stage; each output can be consumed only once.
    ///   - workers: Number of workers; order-sensitive sinks keep the default of 1.
    ///   - measure: Records and bytes of each input item, for the metrics.
    ///   - makeConsumer: Builds worker `workerIndex`'s consumer, on that worker's queue (so it may own
    ///     non-Sendable state).
    public func addSink<Input: Sendable>(
        _ name: String,
        input: StageOutput<Input>,
        workers: Int = 1,
        measure: @escaping @Sendable (Input) -> ItemSize = { _ in .oneRecord },
        makeConsumer: @escaping @Sendable (_ workerIndex: Int) throws -> (Input) throws -> Void
    ) {
        let stage = Stage.sink(
            name: name,
            workers: workers,
            input: input.channel,
            measure: measure,
            makeConsumer: makeConsumer
        )
        add(stage, consuming: input.id, producing: nil)
    }

    /// Creates the credit window that keeps a ``ReorderBuffer`` bounded; the pipeline cancels it when it stops, so
    /// a source blocked in ``ReorderWindow/reserve()`` is released.
    /// - Parameter size: Sequence numbers allowed between the source and in-order delivery; at least 1.
    public func makeReorderWindow(size: Int) -> ReorderWindow {
        let window = ReorderWindow(size: size)
        latch.onFailure(window.cancel)
        return window
    }

    /// Stops the pipeline from outside: every blocked worker is released and ``run()`` throws a ``PipelineError``
    /// whose ``PipelineError/isCancellation`` is `true`. Safe from any thread, at any time; a no-op once the
    /// pipeline has already failed.
    public func cancel() {
        latch.fail(PipelineError(stageName: nil, underlying: CancellationError()))
    }

    /// A snapshot of every stage's counters, in the order the stages were added. Exact once ``run()`` has returned.
    public var metrics: [StageMetrics] {
        plan.withLock { plan in plan.stages.map { $0.counters.snapshot() } }
    }

    private func makeOutput<Element: Sendable>(of _: Element.Type, capacity: Int) -> BoundedChannel<Element> {
        let channel = BoundedChannel<Element>(capacity: capacity)
        latch.onFailure(channel.cancel)
        return channel
    }

    /// Records the stage and checks the wiring; mistakes here are programming errors, hence preconditions.
    private func add(_ stage: Stage, consuming input: ObjectIdentifier?, producing output: ObjectIdentifier?) {
        plan.withLock { plan in
            precondition(!plan.hasStarted, "stage '\(stage.name)' added after run() started")
            precondition(
                !plan.stages.contains { $0.name == stage.name },
                "two stages are named '\(stage.name)'; names must be unique to tell their errors apart"
            )
            if let input {
                let producer = plan.unconsumedOutputs.removeValue(forKey: input)
                precondition(
                    producer != nil,
                    "stage '\(stage.name)' reads an output that is already consumed or belongs to another pipeline"
                )
            }
            if let output {
                plan.unconsumedOutputs[output] = stage.name
            }
            plan.stages.append(stage)
        }
    }
}
