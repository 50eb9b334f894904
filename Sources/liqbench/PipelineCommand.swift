import Foundation
import LiqCore
import LiqFetch
import LiqNormalise
import LiqPipeline
import Synchronization

/// `liqbench pipeline`: how the Dispatch pipeline (`LiqPipeline.Pipeline`) scales with workers on a CPU-bound stage.
/// A source hands out chunks of 256 synthetic Binance `!forceOrder@arr` lines; a decode stage with 1, 2, 4 …
/// workers parses each line into a JSON tree, decodes it (`BinanceLiquidationDecoder`) and normalises it to a
/// `LiquidationEvent`; one sink sums the events. The tree path is used rather than the byte-level fast path because
/// it costs ten times more per byte, so the stage, not the channel hand-offs, is what is measured.
///
/// Per worker count: wall time, process CPU time (every thread), items and MB per second, speed-up against the
/// first count, and from `StageMetrics` each stage's busy time, which shows where the time went: a source whose
/// busy time is far below the wall time spent it blocked on a full channel (backpressure from the decoders).
struct PipelineCommand {
    static let usage = "usage: liqbench pipeline [--workers 1,2,4] [--items N]"

    var workers = [1, 2, 4]
    /// Chunks of 256 messages pushed through per worker count.
    var items = 1500
    static let linesPerChunk = 256

    init?(options: ArraySlice<String>) {
        var options = options
        while let flag = options.popFirst() {
            guard let value = options.popFirst() else { return nil }
            switch flag {
            case "--workers":
                guard let list = ChildRun.integers(value) else { return nil }
                workers = list
            case "--items":
                guard let number = Int(value), number > 0 else { return nil }
                items = number
            default: return nil
            }
        }
    }

    /// A chunk of capture lines and its byte count.
    struct Chunk: Sendable {
        var lines: ArraySlice<[UInt8]>
        var bytes: Int
    }

    /// What the sink saw: event count and the sum of notionals in whole cents (integers, so the sum does not
    /// depend on the order batches arrive in), compared across worker counts.
    struct Total: Sendable, Equatable {
        var events = 0
        var notionalCents = 0
    }

    func run() {
        print("liqbench pipeline — \(Machine.describe())")
        // 64 distinct chunks (≈ 3.6 MB), handed out in turn: the work per item is the same as fresh bytes, without
        // generating hundreds of MB first.
        let lines = SyntheticFeed.binanceForceOrders(bytes: 3_600_000, seed: 3)
        let chunks = stride(from: 0, to: lines.count, by: Self.linesPerChunk).map { start in
            let slice = lines[start..<min(lines.count, start + Self.linesPerChunk)]
            return Chunk(lines: slice, bytes: slice.reduce(0) { $0 + $1.count })
        }
        let bytes = (0..<items).reduce(0) { $0 + chunks[$1 % chunks.count].bytes }
        let registry = InstrumentRegistry(
            SyntheticFeed.instruments.map {
                Instrument(
                    venue: .binanceUSDM, symbol: $0.binanceSymbol, baseAsset: String($0.binanceSymbol.dropLast(4)),
                    quoteAsset: "USDT", settleAsset: "USDT", kind: .perpetual, margining: .linear,
                    contractSize: ContractSize(value: 1, unit: .base))
            })
        print(
            "\(items) items of \(Self.linesPerChunk) messages (\(String(format: "%.1f", Double(bytes) / 1e6)) MB) per "
                + "worker count; source → decode + normalise (tree path) ×W → sum; channel capacity 2W items\n")
        print(
            "workers   wall s   CPU s   items/s      MB/s   speed-up   source busy   decode busy (per worker)   "
                + "sink busy")
        var baseline: Double?
        var expected: Total?
        for count in workers {
            let (total, wall, cpu, metrics) = measure(workers: count, chunks: chunks, registry: registry)
            if let expected, expected != total {
                ChildRun.fail("\(count) workers summed \(total), \(workers[0]) summed \(expected)")
            }
            expected = expected ?? total
            baseline = baseline ?? wall
            func busy(_ name: String) -> Double {
                let duration = metrics.first { $0.stageName == name }?.busyTime ?? .zero
                return Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
            }
            print(
                String(
                    format: "%7d %8.2f %7.2f %9.0f %9.1f %9.2f× %11.2f s %10.2f s (%5.2f s) %9.2f s", count, wall, cpu,
                    Double(items) / wall, Double(bytes) / 1e6 / wall, (baseline ?? wall) / wall, busy("source"),
                    busy("decode"), busy("decode") / Double(count), busy("sum")))
        }
        let peak = (ProcessMemory.peakResidentBytes() ?? 0) >> 20
        print("\n\(expected?.events ?? 0) events per run, the same sum at every worker count; peak RSS \(peak) MiB")
    }

    private func measure(workers: Int, chunks: [Chunk], registry: InstrumentRegistry)
        -> (Total, wall: Double, cpu: Double, [StageMetrics])
    {
        let pipeline = Pipeline(name: "liqbench")
        let items = self.items
        let source = pipeline.addSource(
            "source", capacity: 2 * workers, measure: { ItemSize(records: $0.lines.count) },
            produce: { _, emit in
                for index in 0..<items { try emit(chunks[index % chunks.count]) }
            })
        let decoded = pipeline.addStage(
            "decode", input: source, workers: workers, capacity: 2 * workers,
            measure: { ItemSize(records: $0.lines.count, bytes: $0.bytes) },
            makeTransform: { _ in
                let normaliser = Normaliser(registry: registry)
                return { (chunk: Chunk, emit: ([LiquidationEvent]) throws -> Void) in
                    var events: [LiquidationEvent] = []
                    events.reserveCapacity(chunk.lines.count)
                    for line in chunk.lines {
                        let message = try JSONNode.parse(line, origin: "bench")
                        for record in try BinanceLiquidationDecoder.decode(message, venue: .binanceUSDM) {
                            events.append(try normaliser.liquidation(record))
                        }
                    }
                    try emit(events)
                }
            })
        let total = Mutex(Total())
        pipeline.addSink(
            "sum", input: decoded, measure: { ItemSize(records: $0.count) },
            makeConsumer: { _ in
                { events in
                    let cents = events.reduce(0) { $0 + Int(($1.notionalUSD * 100).rounded()) }
                    total.withLock {
                        $0.events += events.count
                        $0.notionalCents += cents
                    }
                }
            })
        let (wall, cpu) = (BenchClock.wall(), BenchClock.processCPU())
        do {
            try pipeline.run()
        } catch {
            ChildRun.fail("pipeline failed: \(error)")
        }
        return (total.withLock { $0 }, BenchClock.wall() - wall, BenchClock.processCPU() - cpu, pipeline.metrics)
    }
}
