/// `liqpipe replay SPEC CAPTURE... [--venue ID] [--out DIR] [--quiet]`: `run`'s pipeline with each venue's
/// stream input replaced by the given captures (`ReplayCaptures`); REST feeds run as in `run`. The collector
/// directory and the capture cursor are not touched.
enum ReplayCommand {
    static let name = "replay"

    static func execute(_ arguments: [String], console: Console) throws -> ExitCode {
        let parsed = try ParsedArguments(
            arguments, command: name, valued: ["out", "venue"], flags: ["quiet"], maxPositionals: .max)
        guard parsed.positionals.count >= 2 else {
            throw UsageError(
                parsed.positionals.isEmpty ? "missing SPEC and CAPTURE" : "missing CAPTURE (a file or directory)",
                command: name)
        }
        let spec = try RunCommand.loadSpec(parsed.positionals[0])
        let captures = try ReplayCaptures(
            Array(parsed.positionals.dropFirst()), spec: spec, forcedVenue: parsed.values["venue"])
        return try RunCommand.perform(captures.applied(to: spec), command: name, parsed: parsed, console: console)
            .exitCode
    }
}
