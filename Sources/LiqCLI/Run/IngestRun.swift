import LiqCore
import LiqFetch
import LiqPipeline

/// One ingestion cycle of a spec: reference data per venue, then every feed through the Dispatch pipeline
/// `sources → fetch (+ decode, paging) → normalise → collect`, with each failing source isolated so the others
/// still land.
struct IngestRun {
    /// Lines per capture chunk: big enough to amortise channel hand-offs, small enough to keep memory flat.
    static let captureChunkLines = 512
    /// Workers per stage: the machines this runs on have two cores and the fetch stage mostly waits on I/O.
    static let workers = 2
    /// Channel capacity between stages, in items.
    static let channelCapacity = 8

    var spec: PipelineSpec
    var progress: ProgressOptions?
    /// Incremental runs: the newest stored record per source. Paging back stops at a page that reaches them, so
    /// a run fetches what is new since the last one, not the venue's whole history window again.
    var cursors: [SourceKey: Int64] = [:]

    struct Result: Sendable {
        var venues: [VenueRuntime]
        var collected: RunCollector.Contents
    }

    func run() throws(PipelineError) -> Result {
        var venues = spec.venues.map(VenueRuntime.init(spec:))
        var tasks: [SourceTask] = []
        for index in venues.indices {
            venues[index].loadReference(http: spec.http)
            tasks += plan(&venues[index], index: index)
        }
        let runtimes = venues
        let plannedTasks = tasks
        let collector = RunCollector()
        for runtime in runtimes {
            // Running funding rates and marks arrive with the reference data and are outputs too, unless their feed
            // is already failed (then the failure alone explains it).
            let blocked = Set(runtime.failures.map(\.feed))
            collector.add(
                Self.normalise(
                    runtime.reference.records.filter { !blocked.contains($0.feed) }, origin: runtime.baseURL,
                    runtime: runtime, normaliser: runtime.normaliser))
            collector.add(NormalisedBatch(failures: runtime.failures))
        }
        let http = spec.http
        let cursors = cursors

        let pipeline = Pipeline(name: "liqpipe.run", progress: progress)
        let sources = pipeline.addSource("sources", capacity: Self.channelCapacity) { _, emit in
            for task in plannedTasks { try emit(task) }
        }
        let fetched = pipeline.addStage(
            "fetch", input: sources, workers: Self.workers, capacity: Self.channelCapacity,
            makeTransform: { _ in
                // Each worker owns its fetchers: a curl handle never crosses threads.
                var fetchers: [Int: ResilientFetcher] = [:]
                return { task, emit in
                    switch task {
                    case .request(let venueIndex, let request):
                        let runtime = runtimes[venueIndex]
                        let fetcher = fetchers[venueIndex] ?? runtime.makeFetcher(retry: http.retry)
                        fetchers[venueIndex] = fetcher
                        try Self.fetchPages(
                            request, venueIndex: venueIndex, runtime: runtime, fetcher: fetcher, http: http,
                            cursors: cursors, emit: emit)
                    case .capture(let venueIndex, let path):
                        try Self.readCapture(path, runtime: runtimes[venueIndex], venueIndex: venueIndex, emit: emit)
                    }
                }
            })
        let normalised = pipeline.addStage(
            "normalise", input: fetched, workers: Self.workers, capacity: Self.channelCapacity,
            measure: { ItemSize(records: $0.recordCount) },
            makeTransform: { _ in
                let normalisers = runtimes.map(\.normaliser)
                return { item, emit in try emit(Self.normalise(item, runtimes: runtimes, normalisers: normalisers)) }
            })
        pipeline.addSink(
            "collect", input: normalised, measure: { ItemSize(records: $0.recordCount) },
            makeConsumer: { _ in { batch in collector.add(batch) } })
        try pipeline.run()
        return Result(venues: runtimes, collected: collector.snapshot)
    }

    /// The feed requests and capture files of a venue, skipping feeds whose reference data failed.
    func plan(_ runtime: inout VenueRuntime, index: Int) -> [SourceTask] {
        let blocked = Set(runtime.failures.map(\.feed))
        // Reference data every feed needs (instruments) failed: its failure already explains every feed.
        guard blocked != runtime.spec.feeds else { return [] }
        var tasks: [SourceTask] = []
        do {
            for request in try runtime.adapter.feedRequests(reference: runtime.reference) {
                if let feed = request.feed, blocked.contains(feed) { continue }
                tasks.append(.request(venueIndex: index, request))
            }
        } catch {
            runtime.fail(nil, origin: runtime.baseURL, error: error)
            return []
        }
        if runtime.spec.feeds.contains(.liquidations) && !blocked.contains(.liquidations) {
            tasks += runtime.spec.captures.map { .capture(venueIndex: index, path: $0) }
        }
        return tasks
    }
}
