// liqbench: measurements of liqpipe's hot paths, run in release builds (`swift run -c release liqbench …`).
//
//   liqbench decode [--mb N] [--runs R]
//   liqbench heatmap [--events N] [--minutes M]
//   liqbench csv [--mb N] [--runs R]
//   liqbench archive --make DIR [--mb N] | --zip FILE [--runs R]
//   liqbench mirror --dir DIR [--symbols N] [--from YYYY-MM-DD] [--days D] [--port P]
//   liqbench scale [--base-minutes M] [--per-minute L] [--factors 1,10,100] [--random-walk]
//   liqbench stream [--mb N] [--factors 1,10]
//   liqbench pipeline [--workers 1,2,4] [--items N]
//   liqbench http [--seconds S] [--threads T] [--capacity C] [--window W]
//
// `.ci/bench-all.sh` runs every one of them with the arguments BENCHMARKS.md quotes.
// `decode` generates N MB (10⁶ bytes, default 32) of synthetic Binance `!forceOrder@arr` capture lines and as
// many of OKX `liquidation-orders` pushes, then decodes each corpus with the byte-level fast path, the tree
// decoder (JSONParser + the venue decoder) and Foundation's JSONDecoder with Codable structs, on one thread,
// reporting the median of R runs (default 5). `heatmap` builds the realised heatmap of N synthetic liquidations
// (default 1,000,000) and the estimated levels over M one-minute bars (default 43,200, a month), at 1h and 5m buckets.
// `scale` and `stream` re-run this binary once per input size (peak RSS per size); `pipeline` times the Dispatch
// pipeline at several worker counts; `http` drives libcurl + ResilientFetcher against a loopback weight budget.
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "decode":
    guard let command = DecodeCommand(options: arguments.dropFirst()) else { fallthrough }
    command.run()
case "csv":
    guard let command = CSVCommand(options: arguments.dropFirst()) else { fallthrough }
    command.run()
case "archive":
    guard let command = ArchiveCommand(options: arguments.dropFirst()) else { fallthrough }
    command.run()
case "mirror":
    guard let command = MirrorCommand(options: arguments.dropFirst()) else { fallthrough }
    command.run()
case "heatmap":
    guard let command = HeatmapCommand(options: arguments.dropFirst()) else { fallthrough }
    command.run()
case "pipeline":
    guard let command = PipelineCommand(options: arguments.dropFirst()) else { fallthrough }
    command.run()
case "http":
    guard let command = HTTPCommand(options: arguments.dropFirst()) else { fallthrough }
    command.run()
case "stream":
    guard let command = StreamMemoryCommand(options: arguments.dropFirst()) else { fallthrough }
    command.run()
case "scale":
    guard let command = ScaleCommand(options: arguments.dropFirst()) else { fallthrough }
    command.run()
default:
    FileHandle.standardError.write(
        Data(
            ([
                DecodeCommand.usage, HeatmapCommand.usage, CSVCommand.usage, ArchiveCommand.usage, MirrorCommand.usage,
                ScaleCommand.usage, PipelineCommand.usage, HTTPCommand.usage, StreamMemoryCommand.usage,
            ].joined(separator: "\n") + "\n").utf8))
    exit(2)
}
