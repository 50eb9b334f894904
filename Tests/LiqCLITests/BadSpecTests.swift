import LiqCore
import LiqEmit
import Testing

@testable import LiqCLI

/// Every way a spec can be wrong, through the command line: `liqpipe run SPEC` exits 2 and says which file, which
/// JSON path, what was expected and what was found, before anything is fetched or written. (The loader's own
/// cases in SpecLoaderTests check the same messages without the process's exit code.)
@Suite struct BadSpecTests {
    /// (spec text, the message after `liqpipe: spec error: <path>`).
    static let cases: [(String, String)] = [
        ("[]", ": $: expected an object, found array of 0"),
        (#"{"name":"#, ":1:9: invalid JSON: expected a value, found end of input"),
        (
            #"{"name":"","venues":[{"venue":"okx","symbols":["A"]}]}"#,
            #": name: expected a non-empty string, found string """#
        ),
        (
            #"{"name":"x","description":3,"venues":[{"venue":"okx","symbols":["A"]}]}"#,
            ": description: expected a string, found number 3"
        ),
        (#"{"name":"x","venues":{}}"#, ": venues: expected an array, found object"),
        (
            #"{"name":"x","venues":[{"venue":"okx","symbols":["A"]}],"outputs":{"dir":"o"}}"#,
            #": outputs.dir: expected one of the keys directory, found unknown key "dir""#
        ),
        (
            #"{"name":"x","venues":[{"venue":"okx","symbols":["A"]}],"outputs":{"directory":""}}"#,
            #": outputs.directory: expected a non-empty string, found string """#
        ),
        (
            #"{"name":"x","venues":[{"venue":"okx","symbols":["A"]}],"http":{"retries":3}}"#,
            #": http.retries: expected one of the keys connectTimeoutSeconds, maxAttempts, maxBackoffSeconds, maxBodyBytes, totalTimeoutSeconds, found unknown key "retries""#
        ),
        (
            #"{"name":"x","venues":[{"venue":"okx","symbols":["A"]}],"http":{"connectTimeoutSeconds":0}}"#,
            ": http.connectTimeoutSeconds: expected a number above 0 and at most 600, found number 0"
        ),
        (
            #"{"name":"x","venues":[{"venue":"okx","symbols":["A"]}],"http":{"totalTimeoutSeconds":4000}}"#,
            ": http.totalTimeoutSeconds: expected a number above 0 and at most 3600, found number 4000"
        ),
        (
            #"{"name":"x","venues":[{"venue":"okx","symbols":["A"]}],"http":{"maxAttempts":11}}"#,
            ": http.maxAttempts: expected an attempt count from 1 to 10, found number 11"
        ),
        (
            #"{"name":"x","venues":[{"venue":"okx","symbols":["A"]}],"http":{"maxAttempts":2.5}}"#,
            ": http.maxAttempts: expected an integer, found number 2.5"
        ),
        (
            #"{"name":"x","venues":[{"venue":"okx","symbols":["A"]}],"http":{"maxBackoffSeconds":-1}}"#,
            ": http.maxBackoffSeconds: expected seconds from 0 to 600, found number -1"
        ),
        (
            #"{"name":"x","venues":[{"venue":"okx","symbols":["A"]}],"http":{"maxBodyBytes":0}}"#,
            ": http.maxBodyBytes: expected a byte count from 1 to 1073741824, found number 0"
        ),
        (
            #"{"name":"x","venues":[{"venue":"okx","symbols":["A"]}],"retention":{"compactCapturesAfterDays":0}}"#,
            ": retention.compactCapturesAfterDays: expected days from 1 to 3660, found number 0"
        ),
        (
            #"{"name":"x","venues":[{"venue":"okx","symbols":["A"]}],"retention":{"compactCapturesAfterDays":3,"removeCapturesAfterDays":2}}"#,
            ": retention.removeCapturesAfterDays: expected days from 3 (compactCapturesAfterDays) to 3660, found number 2"
        ),
        (
            #"{"name":"x","venues":[{"venue":"okx","symbols":["A"]}],"retention":{"removeStoreAfterDays":1}}"#,
            ": retention.removeStoreAfterDays: expected days from 2 to 3660, found number 1"
        ),
        (
            #"{"name":"x","venues":[{"venue":"okx","symbols":["A"]}],"retention":{"keepDays":1}}"#,
            #": retention.keepDays: expected one of the keys compactCapturesAfterDays, removeCapturesAfterDays, removeStoreAfterDays, found unknown key "keepDays""#
        ),
        (
            #"{"name":"x","venues":[{"venue":"okx","symbols":["A"]}],"collector":{"stateDirectory":"s"}}"#,
            ": collector.directory: expected a value, found nothing"
        ),
        (
            #"{"name":"x","venues":[{"venue":"okx","symbols":["A"]}],"collector":{"directory":"c","flushBytes":10}}"#,
            ": collector.flushBytes: expected a byte count from 1024 to 67108864, found number 10"
        ),
        (
            #"{"name":"x","venues":[{"venue":"okx","symbols":["A"]}],"collector":{"directory":"c","flushIntervalMs":5}}"#,
            ": collector.flushIntervalMs: expected milliseconds from 10 to 60000, found number 5"
        ),
        (
            #"{"name":"x","venues":[{"venue":"okx","symbols":["A"]}],"collector":{"directory":"c","stateIntervalMs":50}}"#,
            ": collector.stateIntervalMs: expected milliseconds from 100 to 600000, found number 50"
        ),
        (
            #"{"name":"x","venues":[{"venue":"okx","symbols":["A"]}],"collector":{"directory":"c","lookbackHours":0}}"#,
            ": collector.lookbackHours: expected hours from 1 to 8760, found number 0"
        ),
        (
            #"{"name":"x","venues":[{"venue":"okx","symbols":["A"]}],"backfill":{"dir":"b"}}"#,
            #": backfill.dir: expected one of the keys directory, stateDirectory, found unknown key "dir""#
        ),
        (
            #"{"name":"x","venues":[{"venue":"okx","symbols":["A"]}],"store":{"prometheusFile":""}}"#,
            #": store.prometheusFile: expected a non-empty string, found string """#
        ),
        (
            #"{"name":"x","venues":[{"venue":"okx","symbols":["A"],"pages":2}]}"#,
            #": venues[0].pages: expected one of the keys archiveURL, baseURL, captures, feeds, fixtureTimeMs, fixtures, maxPages, openInterestPeriod, priceBarInterval, requestBudget, streamURL, symbols, venue, found unknown key "pages""#
        ),
        (#"{"name":"x","venues":[{"symbols":["A"]}]}"#, ": venues[0].venue: expected a value, found nothing"),
        (
            #"{"name":"x","venues":[{"venue":"okx","symbols":[]}]}"#,
            ": venues[0].symbols: expected a non-empty array of symbols, found array of 0"
        ),
        (
            #"{"name":"x","venues":[{"venue":"okx","symbols":["A","A"]}]}"#,
            #": venues[0].symbols[1]: expected each symbol at most once, found string "A""#
        ),
        (
            #"{"name":"x","venues":[{"venue":"okx","symbols":["A"],"feeds":["trades"]}]}"#,
            #": venues[0].feeds[0]: expected one of liquidations, openInterest, funding, markPrice, priceBars, found string "trades""#
        ),
        (
            #"{"name":"x","venues":[{"venue":"okx","symbols":["A"],"feeds":[]}]}"#,
            ": venues[0].feeds: expected at least one feed, found array of 0"
        ),
        (
            #"{"name":"x","venues":[{"venue":"okx","symbols":["A"],"baseURL":"ftp://x"}]}"#,
            #": venues[0].baseURL: expected an http:// or https:// URL, found string "ftp://x""#
        ),
        (
            #"{"name":"x","venues":[{"venue":"okx","symbols":["A"],"baseURL":"https://x","fixtures":"f"}]}"#,
            #": venues[0].fixtures: expected either baseURL or fixtures, not both, found string "f""#
        ),
        (
            #"{"name":"x","venues":[{"venue":"okx","symbols":["A"],"streamURL":"https://x"}]}"#,
            #": venues[0].streamURL: expected a ws:// or wss:// URL, found string "https://x""#
        ),
        (
            #"{"name":"x","venues":[{"venue":"okx","symbols":["A"],"archiveURL":"https://x"}]}"#,
            #": venues[0].archiveURL: expected no archiveURL: only Binance venues have a data archive, found string "https://x""#
        ),
        (
            #"{"name":"x","venues":[{"venue":"binance-usdm","symbols":["A"],"archiveURL":"file:///x"}]}"#,
            #": venues[0].archiveURL: expected an http:// or https:// URL, found string "file:///x""#
        ),
        (
            #"{"name":"x","venues":[{"venue":"okx","symbols":["A"],"openInterestPeriod":"7m"}]}"#,
            #": venues[0].openInterestPeriod: expected one of 5m, 15m, 30m, 1h, 2h, 4h, 6h, 12h, 1d, found string "7m""#
        ),
        (
            #"{"name":"x","venues":[{"venue":"okx","symbols":["A"],"priceBarInterval":"7m"}]}"#,
            #": venues[0].priceBarInterval: expected one of 1m, 5m, 15m, 1h, 4h, 1d, found string "7m""#
        ),
        (
            #"{"name":"x","venues":[{"venue":"okx","symbols":["A"],"maxPages":0}]}"#,
            ": venues[0].maxPages: expected a page count from 1 to 1000, found number 0"
        ),
        (
            #"{"name":"x","venues":[{"venue":"okx","symbols":["A"],"requestBudget":0}]}"#,
            ": venues[0].requestBudget: expected a request count from 1 to 1000000, found number 0"
        ),
        (
            #"{"name":"x","venues":[{"venue":"okx","symbols":["A"],"fixtureTimeMs":1760000000000}]}"#,
            ": venues[0].fixtureTimeMs: expected no fixtureTimeMs without fixtures, found number 1760000000000"
        ),
        (
            #"{"name":"x","venues":[{"venue":"okx","symbols":["A"],"captures":[1]}]}"#,
            ": venues[0].captures[0]: expected a non-empty string, found number 1"
        ),
        (
            #"{"name":"x","venues":[{"venue":"okx","symbols":["A"]}],"heatmap":{"buckets":"5m"}}"#,
            #": heatmap.buckets: expected one of the keys bandWidthBps, bandWidthUSD, bucket, calibrateToOpenInterest, leverageTiers, maintenanceMarginRates, found unknown key "buckets""#
        ),
        (
            #"{"name":"x","venues":[{"venue":"okx","symbols":["A"]}],"heatmap":{"bucket":"7x"}}"#,
            #": heatmap.bucket: expected a bucket size such as 1m, 5m, 1h or 1d, found string "7x""#
        ),
        (
            #"{"name":"x","venues":[{"venue":"okx","symbols":["A"]}],"heatmap":{"bandWidthBps":0}}"#,
            ": heatmap.bandWidthBps: expected a number above 0 and at most 10000, found number 0"
        ),
        (
            #"{"name":"x","venues":[{"venue":"okx","symbols":["A"]}],"heatmap":{"bandWidthUSD":{"BTC":-5}}}"#,
            ": heatmap.bandWidthUSD.BTC: expected a number above 0 and at most 1000000000, found number -5"
        ),
        (
            #"{"name":"x","venues":[{"venue":"okx","symbols":["A"]}],"heatmap":{"leverageTiers":[{"leverage":10,"weight":0.5}]}}"#,
            ": heatmap.leverageTiers: expected tiers whose weights add up to 1, found array of 1"
        ),
        (
            #"{"name":"x","venues":[{"venue":"okx","symbols":["A"]}],"heatmap":{"leverageTiers":[{"leverage":10,"weight":1,"share":1}]}}"#,
            #": heatmap.leverageTiers[0].share: expected one of the keys halfLifeHours, leverage, weight, found unknown key "share""#
        ),
        (
            #"{"name":"x","venues":[{"venue":"okx","symbols":["A"]}],"heatmap":{"maintenanceMarginRates":{"kraken":0.01}}}"#,
            ": heatmap.maintenanceMarginRates.kraken: expected a rate keyed by a venue id (kraken is not one), found number 0.01"
        ),
        (
            #"{"name":"x","venues":[{"venue":"okx","symbols":["A"]}],"heatmap":{"maintenanceMarginRates":{"okx":0.9}}}"#,
            ": heatmap.maintenanceMarginRates.okx: expected a number above 0 and at most 0.5, found number 0.9"
        ),
        (
            #"{"name":"x","venues":[{"venue":"okx","symbols":["A"]}],"heatmap":{"calibrateToOpenInterest":"yes"}}"#,
            #": heatmap.calibrateToOpenInterest: expected true or false, found string "yes""#
        ),
        (
            #"{"name":"x","venues":[{"venue":"okx","symbols":["A"]}],"cascades":{"threshold":3}}"#,
            #": cascades.threshold: expected one of the keys absoluteFloorUSD, absoluteFloorUSDByAsset, baselineWindowMinutes, cooldownMinutes, exhaustionConsecutiveMinutes, exhaustionMinimumScore, floorWindowMinutes, fundingRetraceFraction, hawkesMinimumEvents, hawkesRefitEveryMinutes, hawkesWindowMinutes, liquidationCollapseFraction, liquidationSmoothingMinutes, marketWideAssets, marketWideWindowMinutes, mergeGapMinutes, minimumBaselineMinutes, neutralFundingAnnualized, openInterestDrawdownFraction, openInterestStableFraction, panel, priceMoveThreshold, priceMoveWindowMinutes, scaleCeiling, scaleFloor, takerFlipShare, volatilityFraction, zThreshold, found unknown key "threshold""#
        ),
        (
            #"{"name":"x","venues":[{"venue":"okx","symbols":["A"]}],"cascades":{"zThreshold":0}}"#,
            ": cascades.zThreshold: expected a number above 0 and at most 1000000000000, found number 0"
        ),
        (
            #"{"name":"x","venues":[{"venue":"okx","symbols":["A"]}],"cascades":{"cooldownMinutes":0}}"#,
            ": cascades.cooldownMinutes: expected a whole number from 1 to 10000000, found number 0"
        ),
    ]

    @Test(arguments: cases)
    func aBadSpecExitsTwoNamingWhereAndWhat(_ text: String, _ message: String) throws {
        let directory = try ProjectPaths.temporaryDirectory("bad-spec")
        let path = directory + "/spec.json"
        try AtomicFile.write(Array(text.utf8), to: path)
        let captured = CapturedConsole()
        #expect(CLI.run(["run", path, "--out", directory + "/out", "--quiet"], console: captured.console) == 2)
        #expect(captured.err == "liqpipe: spec error: \(path)\(message)\n")
        #expect(captured.out.isEmpty)
        #expect(!FileBytes.isDirectory(directory + "/out"))
    }

    @Test func aMissingOrOversizedSpecExitsTwo() throws {
        let directory = try ProjectPaths.temporaryDirectory("bad-spec-file")
        let captured = CapturedConsole()
        #expect(CLI.run(["run", directory + "/none.json"], console: captured.console) == 2)
        #expect(captured.err.hasPrefix("liqpipe: spec error: \(directory)/none.json: "), "\(captured.err)")
        try AtomicFile.write([UInt8](repeating: 0x20, count: SpecLoader.maxSpecBytes + 1), to: directory + "/big.json")
        let big = CapturedConsole()
        #expect(CLI.run(["run", directory + "/big.json"], console: big.console) == 2)
        #expect(big.err.hasPrefix("liqpipe: spec error: \(directory)/big.json: "), "\(big.err)")
    }
}
