/// Collects one transfer's body and final header block from libcurl's write and header callbacks, and enforces the
/// byte limits there, where a transfer can still be stopped.
///
/// A class because libcurl reaches it through an opaque pointer (`Unmanaged`); one instance per request, used only
/// on the thread running `curl_easy_perform`.
final class ResponseAccumulator {
    /// Body limit in bytes after content decoding.
    let maxBodyBytes: Int
    /// Limit in bytes on all header lines received, across interim and redirect responses.
    let maxHeaderBytes: Int

    private(set) var body: [UInt8] = []
    /// Headers of the most recent response block; a new status line starts a new block.
    private(set) var headers = HTTPHeaders()
    /// Why the transfer was aborted from a callback; libcurl then reports only a generic write error.
    private(set) var abortReason: HTTPError.Kind?
    private var headerBytes = 0

    init(maxBodyBytes: Int, maxHeaderBytes: Int) {
        self.maxBodyBytes = maxBodyBytes
        self.maxHeaderBytes = maxHeaderBytes
    }

    /// Appends body bytes. Returns the number of bytes taken, which libcurl requires to equal `bytes.count` to
    /// continue; returning 0 once the limit would be passed makes libcurl abort with CURLE_WRITE_ERROR.
    func appendBody(_ bytes: UnsafeRawBufferPointer) -> Int {
        guard bytes.count <= maxBodyBytes - body.count else {
            abortReason = .bodyTooLarge(limit: maxBodyBytes)
            return 0
        }
        body.append(contentsOf: bytes)
        return bytes.count
    }

    /// Takes one complete header line as libcurl delivers it (CRLF included). Returns `line.count` to continue or 0
    /// to abort the transfer when the header limit would be passed.
    func appendHeaderLine(_ line: UnsafeRawBufferPointer) -> Int {
        guard line.count <= maxHeaderBytes - headerBytes else {
            abortReason = .headersTooLarge(limit: maxHeaderBytes)
            return 0
        }
        headerBytes += line.count
        parseHeaderLine(line)
        return line.count
    }

    /// Works on UTF-8 bytes, not Characters: in Swift "\r\n" is a single Character, so Character-wise trimming of
    /// CR and LF silently does nothing.
    private func parseHeaderLine(_ line: UnsafeRawBufferPointer) {
        let trimmed = Self.trimmingWhitespace(line[...])
        if trimmed.starts(with: "HTTP/".utf8) {
            headers = HTTPHeaders()
            return
        }
        guard let colon = trimmed.firstIndex(of: UInt8(ascii: ":")) else {
            return  // The blank line that ends a block, or a malformed line.
        }
        let name = Self.trimmingWhitespace(trimmed[..<colon])
        guard !name.isEmpty else {
            return
        }
        let value = Self.trimmingWhitespace(trimmed[(colon + 1)...])
        headers.add(name: String(decoding: name, as: UTF8.self), value: String(decoding: value, as: UTF8.self))
    }

    private static func trimmingWhitespace(_ bytes: Slice<UnsafeRawBufferPointer>) -> Slice<UnsafeRawBufferPointer> {
        let isWhitespace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }
        guard let first = bytes.firstIndex(where: { !isWhitespace($0) }),
            let last = bytes.lastIndex(where: { !isWhitespace($0) })
        else {
            return bytes[bytes.startIndex..<bytes.startIndex]
        }
        return bytes[first...last]
    }
}
