import LiqAnalytics
import LiqCore
import LiqEmit
import LiqPipeline

/// `liqpipe run [SPEC] [--out DIR] [--quiet]`: one cycle of the spec; with a `collector` block, the collector's
/// closed segments are read too (`CollectorCaptures`) and the capture cursor is updated.
enum RunCommand {
    static func execute(_ arguments: [String], console: Console) throws -> ExitCode {
        let parsed = try ParsedArguments(
            arguments, command: "run", valued: ["out"], flags: ["quiet"], maxPositionals: 1)
        let specPath: String
        if let given = parsed.positionals.first {
            specPath = given
        } else {
            guard let found = ProjectFiles.locate("Pipelines/demo.json") else {
                throw UsageError(
                    "no SPEC given and the embedded default Pipelines/demo.json was not found; run from the project "
                        + "directory or pass a spec", command: "run")
            }
            specPath = found
            console.err("liqpipe: no SPEC given, running the embedded default \(found)\n")
        }
        let spec = try loadSpec(specPath)
        if let store = spec.store {
            return try StoreRun(spec: spec, store: store, parsed: parsed, console: console).execute()
        }
        let captures = try spec.collector.map { try CollectorCaptures(spec: spec, collector: $0, console: console) }
        let outcome = try perform(
            captures?.applied(to: spec) ?? spec, command: "run", parsed: parsed, console: console)
        try captures?.finish(exitCode: outcome.exitCode, captureLines: outcome.captureLines, console: console)
        return outcome.exitCode
    }

    /// What `perform` reports back to the command.
    struct Outcome {
        var exitCode: ExitCode
        /// Non-blank lines read per capture file.
        var captureLines: [String: Int]
    }

    /// Reads and validates a spec; any problem is a `SpecError` (exit 2).
    static func loadSpec(_ path: String) throws -> PipelineSpec {
        do {
            return try SpecLoader.load(path: path)
        } catch {
            throw SpecError(error)
        }
    }

    /// The pipeline shared by `run` and `replay`: ingests `spec` (whose venues' `captures` are the stream input),
    /// writes the outputs to `--out` or the spec's directory unless nothing was ingested, prints warnings and the
    /// summary. `parsed` holds the `--out` and `--quiet` options.
    static func perform(_ spec: PipelineSpec, command: String, parsed: ParsedArguments, console: Console) throws
        -> Outcome
    {
        let outputDirectory = parsed.values["out"] ?? spec.outputDirectory
        let progress =
            parsed.flags.contains("quiet")
            ? nil
            : ProgressOptions(
                interval: console.errIsTerminal ? .milliseconds(500) : .seconds(5),
                rewritesLine: console.errIsTerminal, write: console.err)

        let result = try IngestRun(spec: spec, progress: progress).run()
        let report = RunReport(spec: spec, result: result)
        for failure in report.failures {
            console.err("liqpipe: warning: \(failure.description)\n")
        }
        // A run that ingested nothing leaves the previous outputs in place: one outage must not blank the charts
        // that read them.
        var written: [String] = []
        if report.exitCode != .failure {
            for file in try report.files() {
                let path = outputDirectory + "/" + file.name
                try AtomicFile.write(file.bytes, to: path)
                written.append(path)
            }
        }
        console.out(summary(report, command: command, written: written))
        return Outcome(exitCode: report.exitCode, captureLines: result.collected.captureLines)
    }

    static func summary(_ report: RunReport, command: String, written: [String]) -> String {
        var lines = [
            "liqpipe \(command) \(report.specName): \(report.liquidations.count) liquidations"
                + (report.duplicateLiquidations > 0 ? " (\(report.duplicateLiquidations) duplicates dropped)" : "")
                + ", \(report.openInterest.count) open-interest samples, \(report.funding.count) funding samples"
        ]
        for asset in LiquidationTotals(events: report.liquidations).assets {
            lines.append(
                "  \(asset.baseAsset): longs liquidated $\(NumberFormat.plain(asset.longUSD, fractionDigits: 2)), "
                    + "shorts $\(NumberFormat.plain(asset.shortUSD, fractionDigits: 2))"
                    + (asset.isLowerBound ? " (lower bound: includes a sampled feed)" : ""))
        }
        for entry in report.coverage {
            switch entry.status {
            case .covered: continue
            case .unavailable(let reason):
                lines.append("  \(entry.venue.rawValue) \(entry.feed.rawValue): unavailable — \(reason)")
            case .failed: lines.append("  \(entry.venue.rawValue) \(entry.feed.rawValue): FAILED (see warnings)")
            }
        }
        lines.append(
            written.isEmpty ? "nothing ingested: outputs left unchanged" : "wrote " + written.joined(separator: ", "))
        return lines.joined(separator: "\n") + "\n"
    }
}
