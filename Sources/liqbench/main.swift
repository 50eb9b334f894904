// liqbench: measurements of liqpipe's hot paths, run in release builds (`swift run -c release liqbench …`).
//
//   liqbench decode [--mb N] [--runs R]
//
// `decode` generates N MB (10⁶ bytes, default 32) of synthetic Binance `!forceOrder@arr` capture lines and as
// many of OKX `liquidation-orders` pushes, then decodes each corpus with the byte-level fast path, the tree
// decoder (JSONParser + the venue decoder) and Foundation's JSONDecoder with Codable structs, on one thread,
// reporting the median of R runs (default 5).
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.first == "decode", let command = DecodeCommand(options: arguments.dropFirst()) else {
    FileHandle.standardError.write(Data((DecodeCommand.usage + "\n").utf8))
    exit(2)
}
command.run()
