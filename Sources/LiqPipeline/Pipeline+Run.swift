import Dispatch

extension Pipeline {
    /// Runs every stage and blocks until all workers have exited.
    ///
    /// Call it from a thread that may block (the main thread of a CLI, a dedicated queue), never from Swift
    /// concurrency code. It can be called once per pipeline.
    /// - Throws: The first failure: the error a stage threw, wrapped with the stage's name, or a cancellation
    ///   (``PipelineError/isCancellation``) when ``cancel()`` was called.
    public func run() throws(PipelineError) {
        let stages = plan.withLock { plan -> [Stage] in
            precondition(!plan.hasStarted, "run() called twice on pipeline '\(name)'")
            let dangling = plan.unconsumedOutputs.values.sorted()
            precondition(
                dangling.isEmpty,
                "outputs of \(dangling) have no consumer; their producers would block forever once the channel fills"
            )
            plan.hasStarted = true
            return plan.stages
        }
        let reporter = progress.map { options in
            ProgressReporter(label: "\(name).progress", options: options) {
                stages.map { $0.counters.snapshot() }
            }
        }
        reporter?.start()
        let workers = DispatchGroup()
        for stage in stages {
            for workerIndex in 0..<stage.workers {
                let queue = DispatchQueue(label: "\(name).\(stage.name).\(workerIndex)")
                queue.async(group: workers) { [latch] in
                    stage.runWorker(workerIndex, reportingTo: latch)
                }
            }
        }
        workers.wait()
        let failure = latch.failure
        reporter?.stop(failure: failure)
        if let failure {
            throw failure
        }
    }
}
