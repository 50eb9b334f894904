/// The three worker loops: source, transform and sink. Each runs on its worker's own serial queue.
extension Stage {
    /// A stage with no input: each worker runs `produce` once and the stage ends when all have returned.
    static func source<Output: Sendable>(
        name: String,
        workers: Int,
        output: BoundedChannel<Output>,
        measure: @escaping @Sendable (Output) -> ItemSize,
        produce: @escaping @Sendable (_ workerIndex: Int, _ emit: (Output) throws -> Void) throws -> Void
    ) -> Stage {
        Stage(name: name, workers: workers, finishOutput: output.finish) { workerIndex, counters in
            var timer = BusyTimer()
            defer { counters.recordBusy(nanoseconds: timer.busyNanoseconds) }
            try produce(workerIndex) { item in
                counters.recordWork(measure(item))
                try output.emit(item, counters: counters, timer: &timer)
            }
        }
    }

    /// A stage that turns each input into zero or more outputs. The factory runs on the worker's queue, so the
    /// transform it returns may own non-Sendable state (a curl handle) for the worker's whole life.
    static func transform<Input: Sendable, Output: Sendable>(
        name: String,
        workers: Int,
        input: BoundedChannel<Input>,
        output: BoundedChannel<Output>,
        measure: @escaping @Sendable (Input) -> ItemSize,
        makeTransform:
            @escaping @Sendable (_ workerIndex: Int) throws -> (Input, _ emit: (Output) throws -> Void)
            throws -> Void
    ) -> Stage {
        Stage(name: name, workers: workers, finishOutput: output.finish) { workerIndex, counters in
            let transform = try makeTransform(workerIndex)
            while let item = input.receive() {
                counters.recordInput(measure(item))
                var timer = BusyTimer()
                defer { counters.recordBusy(nanoseconds: timer.busyNanoseconds) }
                try transform(item) { try output.emit($0, counters: counters, timer: &timer) }
            }
        }
    }

    /// A stage with no output: each input goes to the worker's consumer (built on the worker's queue).
    static func sink<Input: Sendable>(
        name: String,
        workers: Int,
        input: BoundedChannel<Input>,
        measure: @escaping @Sendable (Input) -> ItemSize,
        makeConsumer: @escaping @Sendable (_ workerIndex: Int) throws -> (Input) throws -> Void
    ) -> Stage {
        Stage(
            name: name,
            workers: workers,
            finishOutput: {},
            workerLoop: { workerIndex, counters in
                let consume = try makeConsumer(workerIndex)
                while let item = input.receive() {
                    counters.recordInput(measure(item))
                    let timer = BusyTimer()
                    defer { counters.recordBusy(nanoseconds: timer.busyNanoseconds) }
                    try consume(item)
                }
            }
        )
    }
}
