import LiqCore

/// The next (older) page of a Bybit history request: pages are newest first, so open interest follows
/// `nextPageCursor` and funding history and klines move their end time to just before the oldest row returned.
/// A page shorter than its `limit` is the last one.
enum BybitPaging {
    static func nextPage(after request: VenueRequest, document: JSONNode) throws -> VenueRequest? {
        let result = try BybitEnvelope.result(document)
        let rows = try result.member("list").elements()
        let limit = request.queryValue("limit").flatMap { Int($0) } ?? BybitEndpoints.historyPageLimit
        guard !rows.isEmpty, rows.count >= limit else { return nil }
        switch request.path {
        case BybitEndpoints.openInterest(category: .linear, symbol: "", intervalTime: "", limit: 0).path:
            guard let cursorNode = try result.optionalMember("nextPageCursor") else { return nil }
            let sent = try cursorNode.string()
            guard !sent.isEmpty else { return nil }
            // Bybit sends the cursor percent-encoded and expects it back verbatim (pybit and ccxt put it in the
            // URL as is). Query values are encoded when the URL is built, so the decoded text is stored: the URL
            // then carries exactly the bytes Bybit sent.
            guard let cursor = percentDecoded(sent) else {
                throw cursorNode.error(expected: "a percent-encoded cursor")
            }
            guard cursor != request.queryValue("cursor") else { return nil }
            return replacing("cursor", with: cursor, in: request)
        case BybitEndpoints.fundingHistory(category: .linear, symbol: "", limit: 0).path:
            let oldest = try rows.map { (row) throws(JSONError) in try row.member("fundingRateTimestamp").timestampMs()
            }
            .min()!
            return try olderPage(of: request, parameter: "endTime", before: oldest)
        case BybitEndpoints.kline(category: .linear, symbol: "", interval: "", limit: 0).path:
            let oldest = try rows.map { (row) throws(JSONError) in try row.element(0).timestampMs() }.min()!
            return try olderPage(of: request, parameter: "end", before: oldest)
        default:
            return nil
        }
    }

    /// `request` ending 1 ms before `oldestMs`, or nil when that would not move it back (a venue ignoring the
    /// parameter must not make us fetch the same page forever).
    static func olderPage(of request: VenueRequest, parameter: String, before oldestMs: Int64) throws -> VenueRequest? {
        let end = oldestMs - 1
        if let previous = request.queryValue(parameter).flatMap({ Int64($0) }), end >= previous { return nil }
        return replacing(parameter, with: String(end), in: request)
    }

    static func replacing(_ name: String, with value: String, in request: VenueRequest) -> VenueRequest {
        var next = request
        next.query.removeAll { $0.name == name }
        next.query.append(.init(name, value))
        return next
    }

    /// `%XX` sequences decoded to bytes, the result read as UTF-8; nil for a malformed sequence.
    static func percentDecoded(_ text: String) -> String? {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next(), let low = iterator.next(),
                let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
            else { return nil }
            bytes.append(value)
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
