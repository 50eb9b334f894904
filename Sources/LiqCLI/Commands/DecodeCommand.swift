import LiqCore
import LiqEmit
import LiqFetch

/// `liqpipe decode --venue V --feed F [FILE|-] [--format ndjson|csv] [--instruments FILE] [--symbols A,B]`:
/// raw venue payloads (one message or response body per line, as captures store them) → canonical records.
enum DecodeCommand {
    /// CLI feed names → feeds; `instruments` is reference data, not a `Feed`.
    static let feedNames: [String: Feed?] = [
        "liquidations": .liquidations, "open-interest": .openInterest, "funding": .funding,
        "mark-price": .markPrice, "price-bars": .priceBars, "instruments": nil,
    ]
    /// Instruments payloads are one document of a few MB at most.
    static let maxInstrumentsBytes = 64 << 20

    static func execute(_ arguments: [String], console: Console) throws -> ExitCode {
        let command = "decode"
        let parsed = try ParsedArguments(
            arguments, command: command, valued: ["venue", "feed", "format", "instruments", "symbols"], flags: [],
            maxPositionals: 1)
        guard let venueName = parsed.values["venue"] else {
            throw UsageError("missing required option '--venue'", command: command)
        }
        let names = VenueCatalog.supported.map(\.rawValue).joined(separator: ", ")
        guard let venue = Venue(rawValue: venueName), VenueCatalog.supported.contains(venue) else {
            throw UsageError("option '--venue': expected one of \(names), got '\(venueName)'", command: command)
        }
        guard let feedName = parsed.values["feed"] else {
            throw UsageError("missing required option '--feed'", command: command)
        }
        guard let feedEntry = feedNames[feedName] else {
            let known = feedNames.keys.sorted().joined(separator: ", ")
            throw UsageError("option '--feed': expected one of \(known), got '\(feedName)'", command: command)
        }
        let format = parsed.values["format"] ?? "ndjson"
        guard format == "ndjson" || format == "csv" else {
            throw UsageError("option '--format': expected ndjson or csv, got '\(format)'", command: command)
        }
        let input = parsed.positionals.first ?? "-"
        let path = input == "-" ? "/dev/stdin" : input
        // A file named on the command line that is not there is a usage error (exit 2), like a missing spec.
        guard input == "-" || FileBytes.isRegularFile(path) else {
            throw UsageError("input '\(input)': no such file", command: command)
        }
        let symbols = parsed.values["symbols"].map { $0.split(separator: ",").map(String.init) }

        var decoder = try PayloadDecoder(
            venue: venue, feed: feedEntry, instrumentsFile: parsed.values["instruments"], symbols: symbols)
        // Captures written by `collect` (gzip, envelope lines) decode as well as bare payload lines.
        let reader = try CaptureReader(path: path)
        var failures = 0
        while let line = try reader.nextLine() {
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            let origin = "\(input == "-" ? "stdin" : input):\(reader.lineNumber)"
            do {
                let message = try CaptureLine.parse(line, path: input, lineNumber: reader.lineNumber).message
                try decoder.decode(Array(message), origin: origin)
            } catch {
                failures += 1
                console.err("liqpipe: \(error)\n")
            }
        }
        for warning in reader.warnings { console.err("liqpipe: warning: \(warning)\n") }
        console.out(String(decoding: decoder.output(format: format), as: UTF8.self))
        return failures == 0 && reader.warnings.isEmpty ? .success : .partial
    }
}
