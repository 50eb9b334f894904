import Glibc
import Testing

@testable import LiqPipeline

@Suite("Pipeline")
struct PipelineTests {
    @Test("items flow from the source through a stage to the sink")
    func linearFlow() throws {
        let pipeline = Pipeline(name: "test")
        let numbers = pipeline.addSource("numbers", capacity: 2) { _, emit in
            for value in 1...100 {
                try emit(value)
            }
        }
        let doubled: StageOutput<Int> = pipeline.addStage("double", input: numbers, capacity: 2) { _ in
            { value, emit in try emit(value * 2) }
        }
        let total = Locked(0)
        pipeline.addSink("sum", input: doubled) { _ in
            { value in total.withLock { $0 += value } }
        }
        try pipeline.run()
        #expect(total.value == 10_100)
    }

    @Test("every source worker runs its body once, with its own index")
    func sourceWorkers() throws {
        let pipeline = Pipeline(name: "test")
        let indices = pipeline.addSource("workers", workers: 3, capacity: 1) { workerIndex, emit in
            try emit(workerIndex)
        }
        let seen = Locked<[Int]>([])
        pipeline.addSink("collect", input: indices) { _ in
            { index in seen.withLock { $0.append(index) } }
        }
        try pipeline.run()
        #expect(seen.value.sorted() == [0, 1, 2])
    }

    /// A worker's state, created by the stage factory; deliberately not Sendable, like a curl handle owner.
    private final class WorkerState {
        let thread = pthread_self()
        var items = 0
    }

    @Test("each worker builds its own state once, on its own thread, and the workers run concurrently")
    func workersRunConcurrentlyWithOwnState() throws {
        let workers = 3
        let arrived = Counter()
        let missedRendezvous = Counter()
        let threadChanges = Counter()
        let factoryCalls = Locked<[Int]>([])
        let factoryThreads = Locked<Set<pthread_t>>([])
        let itemsPerWorker = Locked<[Int: Int]>([:])

        let pipeline = Pipeline(name: "test")
        let numbers = pipeline.addSource("numbers", capacity: 4) { _, emit in
            for value in 0..<300 {
                try emit(value)
            }
        }
        let squares: StageOutput<Int> = pipeline.addStage(
            "square",
            input: numbers,
            workers: workers,
            capacity: 4
        ) { workerIndex in
            let state = WorkerState()
            factoryCalls.withLock { $0.append(workerIndex) }
            factoryThreads.withLock { $0.insert(state.thread) }
            return { value, emit in
                if state.items == 0 {
                    // All workers must be inside a transform at the same time for this to pass.
                    arrived.add()
                    if !waitUntil({ arrived.value == workers }) {
                        missedRendezvous.add()
                    }
                }
                if pthread_self() != state.thread {
                    threadChanges.add()
                }
                state.items += 1
                itemsPerWorker.withLock { $0[workerIndex, default: 0] += 1 }
                try emit(value * value)
            }
        }
        let total = Locked(0)
        pipeline.addSink("sum", input: squares) { _ in
            { value in total.withLock { $0 += value } }
        }
        try pipeline.run()

        #expect(factoryCalls.value.sorted() == [0, 1, 2])
        #expect(factoryThreads.value.count == workers)
        #expect(missedRendezvous.value == 0)
        #expect(threadChanges.value == 0)
        #expect(itemsPerWorker.value.keys.sorted() == [0, 1, 2])
        #expect(itemsPerWorker.value.values.reduce(0, +) == 300)
        #expect(total.value == (0..<300).reduce(0) { $0 + $1 * $1 })
    }

    @Test("a pipeline cancelled before it runs stops at once with a cancellation")
    func cancelBeforeRun() {
        let pipeline = Pipeline(name: "test")
        let endless = pipeline.addSource("endless", capacity: 1) { _, emit in
            while true {
                try emit(0)
            }
        }
        pipeline.addSink("drop", input: endless) { _ in { _ in } }
        pipeline.cancel()
        let failure = pipeline.runForFailure()
        #expect(failure?.isCancellation == true)
        #expect(failure?.stageName == nil)
    }

    @Test("an output nobody consumes is a programming error, caught before anything runs")
    func unconsumedOutputTraps() async {
        await #expect(processExitsWith: .failure) {
            let pipeline = Pipeline(name: "test")
            _ = pipeline.addSource("orphan", capacity: 1) { _, emit in try emit(1) }
            try? pipeline.run()
        }
    }

    @Test("two stages with the same name are a programming error, since errors could not tell them apart")
    func duplicateNameTraps() async {
        await #expect(processExitsWith: .failure) {
            let pipeline = Pipeline(name: "test")
            let numbers = pipeline.addSource("twin", capacity: 1) { _, emit in try emit(1) }
            pipeline.addSink("twin", input: numbers) { _ in { _ in } }
        }
    }

    @Test("an output consumed twice is a programming error")
    func doubleConsumptionTraps() async {
        await #expect(processExitsWith: .failure) {
            let pipeline = Pipeline(name: "test")
            let numbers = pipeline.addSource("numbers", capacity: 1) { _, emit in try emit(1) }
            pipeline.addSink("first", input: numbers) { _ in { _ in } }
            pipeline.addSink("second", input: numbers) { _ in { _ in } }
        }
    }
}
