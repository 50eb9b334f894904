import LiqAnalytics
public import LiqCore
import LiqEmit
import LiqFetch

/// Reads and validates a pipeline spec. Every problem is a `JSONError` naming the file and the JSON path
/// (`venues[1].symbols[0]: expected a non-empty string, found number 3`), and unknown keys are errors so a typo
/// never silently falls back to a default.
public enum SpecLoader {
    /// Venues whose adapters exist; the others are refused with a clear message rather than half-run.
    public static var supportedVenues: [Venue] { VenueCatalog.supported }
    /// Binance's open-interest history periods; OKX snapshots ignore the setting.
    static let openInterestPeriods = ["5m", "15m", "30m", "1h", "2h", "4h", "6h", "12h", "1d"]
    /// Bar resolutions every venue we support offers.
    static let priceBarIntervals = ["1m", "5m", "15m", "1h", "4h", "1d"]
    /// Specs are small; anything bigger is a wrong path.
    static let maxSpecBytes = 1 << 20

    public static func load(path: String) throws -> PipelineSpec {
        let bytes = try FileBytes.read(path, maxBytes: maxSpecBytes)
        return try parse(bytes, path: path)
    }

    public static func parse(_ bytes: [UInt8], path: String) throws(JSONError) -> PipelineSpec {
        let root = try JSONNode.parse(bytes, origin: path)
        try root.requireOnlyKeys([
            "name", "description", "venues", "outputs", "http", "heatmap", "cascades", "collector", "backfill",
            "retention", "store",
        ])
        let name = try nonEmptyString(root.member("name"))
        _ = try root.optionalMember("description").map { (node) throws(JSONError) in try node.string() }
        let baseDirectory = directory(of: path)
        let venueNodes = try root.member("venues").elements()
        guard !venueNodes.isEmpty else { throw try root.member("venues").error(expected: "at least one venue") }
        var venues: [VenueSpec] = []
        for node in venueNodes {
            let venue = try venueSpec(node, baseDirectory: baseDirectory)
            if venues.contains(where: { $0.venue == venue.venue }) {
                throw try node.member("venue").error(expected: "each venue at most once")
            }
            venues.append(venue)
        }
        var outputDirectory = "out"
        if let outputs = try root.optionalMember("outputs") {
            try outputs.requireOnlyKeys(["directory"])
            if let directory = try outputs.optionalMember("directory") {
                outputDirectory = try nonEmptyString(directory)
            }
        }
        var http = HTTPSettings()
        if let node = try root.optionalMember("http") {
            try node.requireOnlyKeys([
                "connectTimeoutSeconds", "totalTimeoutSeconds", "maxBodyBytes", "maxAttempts", "maxBackoffSeconds",
            ])
            if let value = try node.optionalMember("connectTimeoutSeconds") {
                http.connectTimeoutSeconds = try positiveNumber(value, atMost: 600)
            }
            if let value = try node.optionalMember("totalTimeoutSeconds") {
                http.totalTimeoutSeconds = try positiveNumber(value, atMost: 3600)
            }
            if let value = try node.optionalMember("maxAttempts") {
                let attempts = try value.int64()
                guard (1...10).contains(attempts) else { throw value.error(expected: "an attempt count from 1 to 10") }
                http.retry.maxAttempts = Int(attempts)
            }
            if let value = try node.optionalMember("maxBackoffSeconds") {
                let seconds = try value.decimal()
                guard seconds >= 0, seconds <= 600 else { throw value.error(expected: "seconds from 0 to 600") }
                http.retry.maxTotalBackoffSeconds = seconds
            }
            if let value = try node.optionalMember("maxBodyBytes") {
                let bytes = try value.int64()
                guard bytes > 0, bytes <= 1 << 30 else {
                    throw value.error(expected: "a byte count from 1 to 1073741824")
                }
                http.maxBodyBytes = Int(bytes)
            }
        }
        let heatmap = try root.optionalMember("heatmap").map(heatmapSpec) ?? HeatmapSpec()
        let cascades = try root.optionalMember("cascades").map(cascadeSpec) ?? CascadeSpec()
        let collector = try root.optionalMember("collector").map { (node) throws(JSONError) in
            try collectorSpec(node, baseDirectory: baseDirectory)
        }
        let backfill = try root.optionalMember("backfill").map { (node) throws(JSONError) in
            try backfillSpec(node, baseDirectory: baseDirectory)
        }
        let store = try root.optionalMember("store").map { (node) throws(JSONError) in
            try storeSpec(node, baseDirectory: baseDirectory)
        }
        let retention = try root.optionalMember("retention").map(retentionSpec) ?? RetentionSpec()
        return PipelineSpec(
            name: name, path: path, venues: venues, outputDirectory: outputDirectory, http: http, heatmap: heatmap,
            cascades: cascades, collector: collector, backfill: backfill, store: store, retention: retention)
    }

    static func storeSpec(_ node: JSONNode, baseDirectory: String) throws(JSONError) -> StoreSpec {
        try node.requireOnlyKeys(["directory", "stateDirectory", "windowHours", "prometheusFile"])
        func path(_ key: String) throws(JSONError) -> String? {
            try node.optionalMember(key).map(nonEmptyString).map { resolve($0, against: baseDirectory) }
        }
        var spec = StoreSpec(
            directory: try path("directory"), stateDirectory: try path("stateDirectory"),
            prometheusFile: try path("prometheusFile"))
        if let value = try node.optionalMember("windowHours") {
            let hours = try value.int64()
            guard (1...8_760).contains(hours) else { throw value.error(expected: "hours from 1 to 8760") }
            spec.windowHours = Int(hours)
        }
        return spec
    }

    static func retentionSpec(_ node: JSONNode) throws(JSONError) -> RetentionSpec {
        try node.requireOnlyKeys(["compactCapturesAfterDays", "removeCapturesAfterDays", "removeStoreAfterDays"])
        var spec = RetentionSpec()
        if let value = try node.optionalMember("compactCapturesAfterDays") {
            spec.compactCapturesAfterDays = try days(value, from: 1)
        }
        if let value = try node.optionalMember("removeCapturesAfterDays"), value.value != .null {
            spec.removeCapturesAfterDays = try days(
                value, from: spec.compactCapturesAfterDays, naming: "compactCapturesAfterDays")
        }
        if let value = try node.optionalMember("removeStoreAfterDays"), value.value != .null {
            spec.removeStoreAfterDays = try days(value, from: 2)
        }
        return spec
    }

    /// A whole number of days from `minimum` to ten years; `naming` says where the minimum comes from.
    static func days(_ node: JSONNode, from minimum: Int, naming: String? = nil) throws(JSONError) -> Int {
        let days = try node.int64()
        guard days >= minimum, days <= 3_660 else {
            let floor = naming.map { "\(minimum) (\($0))" } ?? "\(minimum)"
            throw node.error(expected: "days from \(floor) to 3660")
        }
        return Int(days)
    }

    static func backfillSpec(_ node: JSONNode, baseDirectory: String) throws(JSONError) -> BackfillSpec {
        try node.requireOnlyKeys(["directory", "stateDirectory"])
        return BackfillSpec(
            directory: try node.optionalMember("directory").map(nonEmptyString).map {
                resolve($0, against: baseDirectory)
            },
            stateDirectory: try node.optionalMember("stateDirectory").map(nonEmptyString).map {
                resolve($0, against: baseDirectory)
            })
    }

    static func collectorSpec(_ node: JSONNode, baseDirectory: String) throws(JSONError) -> CollectorSpec {
        try node.requireOnlyKeys([
            "directory", "stateDirectory", "flushBytes", "flushIntervalMs", "stateIntervalMs", "lookbackHours",
        ])
        var spec = CollectorSpec(
            directory: resolve(try nonEmptyString(node.member("directory")), against: baseDirectory),
            stateDirectory: resolve(
                try node.optionalMember("stateDirectory").map(nonEmptyString) ?? "state", against: baseDirectory))
        if let value = try node.optionalMember("flushBytes") {
            let bytes = try value.int64()
            guard (1_024...(64 << 20)).contains(bytes) else {
                throw value.error(expected: "a byte count from 1024 to 67108864")
            }
            spec.flushBytes = Int(bytes)
        }
        if let value = try node.optionalMember("flushIntervalMs") {
            let ms = try value.int64()
            guard (10...60_000).contains(ms) else { throw value.error(expected: "milliseconds from 10 to 60000") }
            spec.flushIntervalMs = ms
        }
        if let value = try node.optionalMember("stateIntervalMs") {
            let ms = try value.int64()
            guard (100...600_000).contains(ms) else { throw value.error(expected: "milliseconds from 100 to 600000") }
            spec.stateIntervalMs = ms
        }
        if let value = try node.optionalMember("lookbackHours") {
            let hours = try value.int64()
            guard (1...8_760).contains(hours) else { throw value.error(expected: "hours from 1 to 8760") }
            spec.lookbackHours = Int(hours)
        }
        return spec
    }

    static func venueSpec(_ node: JSONNode, baseDirectory: String) throws(JSONError) -> VenueSpec {
        try node.requireOnlyKeys([
            "venue", "symbols", "feeds", "baseURL", "fixtures", "captures", "streamURL", "archiveURL",
            "openInterestPeriod", "priceBarInterval", "maxPages", "requestBudget", "fixtureTimeMs",
        ])
        let venueNode = try node.member("venue")
        let supported = supportedVenues.map(\.rawValue).joined(separator: ", ")
        guard let venue = Venue(rawValue: try venueNode.string()), supportedVenues.contains(venue) else {
            throw venueNode.error(expected: "one of \(supported)")
        }
        let symbolsNode = try node.member("symbols")
        let symbolNodes = try symbolsNode.elements()
        guard !symbolNodes.isEmpty else { throw symbolsNode.error(expected: "a non-empty array of symbols") }
        var symbols: [String] = []
        for symbolNode in symbolNodes {
            let symbol = try nonEmptyString(symbolNode)
            guard !symbols.contains(symbol) else { throw symbolNode.error(expected: "each symbol at most once") }
            symbols.append(symbol)
        }
        var feeds = Set(Feed.allCases)
        if let feedsNode = try node.optionalMember("feeds") {
            feeds = []
            for feedNode in try feedsNode.elements() {
                guard let feed = Feed(rawValue: try feedNode.string()) else {
                    throw feedNode.error(expected: "one of \(Feed.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                feeds.insert(feed)
            }
            guard !feeds.isEmpty else { throw feedsNode.error(expected: "at least one feed") }
        }
        let source: VenueSource
        switch (try node.optionalMember("baseURL"), try node.optionalMember("fixtures")) {
        case (.some(let urlNode), nil):
            let url = try urlNode.string()
            guard url.hasPrefix("https://") || url.hasPrefix("http://") else {
                throw urlNode.error(expected: "an http:// or https:// URL")
            }
            source = .network(baseURL: url)
        case (nil, .some(let directoryNode)):
            source = .fixtures(directory: resolve(try nonEmptyString(directoryNode), against: baseDirectory))
        case (nil, nil):
            source = .network(baseURL: VenueCatalog.defaultBaseURL(venue))
        case (.some, .some(let directoryNode)):
            throw directoryNode.error(expected: "either baseURL or fixtures, not both")
        }
        var captures: [String] = []
        if let capturesNode = try node.optionalMember("captures") {
            for captureNode in try capturesNode.elements() {
                captures.append(resolve(try nonEmptyString(captureNode), against: baseDirectory))
            }
        }
        var streamURL: String?
        if let urlNode = try node.optionalMember("streamURL") {
            let url = try urlNode.string()
            guard url.hasPrefix("wss://") || url.hasPrefix("ws://") else {
                throw urlNode.error(expected: "a ws:// or wss:// URL")
            }
            streamURL = url
        }
        var archiveURL: String?
        if let urlNode = try node.optionalMember("archiveURL") {
            guard venue == .binanceUSDM || venue == .binanceCOINM else {
                throw urlNode.error(expected: "no archiveURL: only Binance venues have a data archive")
            }
            let url = try urlNode.string()
            guard url.hasPrefix("https://") || url.hasPrefix("http://") else {
                throw urlNode.error(expected: "an http:// or https:// URL")
            }
            archiveURL = url
        }
        var period = "5m"
        if let periodNode = try node.optionalMember("openInterestPeriod") {
            period = try periodNode.string()
            guard openInterestPeriods.contains(period) else {
                throw periodNode.error(expected: "one of \(openInterestPeriods.joined(separator: ", "))")
            }
        }
        var barInterval = "1m"
        if let intervalNode = try node.optionalMember("priceBarInterval") {
            barInterval = try intervalNode.string()
            guard priceBarIntervals.contains(barInterval) else {
                throw intervalNode.error(expected: "one of \(priceBarIntervals.joined(separator: ", "))")
            }
        }
        var maxPages = 1
        if let pagesNode = try node.optionalMember("maxPages") {
            let pages = try pagesNode.int64()
            guard (1...1000).contains(pages) else { throw pagesNode.error(expected: "a page count from 1 to 1000") }
            maxPages = Int(pages)
        }
        var budget: Int?
        if let budgetNode = try node.optionalMember("requestBudget") {
            let requests = try budgetNode.int64()
            guard (1...1_000_000).contains(requests) else {
                throw budgetNode.error(expected: "a request count from 1 to 1000000")
            }
            budget = Int(requests)
        }
        var fixtureTime: Int64?
        if let timeNode = try node.optionalMember("fixtureTimeMs") {
            guard case .fixtures = source else { throw timeNode.error(expected: "no fixtureTimeMs without fixtures") }
            fixtureTime = try timeNode.timestampMs()
        }
        return VenueSpec(
            venue: venue, symbols: symbols, feeds: feeds, source: source, captures: captures,
            openInterestPeriod: period, priceBarInterval: barInterval, maxPages: maxPages, requestBudget: budget,
            fixtureTimeMs: fixtureTime, streamURL: streamURL, archiveURL: archiveURL)
    }

    static func heatmapSpec(_ node: JSONNode) throws(JSONError) -> HeatmapSpec {
        try node.requireOnlyKeys([
            "bucket", "bandWidthBps", "bandWidthUSD", "leverageTiers", "maintenanceMarginRates",
            "calibrateToOpenInterest",
        ])
        var heatmap = HeatmapSpec()
        if let bucketNode = try node.optionalMember("bucket") {
            guard let bucket = BucketSize(try bucketNode.string()) else {
                throw bucketNode.error(expected: "a bucket size such as 1m, 5m, 1h or 1d")
            }
            heatmap.bucket = bucket
        }
        if let bpsNode = try node.optionalMember("bandWidthBps") {
            heatmap.bandWidthBps = try positiveNumber(bpsNode, atMost: 10_000)
        }
        if let widthsNode = try node.optionalMember("bandWidthUSD") {
            for (asset, widthNode) in try widthsNode.members() {
                heatmap.bandWidthUSD[asset.uppercased()] = try positiveNumber(widthNode, atMost: 1e9)
            }
        }
        if let tiersNode = try node.optionalMember("leverageTiers") {
            var tiers: [EstimatedLevelsModel.Tier] = []
            for tierNode in try tiersNode.elements() {
                try tierNode.requireOnlyKeys(["leverage", "weight", "halfLifeHours"])
                let leverage = try positiveNumber(tierNode.member("leverage"), atMost: 1000)
                let weight = try positiveNumber(tierNode.member("weight"), atMost: 1)
                if let halfLifeNode = try tierNode.optionalMember("halfLifeHours") {
                    let hours = try positiveNumber(halfLifeNode, atMost: 24 * 3650)
                    tiers.append(.init(leverage: leverage, weight: weight, halfLifeMs: hours * 3_600_000))
                } else {
                    tiers.append(.init(leverage: leverage, weight: weight))
                }
            }
            let total = tiers.reduce(0) { $0 + $1.weight }
            guard !tiers.isEmpty, abs(total - 1) < 1e-9 else {
                throw tiersNode.error(expected: "tiers whose weights add up to 1")
            }
            heatmap.model.tiers = tiers
        }
        if let ratesNode = try node.optionalMember("maintenanceMarginRates") {
            for (name, rateNode) in try ratesNode.members() {
                guard let venue = Venue(rawValue: name) else {
                    throw rateNode.error(expected: "a rate keyed by a venue id (\(name) is not one)")
                }
                heatmap.model.maintenanceMarginRates[venue] = try positiveNumber(rateNode, atMost: 0.5)
            }
        }
        if let calibrateNode = try node.optionalMember("calibrateToOpenInterest") {
            heatmap.model.calibratesToOpenInterest = try calibrateNode.bool()
        }
        return heatmap
    }

    static func cascadeSpec(_ node: JSONNode) throws(JSONError) -> CascadeSpec {
        // Keys are the field names of CascadeDetectorConfig (documented there), plus the panel and Hawkes settings.
        let fractions: [String: WritableKeyPath<CascadeDetectorConfig, Double>] = [
            "zThreshold": \.zThreshold, "scaleFloor": \.scaleFloor, "scaleCeiling": \.scaleCeiling,
            "absoluteFloorUSD": \.absoluteFloorUSD,
            "priceMoveThreshold": \.priceMoveThreshold, "liquidationCollapseFraction": \.liquidationCollapseFraction,
            "fundingRetraceFraction": \.fundingRetraceFraction, "neutralFundingAnnualized": \.neutralFundingAnnualized,
            "openInterestStableFraction": \.openInterestStableFraction,
            "openInterestDrawdownFraction": \.openInterestDrawdownFraction, "volatilityFraction": \.volatilityFraction,
            "takerFlipShare": \.takerFlipShare,
        ]
        let counts: [String: WritableKeyPath<CascadeDetectorConfig, Int>] = [
            "baselineWindowMinutes": \.baselineWindowMinutes, "minimumBaselineMinutes": \.minimumBaselineMinutes,
            "floorWindowMinutes": \.floorWindowMinutes, "priceMoveWindowMinutes": \.priceMoveWindowMinutes,
            "mergeGapMinutes": \.mergeGapMinutes, "liquidationSmoothingMinutes": \.liquidationSmoothingMinutes,
            "exhaustionMinimumScore": \.exhaustionMinimumScore,
            "exhaustionConsecutiveMinutes": \.exhaustionConsecutiveMinutes, "cooldownMinutes": \.cooldownMinutes,
            "marketWideAssets": \.marketWideAssets, "marketWideWindowMinutes": \.marketWideWindowMinutes,
        ]
        let hawkes: [String: WritableKeyPath<CascadeSpec, Int>] = [
            "hawkesWindowMinutes": \.hawkesWindowMinutes, "hawkesRefitEveryMinutes": \.hawkesRefitEveryMinutes,
            "hawkesMinimumEvents": \.hawkesMinimumEvents,
        ]
        try node.requireOnlyKeys(
            Set(fractions.keys).union(counts.keys).union(hawkes.keys).union(["absoluteFloorUSDByAsset", "panel"]))
        var spec = CascadeSpec()
        for (key, valueNode) in try node.members() {
            if let path = fractions[key] {
                spec.detector[keyPath: path] = try positiveNumber(valueNode, atMost: 1e12)
            } else if let path = counts[key] {
                spec.detector[keyPath: path] = try positiveCount(valueNode)
            } else if let path = hawkes[key] {
                spec[keyPath: path] = try positiveCount(valueNode)
            } else if key == "absoluteFloorUSDByAsset" {
                for (asset, floorNode) in try valueNode.members() {
                    spec.detector.absoluteFloorUSDByAsset[asset.uppercased()] = try positiveNumber(
                        floorNode, atMost: 1e12)
                }
            } else if key == "panel" {
                try valueNode.requireOnlyKeys(["openInterestMaxAgeMinutes", "fundingMaxAgeMinutes"])
                if let age = try valueNode.optionalMember("openInterestMaxAgeMinutes") {
                    spec.panel.openInterestMaxAgeMinutes = try positiveCount(age)
                }
                if let age = try valueNode.optionalMember("fundingMaxAgeMinutes") {
                    spec.panel.fundingMaxAgeMinutes = try positiveCount(age)
                }
            }
        }
        return spec
    }

    static func positiveCount(_ node: JSONNode) throws(JSONError) -> Int {
        let value = try node.int64()
        guard value > 0, value <= 10_000_000 else { throw node.error(expected: "a whole number from 1 to 10000000") }
        return Int(value)
    }

    static func nonEmptyString(_ node: JSONNode) throws(JSONError) -> String {
        guard case .string(let text) = node.value, !text.isEmpty else {
            throw node.error(expected: "a non-empty string")
        }
        return text
    }

    static func positiveNumber(_ node: JSONNode, atMost limit: Double) throws(JSONError) -> Double {
        let value = try node.decimal()
        guard value > 0, value <= limit else {
            throw node.error(expected: "a number above 0 and at most \(NumberFormat.plain(limit))")
        }
        return value
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// `path` if absolute, else joined to `base` (`../Fixtures/okx` from `Pipelines` → `Pipelines/../Fixtures/okx`).
    static func resolve(_ path: String, against base: String) -> String {
        path.hasPrefix("/") || base == "." ? path : base + "/" + path
    }
}
