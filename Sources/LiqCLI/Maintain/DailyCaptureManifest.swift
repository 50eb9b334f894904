import LiqEmit

#if canImport(Glibc)
    @preconcurrency import Glibc
#endif

/// What a daily capture file holds, stored in the file itself: its first gzip member is empty (no lines) and
/// carries in its header comment (RFC 1952 FCOMMENT) the line count and the names of every hourly segment
/// concatenated into it — `liqpipe-daily-capture/1 lines=N sources=a.ndjson.gz b.1.ndjson.gz`.
///
/// Why inside the file: the manifest must change in the same atomic rename as the data it describes. A crash after
/// the rename but before the hourly segments are removed leaves segments the manifest names — already in the daily
/// file, so the next `maintain` only removes them — while a segment the manifest does not name (the collector
/// recovering an old `.part` later) is appended. Nothing is counted twice, nothing is dropped. Any gzip reader
/// (`CaptureReader`, `zcat`) reads the empty member as nothing.
struct DailyCaptureManifest: Sendable, Equatable {
    static let tag = "liqpipe-daily-capture/1"
    /// Manifest members are small (a few KiB for a day of segments); a header longer than this is not ours.
    static let maxHeaderBytes = 1 << 20

    /// Lines of the whole daily file (the sources' lines together).
    var lines: Int
    /// File names of the hourly segments concatenated into the file, in the order they were appended.
    var sources: [String]

    /// The empty gzip member: header with FCOMMENT, an empty final fixed-Huffman block (`03 00`), CRC-32 0 and
    /// length 0 (the CRC of no bytes is 0).
    func member() -> [UInt8] {
        let comment = "\(Self.tag) lines=\(lines) sources=\(sources.joined(separator: " "))"
        // ID1 ID2, CM deflate, FLG FCOMMENT, MTIME 0 (reproducible), XFL 0, OS unknown.
        var bytes: [UInt8] = [0x1F, 0x8B, 0x08, 0x10, 0, 0, 0, 0, 0, 0xFF]
        bytes += Array(comment.utf8) + [0]
        bytes += [0x03, 0x00] + [UInt8](repeating: 0, count: 8)
        return bytes
    }

    /// The manifest at the start of `path` and the byte length of its member (where the data members start);
    /// nil when the file does not start with one (a daily file not written by `maintain`).
    static func read(_ path: String) throws(OutputError) -> (manifest: DailyCaptureManifest, memberBytes: Int)? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw MaintainFiles.failure(path, "open") }
        defer { close(descriptor) }
        var head: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while head.count < maxHeaderBytes, head.dropFirst(10).firstIndex(of: 0) == nil {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress!, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw MaintainFiles.failure(path, "read")
            }
            if count == 0 { break }
            head += chunk[..<count]
        }
        guard head.count > 10, head[0..<4] == [0x1F, 0x8B, 0x08, 0x10],
            let end = head.dropFirst(10).firstIndex(of: 0), head.count >= end + 11,
            head[(end + 1)..<(end + 11)] == [0x03, 0x00, 0, 0, 0, 0, 0, 0, 0, 0]
        else { return nil }
        let words = String(decoding: head[10..<end], as: UTF8.self).split(separator: " ").map(String.init)
        guard words.count >= 2, words[0] == tag, words[1].hasPrefix("lines="), let lines = Int(words[1].dropFirst(6)),
            words.count == 2 || words[2].hasPrefix("sources=")
        else { return nil }
        var sources = words.dropFirst(2).map { $0 }
        if !sources.isEmpty { sources[0] = String(sources[0].dropFirst("sources=".count)) }
        return (DailyCaptureManifest(lines: lines, sources: sources.filter { !$0.isEmpty }), end + 11)
    }
}
