import LiqCLI
import LiqCore
import LiqFetch

/// One venue's adapter set up as a demo run sets it up (the demo spec's selection, reference data absorbed from
/// the venue's fixtures), with every REST endpoint its decoders answer for.
struct VenueBench: Sendable {
    let adapter: any VenueAdapter
    let reference: ReferenceData
    /// Reference requests (instruments, intervals, marks), one per endpoint.
    let referenceRequests: [VenueRequest]
    /// Feed requests, one per endpoint.
    let feedRequests: [VenueRequest]

    /// Failures name what is missing: the harness cannot run without the demo spec and fixtures.
    struct SetupError: Error, CustomStringConvertible {
        var description: String
    }

    init(venue: Venue, fixturesRoot: String) throws {
        let spec = try SpecLoader.load(path: fixturesRoot + "/Pipelines/demo.json")
        guard let venueSpec = spec.venues.first(where: { $0.venue == venue }) else {
            throw SetupError(description: "Pipelines/demo.json has no \(venue.rawValue) block")
        }
        let selection = VenueSelection(
            symbols: venueSpec.symbols, feeds: venueSpec.feeds, openInterestPeriod: venueSpec.openInterestPeriod,
            priceBarInterval: venueSpec.priceBarInterval, maxPages: 1)
        adapter = VenueCatalog.adapter(for: venue, selection: selection, nowMs: { 1_760_126_400_000 })
        let transport = FixtureDirectoryTransport(rootDirectory: fixturesRoot + "/Fixtures/\(venue.rawValue)")
        var reference = ReferenceData()
        var endpoints: Set<String> = []
        func isNew(_ request: VenueRequest) -> Bool {
            endpoints.insert(request.path + "?" + request.query.map(\.name).sorted().joined(separator: "&")).inserted
        }
        var referenceRequests: [VenueRequest] = []
        for request in adapter.referenceRequests() {
            let response = try transport.get(
                HTTPRequest(url: request.url(baseURL: FixtureDirectoryTransport.baseURL), maxBodyBytes: 64 << 20))
            if response.status == 200 {
                let document = try JSONNode.parse(response.body, origin: response.url)
                try? adapter.absorbReference(document, for: request, into: &reference)
            }
            if isNew(request) { referenceRequests.append(request) }
        }
        self.reference = reference
        self.referenceRequests = referenceRequests
        feedRequests = try adapter.feedRequests(reference: reference).filter(isNew)
    }

    /// The input as the answer to each endpoint. Where the venue has a byte-level decoder that accepts the body,
    /// the tree decoder must accept it too and produce the same records: the fast path is an optimisation, never
    /// a second opinion.
    func decodeREST(_ data: [UInt8]) {
        let document = try? JSONNode.parse(data, origin: "fuzz")
        for request in referenceRequests {
            guard let document else { break }
            var scratch = reference
            try? adapter.absorbReference(document, for: request, into: &scratch)
        }
        for request in feedRequests {
            let tree = document.flatMap { try? adapter.decodeFeed($0, for: request) }
            if let fast = adapter.fastDecodeFeed(data, for: request), fast != tree {
                fatalError(
                    "fast path of \(request.path) disagrees with the tree decoder: \(fast) vs \(String(describing: tree))"
                )
            }
        }
    }

    /// The input's lines through one stream decoder in order. A second decoder sees the same lines parsed first
    /// (the default `decode(line:)`), so a byte-level override must agree with it line by line. The one allowed
    /// difference: an override may accept a keep-alive that is not JSON (OKX's bare `pong`) with no records.
    func decodeStream(_ data: [UInt8]) {
        var lineDecoder = adapter.makeStreamDecoder()
        var treeDecoder = adapter.makeStreamDecoder()
        for line in data.split(separator: 0x0A, omittingEmptySubsequences: true) {
            let bytes = Array(line)
            let viaLine = try? lineDecoder.decode(line: bytes, origin: "fuzz")
            let parsed = try? JSONNode.parse(bytes, origin: "fuzz")
            let viaTree = parsed.flatMap { try? treeDecoder.decode($0) }
            let keepAlive = parsed == nil && viaLine == []
            if viaLine != viaTree && !keepAlive {
                fatalError(
                    "decode(line:) disagrees with the parsed path: \(String(describing: viaLine)) vs \(String(describing: viaTree))"
                )
            }
        }
    }
}
