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

    static func get(_ request: VenueRequest, baseURL: String, transport: any HTTPFetching, http: HTTPSettings) throws
        -> HTTPResponse
    {
        let httpRequest = HTTPRequest(
            url: request.url(baseURL: baseURL), headers: ["Accept": "application/json"],
            timeouts: HTTPTimeouts(connectSeconds: http.connectTimeoutSeconds, totalSeconds: http.totalTimeoutSeconds),
            maxBodyBytes: http.maxBodyBytes)
        let response = try transport.get(httpRequest)
        guard (200..<300).contains(response.status) else {
            let printable = response.body.prefix(200).map {
                (0x20..<0x7F).contains($0) ? Character(Unicode.Scalar($0)) : " "
            }
            throw HTTPStatusError(url: response.url, status: response.status, bodyPrefix: String(printable))
        }
        return response
    }

    /// Performs one feed request; a failure becomes a `SourceFailure` item instead of stopping the pipeline.
    static func fetch(
        _ request: VenueRequest, venueIndex: Int, runtime: VenueRuntime, transport: any HTTPFetching, http: HTTPSettings
    ) -> RawItem {
        do {
            let response = try get(request, baseURL: runtime.baseURL, transport: transport, http: http)
            return .response(venueIndex: venueIndex, request, response)
        } catch {
            return .failure(runtime.failures(of: request, origin: request.url(baseURL: runtime.baseURL), error: error))
        }
    }

    /// Streams a capture file in chunks of lines; an unreadable file becomes a `SourceFailure` item.
    static func readCapture(
        _ path: String, runtime: VenueRuntime, venueIndex: Int, emit: (RawItem) throws -> Void
    ) throws {
        let reader: LineReader
        do {
            reader = try LineReader(path: path)
        } catch {
            return try emit(
                .failure([
                    SourceFailure(venue: runtime.spec.venue, feed: .liquidations, origin: path, message: "\(error)")
                ]))
        }
        var chunk: [[UInt8]] = []
        var firstLine = 1
        while true {
            let line: [UInt8]?
            do {
                line = try reader.nextLine()
            } catch {
                if !chunk.isEmpty {
                    try emit(.captureLines(venueIndex: venueIndex, path: path, firstLine: firstLine, lines: chunk))
                }
                return try emit(
                    .failure([
                        SourceFailure(venue: runtime.spec.venue, feed: .liquidations, origin: path, message: "\(error)")
                    ]))
            }
            guard let line else { break }
            chunk.append(line)
            if chunk.count == captureChunkLines {
                try emit(.captureLines(venueIndex: venueIndex, path: path, firstLine: firstLine, lines: chunk))
                firstLine = reader.lineNumber + 1
                chunk.removeAll(keepingCapacity: true)
            }
        }
        if !chunk.isEmpty {
            try emit(.captureLines(venueIndex: venueIndex, path: path, firstLine: firstLine, lines: chunk))
        }
    }
}
