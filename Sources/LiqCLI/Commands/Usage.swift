import LiqFetch

/// The help texts: one per command plus the overview, so `liqpipe --help`, `liqpipe help run` and a usage error
/// all print the same words.
enum Usage {
    static let version = "0.1.0"

    static let overview = """
        liqpipe \(version) — market-wide crypto liquidation analytics

        USAGE: liqpipe <command> [options]

        COMMANDS:
          run [SPEC]      One ingestion + analytics cycle (what cron calls). With no SPEC, runs the
                          embedded demo (Pipelines/demo.json on the bundled Fixtures/), offline.
          replay SPEC CAPTURE...
                          The run's pipeline with the stream input replaced by stored captures.
          liqprice        Liquidation and bankruptcy price of a position (isolated, Binance, cross).
          decode          Decode raw venue payloads (one per line) into canonical records.
          synth           Write a seeded synthetic market day (raw venue payloads, a spec, the
                          cascade's ground truth) for testing the pipeline and the detector.
          collect SPEC    WebSocket collector: every venue's liquidation stream into hourly gzip
                          capture segments, until SIGTERM/SIGINT or --duration.
          backfill SPEC --from DATE --to DATE
                          History (archives, paginated history) into a partitioned store,
                          resumable and shardable.
          maintain SPEC   Daily retention: old capture days compacted into daily files, capture
                          days and store partitions past the spec's retention ages removed.
          help [COMMAND]  Show help for a command.

        OPTIONS:
          -h, --help      Show help.
          --version       Show the version.

        EXIT CODES: 0 success, 1 failure, 2 usage or spec error, 3 partial (some sources failed).
        """

    static let run = """
        USAGE: liqpipe run [SPEC] [--out DIR] [--quiet]

        Runs one ingestion + analytics cycle of the pipeline spec SPEC (a JSON file, see Pipelines/).
        With no SPEC, runs Pipelines/demo.json: recorded Binance USDⓈ-M and OKX payloads from Fixtures/,
        no network. Writes liquidations.csv, open_interest.csv, funding.csv and snapshot.json.

        With a collector block in SPEC, each venue's closed capture segments (not the open .part hour)
        whose hour starts at most collector.lookbackHours (default 48) before the venue's newest one are
        read too; after a successful or partial run, <stateDirectory>/run-captures.json records the last
        segment read per venue, and standard error says how many segments were read and how many are new.

        With a store block in SPEC the run is incremental: one run per state directory (run.lock; a second
        one exits 1), paging back only to the newest stored records (run-state.json), collector segments
        after the capture cursor only, records merged into the partitioned store (keyed, atomic), outputs
        over the store's last windowHours, feed health in snapshot.json (sources) and liqpipe.prom.

        OPTIONS:
          --out DIR       Output directory (default: the spec's outputs.directory, else ./out).
          --quiet         No progress lines on standard error.
          -h, --help      Show this help.
        """

    static let collect = """
        USAGE: liqpipe collect SPEC [--duration D] [--quiet]

        Connects to the liquidation (and mark/funding) WebSocket streams of every venue in SPEC that has
        one, subscribes for the spec's symbols and feeds, and stores every message with its receive time
        in hourly capture segments: COLLECTOR_DIR/<venue>/<YYYY-MM-DD>/<venue>-<YYYYMMDD>T<HH>.ndjson.gz
        (gzip members flushed every collector.flushIntervalMs; '.part' while the hour is open). Keeps the
        venues' heartbeats, reconnects with backoff after drops and silent streams, subscribes again.
        Stops cleanly on SIGTERM or SIGINT (or after --duration): connections closed, segments closed.
        Counters in STATE_DIR/collector.json, rewritten every collector.stateIntervalMs.
        SPEC needs a "collector" block: {"directory": "captures", "stateDirectory": "state"}.

        OPTIONS:
          --duration D    Stop after D: 90s, 15m, 6h, 1d (default: run until signalled).
          --quiet         No connection log lines on standard error.
          -h, --help      Show this help.
        """

    static let replay = """
        USAGE: liqpipe replay SPEC CAPTURE... [--venue ID] [--out DIR] [--quiet]

        Runs exactly the pipeline of 'liqpipe run SPEC' (decode, normalise, analytics, the same output
        files) with each venue's stream input — its captures and, with a collector block, its closed
        segments — replaced by the given CAPTUREs that belong to it; REST feeds run as in 'run'. The
        same captures always give the same outputs. The capture cursor is not touched.

        CAPTURE is a file (plain or gzip; collector envelope lines or bare venue messages) or a directory,
        which stands for every closed segment (*.ndjson.gz, not .part) in it and below. A capture's venue
        is the 'venue' of its first envelope line, else the one in its segment file name
        (<venue>-<YYYYMMDD>T<HH>[.<seq>].ndjson.gz), else --venue; it must be a venue of SPEC with the
        liquidations feed.

        OPTIONS:
          --venue ID      Venue of captures that name none (bare lines, any file name).
          --out DIR       Output directory (default: the spec's outputs.directory, else ./out).
          --quiet         No progress lines on standard error.
          -h, --help      Show this help.
        """

    static let backfill = """
        USAGE: liqpipe backfill SPEC --from DATE --to DATE [--venues A,B] [--symbols A,B] [--shard K/N]
                                [--retry-missing] [--quiet]

        Fetches the history of SPEC's venues and symbols for the UTC days DATE to DATE (YYYY-MM-DD,
        inclusive, at most 3660 days; a monthly dataset is fetched for every month the range touches),
        normalises it as 'run' does and stores each dataset, symbol and day in its own CSV file (the
        run's columns, sorted, deduplicated, replaced atomically):
          STORE/feed=<feed>/venue=<venue>/symbol=<symbol>/date=<YYYY-MM-DD>/<dataset>.csv
        Each finished item (dataset × symbol × day or month) is then recorded in STATE/backfill/, so
        an interrupted backfill resumes where it stopped and a second run skips everything done. Items
        the venue does not have (an archive 404) are recorded as missing and not asked for again
        unless --retry-missing. A failed item is reported and retried by the next run (exit 3).
        STORE is backfill.directory (default: 'store' beside the output directory); STATE is
        backfill.stateDirectory, else collector.stateDirectory, else 'state' beside the output.
        Venues without a backfill source are reported and skipped.

        OPTIONS:
          --from DATE       First UTC day.
          --to DATE         Last UTC day (not before --from).
          --venues A,B      Only these venues of the spec.
          --symbols A,B     Only these symbols of the selected venues.
          --shard K/N       Only the items whose key hashes to shard K of N (1 ≤ K ≤ N ≤ 1024):
                            N processes with 1/N … N/N split the work, each item in exactly one.
          --retry-missing   Ask again for items recorded as missing (archives publish a day late).
          --quiet           No progress lines on standard error.
          -h, --help        Show this help.
        """

    static let maintain = """
        USAGE: liqpipe maintain SPEC [--now YYYY-MM-DDTHH:MM:SSZ] [--dry-run]

        Applies SPEC's retention block (ages in whole UTC days before today; today and yesterday are
        never touched):
          compactCapturesAfterDays (default 2): each older capture day's hourly segments become one
            file COLLECTOR_DIR/<venue>/<day>/<venue>-<YYYYMMDD>.ndjson.gz (gzip members concatenated,
            read back and checked before the hourly files are removed; 'run' reads it like them).
            A day with a '.part' or an unreadable segment is left as it is (exit 3).
          removeCapturesAfterDays (default: keep): older capture day folders are removed.
          removeStoreAfterDays (default: keep, at least 2): older STORE date= partitions are removed.
        Prints one line per action and a total. An interrupted maintain is finished by the next one:
        nothing is duplicated or lost. Holds STATE/maintain.lock; while another maintain holds it,
        says so and exits 0. STORE and STATE as for 'backfill'.

        OPTIONS:
          --now T         Take T (UTC) as the current time (default: the clock).
          --dry-run       Print the actions without changing anything.
          -h, --help      Show this help.
        """

    static let liqprice = """
        USAGE: liqpipe liqprice --side long|short --entry P --quantity Q --leverage L --mmr R
                                [--maint-amount C] [--extra-margin M] [--funding-paid F]
                                [--mode isolated|binance|cross] [--wallet-balance W] [--available A] [--json]

        Liquidation and bankruptcy price of one position (DOMAIN.md §3). Prices in USD per base unit,
        quantities in base units, money in USD.

        MODES:
          isolated (default)  Maintenance margin on entry notional: MM = Q·E·mmr − maintAmount.
          binance             Binance one-way form, maintenance margin on mark notional:
                              LP = (W + C − s·Q·E) / (Q·mmr − s·Q), s = +1 long, −1 short;
                              W defaults to the isolated margin Q·E/L + extra − funding.
          cross               Simplified cross margin: LP = E ∓ (available + IM − MM)/Q; needs --available.

        OPTIONS:
          --side              long or short.
          --entry             Entry price.
          --quantity          Position size in base units (> 0).
          --leverage          Leverage (> 0); initial margin IM = Q·E/L.
          --mmr               Maintenance margin rate as a fraction (0.005 = 0.5%).
          --maint-amount      Maintenance amount C (Binance 'cum'), USD (default 0).
          --extra-margin      Margin added to an isolated position, USD (default 0).
          --funding-paid      Funding paid by the position so far, USD (default 0; negative if received).
          --wallet-balance    Binance mode: wallet balance W, USD.
          --available         Cross mode: available balance, USD.
          --json              Print one JSON object instead of text.
          -h, --help          Show this help.
        """

    /// The `USAGE:` lines of a command's help, for error messages: enough to fix the call, short enough to see
    /// the error above it.
    static func synopsis(for command: String?) -> String {
        let full = text(for: command) ?? overview
        let lines = full.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("USAGE:") }) else { return full }
        let end = lines[start...].firstIndex(where: { $0.isEmpty }) ?? lines.endIndex
        let more = command.map { "Run 'liqpipe help \($0)' for details." } ?? "Run 'liqpipe --help' for details."
        return lines[start..<end].joined(separator: "\n") + "\n" + more
    }

    static let decode = """
        USAGE: liqpipe decode --venue VENUE --feed FEED [FILE|-] [--format ndjson|csv]
                              [--instruments FILE] [--symbols A,B]

        Decodes raw venue payloads — one WebSocket message or REST response body per line, as captures
        store them — into canonical records on standard output. Each line is tried as a stream message,
        then as the answer of each REST endpoint of FEED. Lines that no decoder accepts are reported on
        standard error with every decoder's reason (exit 3); the others are still printed.

        OPTIONS:
          --venue             \(VenueCatalog.supported.map(\.rawValue).joined(separator: ", ")).
          --feed              liquidations, open-interest, funding, mark-price, price-bars or instruments.
          FILE                Input file; '-' or none reads standard input.
          --format            ndjson (default: one JSON object per record) or csv (the run's columns).
          --instruments FILE  The venue's raw instruments payload (contract sizes); default: the bundled
                              Fixtures/<venue>/ metadata.
          --symbols A,B       Keep only these symbols (default: every listed instrument).
          -h, --help          Show this help.
        """

    static let synth = """
        USAGE: liqpipe synth --out DIR [--seed N] [--day YYYY-MM-DD] [--hours H] [--assets BTC,ETH,SOL]
                             [--cascade-at HH:MM | --calm]

        Writes a deterministic synthetic market day in the raw payload shapes of Binance USDⓈ-M, OKX
        and Bybit (DIR/binance-usdm, DIR/okx, DIR/bybit, laid out as fixtures and captures), a spec
        DIR/spec.json that 'liqpipe run' reads offline, and DIR/ground_truth.json with each cascade's
        onset, peak and exhaustion (ms). Liquidations arrive as a calm Poisson stream plus, at the
        cascade, a self-exciting (Hawkes, n = 0.7) long-liquidation burst peaking ~25 minutes in; its
        price impact takes ~8% off, open interest flushes ~25% and funding turns negative, then the
        market recovers. The same arguments always write the same bytes.

        OPTIONS:
          --out DIR           Output directory (required).
          --seed N            Random seed (default 1).
          --day YYYY-MM-DD    The UTC day (default 2025-10-10).
          --hours H           Length of the day from midnight, 1 to 48 (default 24).
          --assets A,B        BTC, ETH, SOL (default BTC,ETH).
          --cascade-at HH:MM  Cascade onset, UTC (default 20:50); two hours must fit before the end.
          --calm              A day without a cascade.
          -h, --help          Show this help.
        """

    static func text(for command: String?) -> String? {
        switch command {
        case nil: overview
        case "run": run
        case "liqprice": liqprice
        case "decode": decode
        case "synth": synth
        case "collect": collect
        case ReplayCommand.name: replay
        case BackfillCommand.name: backfill
        case MaintainCommand.name: maintain
        default: nil
        }
    }
}
