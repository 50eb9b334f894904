import LiqCore
import LiqEmit
import Testing

@Suite struct PrometheusTextfileTests {
    @Test func writesTheExpositionFormatWithEscapedLabels() {
        let ok = SourceFreshness(
            venue: .okx, feed: .liquidations, status: .ok, lastSuccessMs: 1_760_133_600_000, lastErrorMs: nil,
            lastError: nil, consecutiveFailures: 0, newestRecordMs: 1_760_133_540_500, recordsTotal: 1220,
            errorsTotal: 0)
        let failing = SourceFreshness(
            venue: .okx, feed: .funding, status: .failing, lastSuccessMs: nil, lastErrorMs: 1_760_133_600_000,
            lastError: "HTTP 500", consecutiveFailures: 2, newestRecordMs: nil, recordsTotal: 0, errorsTotal: 2)
        let text = String(
            decoding: PrometheusTextfile.encode(
                PrometheusTextfile.Input(
                    specName: "live \"eu\"\\1", runStartedMs: 1_760_133_600_000, durationSeconds: 2.5,
                    exitCode: 3, lastSuccessMs: 1_760_133_600_000, sources: [ok, failing])),
            as: UTF8.self)
        let spec = #"spec="live \"eu\"\\1""#
        // Lag: 1,760,133,600,000 − 1,760,133,540,500 = 59,500 ms = 59.5 s.
        #expect(
            text == """
                # HELP liqpipe_run_timestamp_seconds When the last run started (Unix time).
                # TYPE liqpipe_run_timestamp_seconds gauge
                liqpipe_run_timestamp_seconds{\(spec)} 1760133600
                # HELP liqpipe_run_duration_seconds How long the last run took.
                # TYPE liqpipe_run_duration_seconds gauge
                liqpipe_run_duration_seconds{\(spec)} 2.5
                # HELP liqpipe_run_exit_code Exit code of the last run: 0 ok, 3 partial, 1 failed.
                # TYPE liqpipe_run_exit_code gauge
                liqpipe_run_exit_code{\(spec)} 3
                # HELP liqpipe_last_success_timestamp_seconds When a run last wrote outputs (exit 0 or 3).
                # TYPE liqpipe_last_success_timestamp_seconds gauge
                liqpipe_last_success_timestamp_seconds{\(spec)} 1760133600
                # HELP liqpipe_source_up 1 when the feed was covered by the last run, 0 when it failed.
                # TYPE liqpipe_source_up gauge
                liqpipe_source_up{\(spec),venue="okx",feed="funding"} 0
                liqpipe_source_up{\(spec),venue="okx",feed="liquidations"} 1
                # HELP liqpipe_source_last_success_timestamp_seconds When the feed last succeeded (Unix time).
                # TYPE liqpipe_source_last_success_timestamp_seconds gauge
                liqpipe_source_last_success_timestamp_seconds{\(spec),venue="okx",feed="liquidations"} 1760133600
                # HELP liqpipe_source_lag_seconds How far the feed's newest stored record is behind the last run.
                # TYPE liqpipe_source_lag_seconds gauge
                liqpipe_source_lag_seconds{\(spec),venue="okx",feed="liquidations"} 59.5
                # HELP liqpipe_records_ingested_total Records merged into the store (new keys only).
                # TYPE liqpipe_records_ingested_total counter
                liqpipe_records_ingested_total{\(spec),venue="okx",feed="funding"} 0
                liqpipe_records_ingested_total{\(spec),venue="okx",feed="liquidations"} 1220
                # HELP liqpipe_source_errors_total Runs in which the feed failed.
                # TYPE liqpipe_source_errors_total counter
                liqpipe_source_errors_total{\(spec),venue="okx",feed="funding"} 2
                liqpipe_source_errors_total{\(spec),venue="okx",feed="liquidations"} 0

                """)
    }
}
