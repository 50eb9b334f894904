import LiqCore
import LiqFetch

extension IngestRun {
    /// A non-2xx answer: the venue (or fixture directory) refused the request.
    struct HTTPStatusError: Error, CustomStringConvertible {
        var url: String
        var status: Int
        /// The start of the body, printable characters only, to show the venue's own error text.
        var bodyPrefix: String

        var description: String { "\(url): HTTP \(status)\(bodyPrefix.isEmpty ? "" : ": \(bodyPrefix)")" }
    }

    static func get(_ request: VenueRequest, baseURL: String, fetcher: ResilientFetcher, http: HTTPSettings) throws
        -> HTTPResponse
    {
        var httpRequest = HTTPRequest(
            url: request.url(baseURL: baseURL), headers: ["Accept": "application/json"],
            timeouts: HTTPTimeouts(connectSeconds: http.connectTimeoutSeconds, totalSeconds: http.totalTimeoutSeconds),
            maxBodyBytes: http.maxBodyBytes)
        // A POST-only venue gets its JSON body and no query; a fixture directory still reads the query-named file.
        if let body = request.body, baseURL != FixtureDirectoryTransport.baseURL {
            let base = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
            httpRequest.url = base + request.path
            httpRequest.body = Array(body.utf8)
            httpRequest.headers.add(name: "Content-Type", value: "application/json")
        }
        let response = try fetcher.get(httpRequest, weight: request.weight)
        guard (200..<300).contains(response.status) else {
            throw HTTPStatusError(url: response.url, status: response.status, bodyPrefix: response.bodyExcerpt())
        }
        return response
    }

    /// Fetches one feed request and its older pages (up to the selection's page limit, or until a page reaches
    /// the stored cursors), emitting each page's records as soon as it is decoded; a failing page ends the paging
    /// and becomes a failure item.
    static func fetchPages(
        _ first: VenueRequest, venueIndex: Int, runtime: VenueRuntime, fetcher: ResilientFetcher, http: HTTPSettings,
        cursors: [SourceKey: Int64] = [:], emit: (DecodedItem) throws -> Void
    ) throws {
        var request: VenueRequest? = first
        var pages = 0
        while let current = request, pages < max(1, runtime.spec.maxPages) {
            pages += 1
            let origin = current.url(baseURL: runtime.baseURL)
            do {
                let response = try get(current, baseURL: runtime.baseURL, fetcher: fetcher, http: http)
                // The byte-level decoder where the adapter has one; the tree is parsed only when it falls back or
                // the next page's cursor is needed.
                var document: JSONNode?
                let records: [VenueRecord]
                if let fast = runtime.adapter.fastDecodeFeed(response.body, for: current) {
                    records = fast
                } else {
                    let parsed = try JSONNode.parse(response.body, origin: response.url)
                    document = parsed
                    records = try runtime.adapter.decodeFeed(parsed, for: current)
                }
                try emit(.records(venueIndex: venueIndex, origin: response.url, records))
                guard pages < max(1, runtime.spec.maxPages),
                    !reachesCursors(records, venue: runtime.spec.venue, cursors: cursors)
                else { break }
                let parsed = try document ?? JSONNode.parse(response.body, origin: response.url)
                request = try runtime.adapter.nextPage(after: current, document: parsed, records: records)
            } catch let error as CancellationError {
                throw error
            } catch {
                return try emit(.failure(runtime.failures(of: current, origin: origin, error: error)))
            }
        }
    }

    /// Whether a page goes back as far as what the store already holds: every symbol on it has a cursor and the
    /// page's oldest observed record of that symbol is at or before it. Older pages would only repeat stored
    /// records. An empty page, or one of a symbol never stored, does not stop the paging.
    static func reachesCursors(_ records: [VenueRecord], venue: Venue, cursors: [SourceKey: Int64]) -> Bool {
        guard !cursors.isEmpty else { return false }
        var oldest: [SourceKey: Int64] = [:]
        for record in records {
            if case .funding(let funding) = record, funding.kind != .settled { continue }
            let key = SourceKey(venue: venue, feed: record.feed, symbol: record.symbol)
            oldest[key] = min(oldest[key] ?? .max, record.timestampMs)
        }
        return !oldest.isEmpty && oldest.allSatisfy { key, time in cursors[key].map { time <= $0 } ?? false }
    }

    /// Streams a capture file (plain or gzip NDJSON; envelope lines from the collector or bare venue messages)
    /// through one stream decoder, in order, emitting records in chunks; a bad line is a failure naming file:line
    /// and the lines around it still count. A torn gzip tail the reader skipped is a failure naming the byte offset.
    /// Finally the number of non-blank lines read (bad ones included) is emitted for the run's capture cursor.
    static func readCapture(
        _ path: String, runtime: VenueRuntime, venueIndex: Int, emit: (DecodedItem) throws -> Void
    ) throws {
        let lines = try readCaptureLines(path, runtime: runtime, venueIndex: venueIndex, emit: emit)
        try emit(.captureRead(path: path, lines: lines))
    }

    /// `readCapture` without the final count, which it returns.
    private static func readCaptureLines(
        _ path: String, runtime: VenueRuntime, venueIndex: Int, emit: (DecodedItem) throws -> Void
    ) throws -> Int {
        func failure(_ origin: String, _ message: String) -> DecodedItem {
            .failure([SourceFailure(venue: runtime.spec.venue, feed: .liquidations, origin: origin, message: message)])
        }
        let reader: CaptureReader
        do {
            reader = try CaptureReader(path: path)
        } catch {
            try emit(failure(path, "\(error)"))
            return 0
        }
        var decoder = runtime.adapter.makeStreamDecoder()
        var records: [VenueRecord] = []
        var linesInChunk = 0
        var linesRead = 0
        while true {
            let line: [UInt8]?
            do {
                line = try reader.nextLine()
            } catch {
                try emit(.records(venueIndex: venueIndex, origin: path, records))
                try emit(failure(path, "\(error)"))
                return linesRead
            }
            guard let line else { break }
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            let origin = "\(path):\(reader.lineNumber)"
            do {
                let capture = try CaptureLine.parse(line, path: path, lineNumber: reader.lineNumber)
                records += try decoder.decode(line: Array(capture.message), origin: origin)
            } catch {
                try emit(failure(origin, "\(error)"))
            }
            linesInChunk += 1
            linesRead += 1
            if linesInChunk == captureChunkLines {
                try emit(.records(venueIndex: venueIndex, origin: path, records))
                records.removeAll(keepingCapacity: true)
                linesInChunk = 0
            }
        }
        if !records.isEmpty { try emit(.records(venueIndex: venueIndex, origin: path, records)) }
        for warning in reader.warnings { try emit(failure(path, warning)) }
        return linesRead
    }
}
