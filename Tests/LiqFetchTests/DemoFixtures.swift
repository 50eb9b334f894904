import LiqCore
import LiqFetch

/// Drives an adapter over the project's generated demo fixtures (`Fixtures/<venue>/`) the way a run does —
/// reference requests, feed requests through the fixture transport, capture lines through the stream decoder —
/// so a generator and its adapter cannot drift apart (a renamed query is a missing file, a changed shape a
/// decoding error).
enum DemoFixtures {
    /// `<package root>/Fixtures/<venue>`, found from this file's path.
    static func directory(_ venue: Venue) -> String {
        var components = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        components.removeLast(3)
        return components.joined(separator: "/") + "/Fixtures/" + venue.rawValue
    }

    struct Answer: Error, CustomStringConvertible {
        var url: String
        var status: Int
        var description: String { "\(url): HTTP \(status)" }
    }

    static func document(_ request: VenueRequest, transport: FixtureDirectoryTransport) throws -> JSONNode {
        let response = try transport.get(HTTPRequest(url: request.url(baseURL: FixtureDirectoryTransport.baseURL)))
        guard response.status == 200 else { throw Answer(url: response.url, status: response.status) }
        return try JSONNode.parse(response.body, origin: response.url)
    }

    /// The reference data and every record the fixtures yield (first pages only, as the demo spec asks).
    static func run(_ adapter: any VenueAdapter, captures: [String] = []) throws -> (ReferenceData, [VenueRecord]) {
        let transport = FixtureDirectoryTransport(rootDirectory: directory(adapter.venue))
        var reference = ReferenceData()
        for request in adapter.referenceRequests() {
            try adapter.absorbReference(try document(request, transport: transport), for: request, into: &reference)
        }
        var records = reference.records
        for request in try adapter.feedRequests(reference: reference) {
            records += try adapter.decodeFeed(try document(request, transport: transport), for: request)
        }
        for capture in captures {
            let reader = try CaptureReader(path: directory(adapter.venue) + "/captures/" + capture)
            var decoder = adapter.makeStreamDecoder()
            while let line = try reader.nextLine() {
                records += try decoder.decode(line: line, origin: "\(capture):\(reader.lineNumber)")
            }
        }
        return (reference, records)
    }
}
