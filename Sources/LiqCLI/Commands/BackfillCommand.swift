import LiqCore
import LiqNormalise
import LiqPipeline

/// `liqpipe backfill SPEC --from DATE --to DATE [--venues A,B] [--symbols A,B] [--shard K/N] [--retry-missing]
/// [--quiet]`: history of the spec's venues and symbols into the partitioned store, resumable item by item
/// (`BackfillRunner`, `BackfillLedger`, `BackfillStore`).
enum BackfillCommand {
    static let name = "backfill"
    /// Ten years of days: a typo in a year (2205) is refused instead of planning centuries of 404s.
    static let maxDays = 3_660

    static func execute(_ arguments: [String], console: Console) throws -> ExitCode {
        try perform(arguments, console: console, makeSources: BackfillSources.make)
    }

    /// `execute` with the source registry injected (tests pass scripted sources).
    static func perform(
        _ arguments: [String], console: Console,
        makeSources: (VenueSpec, HTTPSettings) -> [any BackfillSource]
    ) throws -> ExitCode {
        let parsed = try ParsedArguments(
            arguments, command: name, valued: ["from", "to", "venues", "symbols", "shard"],
            flags: ["quiet", "retry-missing"], maxPositionals: 1)
        guard let specPath = parsed.positionals.first else { throw UsageError("missing SPEC", command: name) }
        let from = try date(parsed, "from")
        let to = try date(parsed, "to")
        guard from <= to else {
            throw UsageError("'--from' \(from) is after '--to' \(to)", command: name)
        }
        let days = Int((to.startMs - from.startMs) / BackfillPeriod.dayMs) + 1
        guard days <= maxDays else {
            throw UsageError("\(days) days from \(from) to \(to); at most \(maxDays) per backfill", command: name)
        }
        var shard = BackfillShard.whole
        if let text = parsed.values["shard"] {
            guard let given = BackfillShard(text) else {
                throw UsageError(
                    "option '--shard': expected K/N with 1 ≤ K ≤ N ≤ \(BackfillShard.maxCount), got '\(text)'",
                    command: name)
            }
            shard = given
        }
        let spec = try RunCommand.loadSpec(specPath)
        let venues = try selectVenues(spec, parsed)

        var sources: [any BackfillSource] = []
        var symbols: [Venue: [String]] = [:]
        for venue in venues {
            let made = makeSources(venue, spec.http)
            guard !made.isEmpty else {
                console.err("liqpipe: backfill: \(venue.venue.rawValue) has no backfill source yet; skipped\n")
                continue
            }
            sources += made
            symbols[venue.venue] = venue.symbols
        }
        guard !sources.isEmpty else {
            console.err("liqpipe: backfill: none of the selected venues has a backfill source; nothing to do\n")
            return .failure
        }
        let plan = BackfillPlan(sources: sources, symbols: symbols, from: from, to: to, shard: shard)
        let stateDirectory = spec.backfill?.stateDirectory ?? spec.collector?.stateDirectory ?? spec.stateDirectory
        let quiet = parsed.flags.contains("quiet")
        var runner = BackfillRunner(
            sources: sources, normalisers: [:],
            store: BackfillStore(directory: spec.storeDirectory),
            ledger: BackfillLedger(directory: stateDirectory + "/backfill"),
            retryMissing: parsed.flags.contains("retry-missing"),
            progress: quiet
                ? nil
                : ProgressOptions(
                    interval: console.errIsTerminal ? .milliseconds(500) : .seconds(10),
                    rewritesLine: console.errIsTerminal, write: console.err))
        let lock: ProcessLock
        do {
            lock = try ProcessLock(
                path: "\(stateDirectory)/backfill-shard-\(shard.index)-of-\(shard.count).lock",
                activity: "backfill of this shard")
        } catch let busy as ProcessLock.Busy {
            console.err("liqpipe: backfill: \(busy)\n")
            return .failure
        }
        defer { lock.release() }
        if let warning = lock.recoveryWarning { console.err(warning) }
        let (skipped, pending) = runner.pending(plan)
        if !quiet {
            console.err(
                "liqpipe backfill \(spec.name): \(from) to \(to), shard \(shard.index)/\(shard.count): "
                    + "\(plan.entries.count) items, \(pending.count) to run → \(runner.store.directory), ledger "
                    + "\(runner.ledger.directory)\n")
        }
        // Reference data (instrument metadata for the normaliser) only for venues with work left: a re-run with
        // nothing to do touches no venue.
        let pendingVenues = Set(pending.map(\.item.venue))
        for venue in venues where pendingVenues.contains(venue.venue) {
            var runtime = VenueRuntime(spec: venue)
            runtime.loadReference(http: spec.http)
            if let failure = runtime.failures.first {
                console.err("liqpipe: warning: \(failure.description)\n")
                runner.unavailable[venue.venue] = "\(failure.origin): \(failure.message)"
            } else {
                runner.normalisers[venue.venue] = runtime.normaliser
            }
        }
        let summary = try runner.run(pending, skipped: skipped)
        console.out("liqpipe backfill \(spec.name): " + summary.lines.joined(separator: "\n") + "\n")
        return summary.exitCode
    }

    /// The spec's venues, narrowed by `--venues` and `--symbols`; a name the spec does not have is a usage error
    /// naming it. Venues left without symbols are dropped.
    static func selectVenues(_ spec: PipelineSpec, _ parsed: ParsedArguments) throws(UsageError) -> [VenueSpec] {
        var venues = spec.venues
        if let text = parsed.values["venues"] {
            let wanted = try list(text, option: "venues")
            let known = venues.map(\.venue.rawValue)
            let unknown = wanted.filter { !known.contains($0) }
            guard unknown.isEmpty else {
                throw UsageError(
                    "option '--venues': not in the spec: \(unknown.joined(separator: ", ")) "
                        + "(the spec has \(known.joined(separator: ", ")))", command: name)
            }
            venues = venues.filter { wanted.contains($0.venue.rawValue) }
        }
        if let text = parsed.values["symbols"] {
            let wanted = try list(text, option: "symbols")
            let known = Set(venues.flatMap(\.symbols))
            let unknown = wanted.filter { !known.contains($0) }
            guard unknown.isEmpty else {
                throw UsageError(
                    "option '--symbols': not a symbol of the selected venues: \(unknown.joined(separator: ", "))",
                    command: name)
            }
            venues = venues.compactMap { venue in
                var venue = venue
                venue.symbols = venue.symbols.filter(wanted.contains)
                return venue.symbols.isEmpty ? nil : venue
            }
        }
        return venues
    }

    /// A comma-separated list option; an empty one is a usage error.
    static func list(_ text: String, option: String) throws(UsageError) -> [String] {
        let items = text.split(separator: ",").map(String.init)
        guard !items.isEmpty else { throw UsageError("option '--\(option)': empty list", command: name) }
        return items
    }

    /// `--from` / `--to`: a real calendar day, `YYYY-MM-DD`.
    static func date(_ parsed: ParsedArguments, _ option: String) throws(UsageError) -> UTCDate {
        guard let text = parsed.values[option] else {
            throw UsageError("missing required option '--\(option)' (YYYY-MM-DD)", command: name)
        }
        if let date = UTCDate(text) { return date }
        throw UsageError("option '--\(option)': expected a UTC day YYYY-MM-DD, got '\(text)'", command: name)
    }
}
