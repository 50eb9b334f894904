import LiqCore
import LiqEmit
import LiqFetch
import LiqNormalise

/// Decodes raw payloads of one venue and feed into canonical records, whatever endpoint or stream they came
/// from: a line is tried as a stream message first, then as the answer to each REST request of that feed.
///
/// Contract sizes come from `--instruments FILE` or the bundled `Fixtures/<venue>/` instruments; the bundled
/// reference data also supplies funding intervals and marks where a payload lacks them.
struct PayloadDecoder {
    let feed: Feed?
    /// `--symbols`, when given; otherwise every listed instrument is kept.
    let requestedSymbols: Set<String>?
    var runtime: VenueRuntime
    var streamDecoder: any StreamDecoder
    /// One request per distinct endpoint of the feed, whose path selects the adapter's decoder.
    let candidates: [Candidate]

    /// A REST endpoint a payload may have come from: feed answers go through `decodeFeed`, reference answers
    /// (which also carry records, such as running funding rates) through `absorbReference`.
    enum Candidate {
        case feed(VenueRequest)
        case reference(VenueRequest)
    }
    let normaliser: Normaliser
    var batch = NormalisedBatch()
    var instruments: [Instrument] = []

    init(venue: Venue, feed: Feed?, instrumentsFile: String?, symbols requested: [String]?) throws {
        self.feed = feed
        let bundled = ProjectFiles.locate("Fixtures/\(venue.rawValue)", isDirectory: true)
        var instrumentDocuments: [(VenueRequest, JSONNode)] = []
        if let instrumentsFile {
            let bytes = try FileBytes.read(instrumentsFile, maxBytes: DecodeCommand.maxInstrumentsBytes)
            let document = try JSONNode.parse(bytes, origin: instrumentsFile)
            instrumentDocuments = VenueCatalog.instrumentsRequests(venue: venue).map { ($0, document) }
        } else if let bundled {
            let transport = FixtureDirectoryTransport(rootDirectory: bundled)
            for request in VenueCatalog.instrumentsRequests(venue: venue) {
                let response = try transport.get(
                    HTTPRequest(
                        url: request.url(baseURL: FixtureDirectoryTransport.baseURL),
                        maxBodyBytes: DecodeCommand.maxInstrumentsBytes))
                guard response.status == 200 else { continue }
                instrumentDocuments.append((request, try JSONNode.parse(response.body, origin: response.url)))
            }
        } else {
            throw UsageError(
                "no --instruments FILE given and the bundled Fixtures/\(venue.rawValue) was not found",
                command: "decode")
        }
        var listed: [Instrument] = []
        if let instrumentsFile, let document = instrumentDocuments.first?.1 {
            listed = try VenueCatalog.listedInstruments(venue: venue, document: document)
            guard !listed.isEmpty else {
                throw UsageError("\(instrumentsFile) lists no \(venue.rawValue) instruments", command: "decode")
            }
        } else {
            for (_, document) in instrumentDocuments {
                listed += try VenueCatalog.listedInstruments(venue: venue, document: document)
            }
        }
        let symbolList = requested ?? listed.map(\.symbol)
        requestedSymbols = requested.map(Set.init)
        let spec = VenueSpec(
            venue: venue, symbols: symbolList, feeds: feed.map { [$0] } ?? [],
            source: .fixtures(directory: bundled ?? "."),
            captures: [], openInterestPeriod: "5m", priceBarInterval: "1m", maxPages: 1, requestBudget: nil,
            fixtureTimeMs: nil)
        runtime = VenueRuntime(spec: spec)
        for (request, document) in instrumentDocuments {
            try runtime.adapter.absorbReference(document, for: request, into: &runtime.reference)
        }
        // Intervals and marks from the bundled reference data, where it has them; a payload that needs one the
        // fixtures lack gets the normaliser's error naming the instrument.
        if bundled != nil {
            let fetcher = runtime.makeFetcher(retry: RetryPolicy(maxAttempts: 1))
            for request in runtime.adapter.referenceRequests() where request.feed != nil {
                guard
                    let response = try? IngestRun.get(
                        request, baseURL: runtime.baseURL, fetcher: fetcher, http: HTTPSettings()),
                    let document = try? JSONNode.parse(response.body, origin: response.url)
                else { continue }
                var scratch = runtime.reference
                if (try? runtime.adapter.absorbReference(document, for: request, into: &scratch)) != nil {
                    scratch.records = runtime.reference.records
                    runtime.reference = scratch
                }
            }
        }
        streamDecoder = runtime.adapter.makeStreamDecoder()
        // Reference endpoints first: their decoders are the stricter ones (OKX's running funding rate also has
        // the `fundingRate`/`fundingTime` pair the history decoder accepts, but not the other way round).
        // One candidate per endpoint: the path plus the names of its query (Hyperliquid sends every request to
        // `/info` and tells them apart by `type` and its parameters); per-symbol copies collapse into one. Instrument
        // lists are candidates for every feed: on some venues they carry its values (BitMEX instrument rows hold
        // open interest, funding and the mark).
        var endpoints: Set<String> = []
        func isNew(_ request: VenueRequest) -> Bool {
            endpoints.insert(request.path + "?" + request.query.map(\.name).sorted().joined(separator: "&")).inserted
        }
        let referenceRequests = runtime.adapter.referenceRequests()
            .filter { ($0.feed == feed || $0.feed == nil) && isNew($0) }
        let feedRequests = ((try? runtime.adapter.feedRequests(reference: runtime.reference)) ?? [])
            .filter { $0.feed == feed && isNew($0) }
        candidates = referenceRequests.map(Candidate.reference) + feedRequests.map(Candidate.feed)
        normaliser = runtime.normaliser
    }
}

extension PayloadDecoder.Candidate {
    var path: String {
        switch self {
        case .feed(let request), .reference(let request): request.path
        }
    }
}
