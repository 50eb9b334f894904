import LiqCore
import LiqFetch
import Testing

/// Drives an adapter over the committed demo fixtures (`Fixtures/<venue>/`) the way a run does: reference
/// requests, feed requests and their pages (up to the selection's page limit), then every capture line through one
/// stream decoder. A fixture file whose name differs from the request the adapter sends shows up as a 404 here.
struct DemoFixtureRun {
    var reference = ReferenceData()
    /// Feed records per request path and query.
    var feedRecords: [String: [VenueRecord]] = [:]
    var captureRecords: [VenueRecord] = []

    /// `<package root>/Fixtures/<venue>`, found from this file's path.
    static func directory(_ venue: Venue) -> String {
        var components = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        components.removeLast(3)
        return components.joined(separator: "/") + "/Fixtures/" + venue.rawValue
    }

    init(_ adapter: any VenueAdapter, captures: [String] = []) throws {
        let root = Self.directory(adapter.venue)
        let transport = FixtureDirectoryTransport(rootDirectory: root)
        func fetch(_ request: VenueRequest) throws -> JSONNode {
            let response = try transport.get(HTTPRequest(url: request.url(baseURL: FixtureDirectoryTransport.baseURL)))
            try #require(response.status == 200, "\(response.url): HTTP \(response.status)")
            return try JSONNode.parse(response.body, origin: response.url)
        }
        for request in adapter.referenceRequests() {
            try adapter.absorbReference(try fetch(request), for: request, into: &reference)
        }
        for first in try adapter.feedRequests(reference: reference) {
            var request: VenueRequest? = first
            var pages = 0
            while let current = request, pages < max(1, adapter.selection.maxPages) {
                pages += 1
                let document = try fetch(current)
                let records = try adapter.decodeFeed(document, for: current)
                feedRecords[current.path + "?" + current.queryString] = records
                request = try adapter.nextPage(after: current, document: document, records: records)
            }
        }
        for capture in captures {
            let reader = try CaptureReader(path: root + "/captures/" + capture)
            var decoder = adapter.makeStreamDecoder()
            while let line = try reader.nextLine() {
                captureRecords += try decoder.decode(line: line, origin: "\(capture):\(reader.lineNumber)")
            }
        }
    }

    /// All feed records of `feed`, in request order.
    func records(of feed: Feed) -> [VenueRecord] {
        feedRecords.keys.sorted().flatMap { feedRecords[$0]! }.filter { $0.feed == feed }
    }
}
