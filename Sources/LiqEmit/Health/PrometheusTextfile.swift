/// `liqpipe.prom` for node_exporter's textfile collector (text exposition format 0.0.4): the run's time,
/// duration and exit code, and per venue feed whether it is up, when it last succeeded, how far its data lags
/// and how many records and errors it has counted. The file is replaced atomically (node_exporter's own advice),
/// so a scrape never reads half of it.
public enum PrometheusTextfile {
    public struct Input: Sendable {
        public var specName: String
        /// When the run started and how long it took.
        public var runStartedMs: Int64
        public var durationSeconds: Double
        public var exitCode: Int
        /// The last run that wrote outputs (exit 0 or 3).
        public var lastSuccessMs: Int64?
        public var sources: [SourceFreshness]

        public init(
            specName: String, runStartedMs: Int64, durationSeconds: Double, exitCode: Int, lastSuccessMs: Int64?,
            sources: [SourceFreshness]
        ) {
            self.specName = specName
            self.runStartedMs = runStartedMs
            self.durationSeconds = durationSeconds
            self.exitCode = exitCode
            self.lastSuccessMs = lastSuccessMs
            self.sources = sources
        }
    }

    public static func encode(_ input: Input) -> [UInt8] {
        var text = ""
        let spec = "spec=\"\(escaped(input.specName))\""
        func metric(_ name: String, _ type: String, _ help: String, _ samples: [(labels: String, value: String)]) {
            guard !samples.isEmpty else { return }
            text += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n"
            for sample in samples { text += "\(name){\(sample.labels)} \(sample.value)\n" }
        }
        func seconds(_ ms: Int64) -> String { NumberFormat.plain(Double(ms) / 1000, fractionDigits: 3) }
        let sources = input.sources.sorted { ($0.venue, $0.feed) < ($1.venue, $1.feed) }
        func labels(_ source: SourceFreshness) -> String {
            "\(spec),venue=\"\(source.venue.rawValue)\",feed=\"\(source.feed.rawValue)\""
        }
        metric(
            "liqpipe_run_timestamp_seconds", "gauge", "When the last run started (Unix time).",
            [(spec, seconds(input.runStartedMs))])
        metric(
            "liqpipe_run_duration_seconds", "gauge", "How long the last run took.",
            [(spec, NumberFormat.plain(input.durationSeconds, fractionDigits: 3))])
        metric(
            "liqpipe_run_exit_code", "gauge", "Exit code of the last run: 0 ok, 3 partial, 1 failed.",
            [(spec, String(input.exitCode))])
        metric(
            "liqpipe_last_success_timestamp_seconds", "gauge", "When a run last wrote outputs (exit 0 or 3).",
            input.lastSuccessMs.map { [(spec, seconds($0))] } ?? [])
        metric(
            "liqpipe_source_up", "gauge", "1 when the feed was covered by the last run, 0 when it failed.",
            sources.filter { $0.status != .unavailable }.map { (labels($0), $0.status == .ok ? "1" : "0") })
        metric(
            "liqpipe_source_last_success_timestamp_seconds", "gauge", "When the feed last succeeded (Unix time).",
            sources.compactMap { source in source.lastSuccessMs.map { (labels(source), seconds($0)) } })
        metric(
            "liqpipe_source_lag_seconds", "gauge", "How far the feed's newest stored record is behind the last run.",
            sources.compactMap { source in source.lagMs(at: input.runStartedMs).map { (labels(source), seconds($0)) } })
        metric(
            "liqpipe_records_ingested_total", "counter", "Records merged into the store (new keys only).",
            sources.map { (labels($0), String($0.recordsTotal)) })
        metric(
            "liqpipe_source_errors_total", "counter", "Runs in which the feed failed.",
            sources.map { (labels($0), String($0.errorsTotal)) })
        return Array(text.utf8)
    }

    /// A label value: backslash, double quote and line feed escaped as the format requires.
    static func escaped(_ value: String) -> String {
        var result = ""
        for character in value {
            switch character {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            default: result.append(character)
            }
        }
        return result
    }
}
