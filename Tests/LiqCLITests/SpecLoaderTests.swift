import LiqCLI
import LiqCore
import Testing

@Suite struct SpecLoaderTests {
    static let valid = """
        {
          "name": "t",
          "venues": [
            {"venue": "okx", "symbols": ["BTC-USDT-SWAP"], "baseURL": "http://127.0.0.1:9"},
            {"venue": "binance-usdm", "symbols": ["BTCUSDT"], "fixtures": "../Fixtures/b",
             "captures": ["c.ndjson", "/abs/d.ndjson"], "feeds": ["liquidations"], "openInterestPeriod": "1h"}
          ],
          "outputs": {"directory": "o"},
          "http": {"connectTimeoutSeconds": 2, "totalTimeoutSeconds": 5, "maxBodyBytes": 1000}
        }
        """

    func parse(_ text: String) throws -> PipelineSpec {
        try SpecLoader.parse(Array(text.utf8), path: "Pipelines/t.json")
    }

    @Test func readsEveryFieldAndResolvesPathsAgainstTheSpecDirectory() throws {
        let spec = try parse(Self.valid)
        #expect(spec.name == "t")
        #expect(spec.outputDirectory == "o")
        #expect(spec.http.totalTimeoutSeconds == 5)
        #expect(spec.http.maxBodyBytes == 1000)
        #expect(spec.venues[0].source == .network(baseURL: "http://127.0.0.1:9"))
        #expect(spec.venues[0].feeds == Set(Feed.allCases))
        #expect(spec.venues[1].source == .fixtures(directory: "Pipelines/../Fixtures/b"))
        #expect(spec.venues[1].captures == ["Pipelines/c.ndjson", "/abs/d.ndjson"])
        #expect(spec.venues[1].feeds == [.liquidations])
        #expect(spec.venues[1].openInterestPeriod == "1h")
    }

    @Test func defaultsToTheVenuesProductionURLs() throws {
        let spec = try parse(#"{"name":"x","venues":[{"venue":"binance-usdm","symbols":["BTCUSDT"]}]}"#)
        #expect(spec.venues[0].source == .network(baseURL: "https://fapi.binance.com"))
        #expect(spec.outputDirectory == "out")
    }

    @Test(arguments: [
        (
            #"{"name":"x","venues":[],"extra":1}"#,
            "Pipelines/t.json: extra: expected one of the keys backfill, cascades, collector, description, heatmap, http, name, outputs, retention, store, venues, found unknown key \"extra\""
        ),
        (
            #"{"name":"x","venues":[{"venue":"okx","symbols":["A"]}],"store":{"windowHours":0}}"#,
            "Pipelines/t.json: store.windowHours: expected hours from 1 to 8760, found number 0"
        ),
        (
            #"{"name":"x","venues":[{"venue":"okx","symbols":["A"]}],"store":{"dir":"s"}}"#,
            "Pipelines/t.json: store.dir: expected one of the keys directory, prometheusFile, stateDirectory, windowHours, found unknown key \"dir\""
        ),
        (
            #"{"name":"x","venues":[{"venue":"okx","symbols":["A"]}],"store":{"directory":""}}"#,
            "Pipelines/t.json: store.directory: expected a non-empty string, found string \"\""
        ),
        (#"{"venues":[]}"#, "Pipelines/t.json: name: expected a value, found nothing"),
        (#"{"name":"x","venues":[]}"#, "Pipelines/t.json: venues: expected at least one venue, found array of 0"),
        (
            #"{"name":"x","venues":[{"venue":"okx","symbols":["A", 3]}]}"#,
            "Pipelines/t.json: venues[0].symbols[1]: expected a non-empty string, found number 3"
        ),
        (
            #"{"name":"x","venues":[{"venue":"kraken","symbols":["A"]}]}"#,
            "Pipelines/t.json: venues[0].venue: expected one of binance-usdm, binance-coinm, bybit, okx, bitmex, deribit, hyperliquid, found string \"kraken\""
        ),
        (
            #"{"name":"x","venues":[{"venue":"okx","symbols":["A"]},{"venue":"okx","symbols":["B"]}]}"#,
            "Pipelines/t.json: venues[1].venue: expected each venue at most once, found string \"okx\""
        ),
        (
            #"{"name":"x","venues":[{"venue":"okx","symbols":["A","A"]}]}"#,
            "Pipelines/t.json: venues[0].symbols[1]: expected each symbol at most once, found string \"A\""
        ),
        (
            #"{"name":"x","venues":[{"venue":"okx","symbols":["A"],"feeds":["trades"]}]}"#,
            "Pipelines/t.json: venues[0].feeds[0]: expected one of liquidations, openInterest, funding, markPrice, priceBars, found string \"trades\""
        ),
        (
            #"{"name":"x","venues":[{"venue":"okx","symbols":["A"],"baseURL":"ftp://x","fixtures":"f"}]}"#,
            "Pipelines/t.json: venues[0].fixtures: expected either baseURL or fixtures, not both, found string \"f\""
        ),
        (
            #"{"name":"x","venues":[{"venue":"okx","symbols":["A"],"baseURL":"ftp://x"}]}"#,
            "Pipelines/t.json: venues[0].baseURL: expected an http:// or https:// URL, found string \"ftp://x\""
        ),
        (
            #"{"name":"x","venues":[{"venue":"okx","symbols":["A"],"openInterestPeriod":"7m"}]}"#,
            "Pipelines/t.json: venues[0].openInterestPeriod: expected one of 5m, 15m, 30m, 1h, 2h, 4h, 6h, 12h, 1d, found string \"7m\""
        ),
        (
            #"{"name":"x","venues":[{"venue":"okx","symbols":["A"]}],"http":{"maxBodyBytes":0}}"#,
            "Pipelines/t.json: http.maxBodyBytes: expected a byte count from 1 to 1073741824, found number 0"
        ),
        (
            #"{"name":"x","venues":[{"venue":"okx","symbols":["A"]}],"outputs":{"dir":"o"}}"#,
            "Pipelines/t.json: outputs.dir: expected one of the keys directory, found unknown key \"dir\""
        ),
        ("{\n\"name\": \"x\",\n\"venues\": [}\n", "Pipelines/t.json:3:12: invalid JSON: expected a value, found '}'"),
    ])
    func errorsNameTheFileAndPath(text: String, message: String) {
        #expect {
            _ = try parse(text)
        } throws: { error in
            "\(error)" == message
        }
    }

    @Test func demoSpecLoads() throws {
        let spec = try SpecLoader.load(path: ProjectPaths.demoSpec)
        #expect(spec.name == "demo")
        #expect(
            spec.venues.map(\.venue) == [.binanceUSDM, .binanceCOINM, .bybit, .okx, .bitmex, .deribit, .hyperliquid])
    }
}

extension SpecLoaderTests {
    /// Store paths resolve against the spec's directory; unset ones default beside the outputs, the state
    /// directory to the collector's when there is one, and `backfill` writes into the same store.
    @Test func storeBlockPathsAndDefaults() throws {
        let spec = try parse(
            #"{"name":"x","venues":[{"venue":"okx","symbols":["A"]}],"outputs":{"directory":"/srv/liq/out"},"#
                + #""store":{"directory":"../var/store","windowHours":6,"prometheusFile":"/var/lib/node/liq.prom"}}"#)
        #expect(spec.store?.directory == "Pipelines/../var/store" && spec.store?.stateDirectory == nil)
        #expect(spec.store?.windowHours == 6 && spec.store?.prometheusFile == "/var/lib/node/liq.prom")
        #expect(spec.storeDirectory == "Pipelines/../var/store")
        #expect(spec.stateDirectory == "/srv/liq/state")
        let collected = try parse(
            #"{"name":"x","venues":[{"venue":"okx","symbols":["A"]}],"store":{},"#
                + #""collector":{"directory":"c","stateDirectory":"st"}}"#)
        #expect(collected.store?.windowHours == 24)
        #expect(collected.storeDirectory == "store")
        #expect(collected.stateDirectory == "Pipelines/st")
    }

    @Test func liveSpecLoadsWithProductionURLs() throws {
        let spec = try SpecLoader.load(path: ProjectPaths.root + "/Pipelines/live.json")
        #expect(
            spec.venues.map(\.source) == [
                .network(baseURL: "https://fapi.binance.com"), .network(baseURL: "https://www.okx.com"),
            ])
        #expect(spec.venues[0].captures.isEmpty)
    }
}

extension SpecLoaderTests {
    @Test func marketWideSpecCoversEveryVenueOverTheNetwork() throws {
        let spec = try SpecLoader.load(path: ProjectPaths.root + "/Pipelines/market-wide.json")
        #expect(Set(spec.venues.map(\.venue)) == Set(Venue.allCases))
        for venue in spec.venues {
            guard case .network(let url) = venue.source else {
                Issue.record("\(venue.venue) is not fetched over the network")
                continue
            }
            #expect(url.hasPrefix("https://"))
            #expect(venue.feeds == Set(Feed.allCases))
            #expect(venue.requestBudget != nil, "\(venue.venue) has no request budget")
        }
    }
}

extension SpecLoaderTests {
    @Test func heatmapSectionWithDefaultsAndOverrides() throws {
        let defaults = try parse(#"{"name":"x","venues":[{"venue":"okx","symbols":["A"]}]}"#)
        #expect(defaults.heatmap.bucket.milliseconds == 300_000)
        #expect(defaults.heatmap.width(for: "BTC") == .relativeBasisPoints(10))
        let spec = try parse(
            #"{"name":"x","venues":[{"venue":"okx","symbols":["A"]}],"heatmap":{"bucket":"1m","bandWidthBps":25,"bandWidthUSD":{"btc":100}}}"#
        )
        #expect(spec.heatmap.bucket.milliseconds == 60_000)
        #expect(spec.heatmap.width(for: "BTC") == .absoluteUSD(100))
        #expect(spec.heatmap.width(for: "ETH") == .relativeBasisPoints(25))
        let model = try parse(
            #"{"name":"x","venues":[{"venue":"okx","symbols":["A"]}],"heatmap":{"leverageTiers":[{"leverage":10,"weight":0.6,"halfLifeHours":24},{"leverage":50,"weight":0.4}],"maintenanceMarginRates":{"okx":0.006},"calibrateToOpenInterest":true}}"#
        ).heatmap.model
        #expect(model.tiers.map(\.leverage) == [10, 50])
        #expect(model.tiers[0].halfLifeMs == 86_400_000)
        #expect(model.maintenanceMarginRate(for: .okx) == 0.006)
        #expect(model.calibratesToOpenInterest)
    }

    @Test(arguments: [
        (#"{"bucket":"7x"}"#, "heatmap.bucket: expected a bucket size such as 1m, 5m, 1h or 1d, found string \"7x\""),
        (#"{"bandWidthBps":0}"#, "heatmap.bandWidthBps: expected a number above 0 and at most 10000, found number 0"),
        (
            #"{"bandWidthUSD":{"BTC":-1}}"#,
            "heatmap.bandWidthUSD.BTC: expected a number above 0 and at most 1000000000, found number -1"
        ),
        (
            #"{"bands":1}"#,
            "heatmap.bands: expected one of the keys bandWidthBps, bandWidthUSD, bucket, calibrateToOpenInterest, leverageTiers, maintenanceMarginRates, found unknown key \"bands\""
        ),
    ])
    func heatmapSectionErrors(section: String, message: String) {
        #expect {
            _ = try parse(#"{"name":"x","venues":[{"venue":"okx","symbols":["A"]}],"heatmap":"# + section + "}")
        } throws: { error in
            "\(error)" == "Pipelines/t.json: " + message
        }
    }
}
