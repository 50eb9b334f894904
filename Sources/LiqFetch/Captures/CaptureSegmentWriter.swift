import LiqCore

#if canImport(Glibc)
    @preconcurrency import Glibc
#endif

/// Stores raw messages crash-safely in append-only segments, one per (venue, UTC hour of receive time):
/// `<directory>/<venue>/<YYYY-MM-DD>/<venue>-<YYYYMMDD>T<HH>.ndjson.gz`, named `….ndjson.gz.part` while open.
///
/// A segment is a series of gzip members. Records are compressed as they arrive; a member is completed, written
/// and fsync'd on `flush()`, and automatically once `flushBytes` of NDJSON are buffered or the buffered records
/// span `flushIntervalMs` of receive time (`flushIfDue(nowMs:)` lets an idle caller apply the time limit too).
/// A record of a later hour (or `close()`) closes the venue's segment: last member flushed and fsync'd, file
/// renamed to its final name, directory fsync'd.
///
/// Crash-loss bound: a crash (even a power loss) loses only the records buffered since their venue's last
/// flush — at most `flushBytes` of NDJSON plus one record, or `flushIntervalMs` of receive time, per venue with
/// the default 1 MiB / 1000 ms — and never a closed segment. The file on disk ends in complete members, or in
/// one torn member if the crash hit a write; `recover(directory:)` truncates that member and renames leftover
/// `.part` files, and `CaptureReader` reads a torn `.part` up to its last complete member anyway.
///
/// A record received earlier than its venue's open hour (a clock stepped back) goes into the open segment: a
/// closed segment is never reopened. If the hour's segment already exists (a restart within the hour), the new
/// one gets the next sequence suffix (`…T<HH>.1.ndjson.gz`). Memory: per venue with an open segment, zlib's
/// ~256 KiB of state plus the compressed bytes of one member. One thread: not `Sendable`.
public final class CaptureSegmentWriter {
    public let directory: String
    /// Uncompressed NDJSON bytes buffered per venue before a member is completed.
    public let flushBytes: Int
    /// Receive-time span of buffered records, in milliseconds, after which a member is completed.
    public let flushIntervalMs: Int64
    private let compressionLevel: Int32
    private var open: [String: OpenSegment] = [:]

    /// An open `.part` segment and the member being compressed into it.
    private final class OpenSegment {
        let name: CaptureSegmentName
        let partPath: String
        let finalPath: String
        let descriptor: Int32
        let deflater: GzipMemberDeflater
        /// Receive time of the first record of the open member.
        var memberStartMs: Int64?
        /// Bytes of complete members on disk; a failed write is cut back to here.
        var committedBytes: Int64 = 0

        init(name: CaptureSegmentName, partPath: String, finalPath: String, descriptor: Int32, level: Int32) {
            self.name = name
            self.partPath = partPath
            self.finalPath = finalPath
            self.descriptor = descriptor
            deflater = GzipMemberDeflater(level: level)
        }
    }

    /// `compressionLevel` is zlib's 1–9 (default 6).
    public init(
        directory: String, flushBytes: Int = 1 << 20, flushIntervalMs: Int64 = 1000, compressionLevel: Int32 = 6
    ) {
        self.directory = directory
        self.flushBytes = flushBytes
        self.flushIntervalMs = flushIntervalMs
        self.compressionLevel = compressionLevel
    }

    /// Closes descriptors only: segments still open stay `.part` (flushed members kept) for `recover`.
    deinit {
        for segment in open.values { Glibc.close(segment.descriptor) }
    }

    /// Segments this writer closed (renamed to their final name).
    public private(set) var closedSegmentCount = 0

    /// Paths of the segments currently open (`.part`), sorted.
    public var openSegmentPaths: [String] { open.values.map(\.partPath).sorted() }

    /// Buffers one record into its venue's segment, rotating the segment when the record's hour is later.
    public func append(_ record: CaptureRecord) throws(CaptureFileError) {
        let name = CaptureSegmentName(venue: record.venue, receivedMs: record.receivedMs)
        if let current = open[record.venue], name.hourStartMs > current.name.hourStartMs { try finish(current) }
        let target: OpenSegment
        if let current = open[record.venue] {
            target = current
        } else {
            target = try startSegment(name)
        }
        target.deflater.append(record.ndjsonLine())
        let memberStartMs = target.memberStartMs ?? record.receivedMs
        target.memberStartMs = memberStartMs
        if target.deflater.memberInputBytes >= flushBytes || record.receivedMs - memberStartMs >= flushIntervalMs {
            try flush(target)
        }
    }

    /// Completes, writes and fsyncs a member in every open segment that has buffered records.
    public func flush() throws(CaptureFileError) {
        for venue in open.keys.sorted() { try flush(open[venue]!) }
    }

    /// Flushes the segments whose buffered records were received `flushIntervalMs` or more before `nowMs` (epoch
    /// milliseconds): the time bound for a stream that has gone quiet. A segment whose hour is over by `nowMs` is
    /// closed, so a venue that went silent does not hold its hour open (and away from `run`) until its next message.
    public func flushIfDue(nowMs: Int64) throws(CaptureFileError) {
        for venue in open.keys.sorted() {
            let segment = open[venue]!
            if segment.name.hourStartMs + 3_600_000 <= nowMs {
                try finish(segment)
            } else if let start = segment.memberStartMs, nowMs - start >= flushIntervalMs {
                try flush(segment)
            }
        }
    }

    /// Closes every open segment: flushed, fsync'd, renamed to its final name.
    public func close() throws(CaptureFileError) {
        for venue in open.keys.sorted() { try finish(open[venue]!) }
    }

    private func startSegment(_ hour: CaptureSegmentName) throws(CaptureFileError) -> OpenSegment {
        let folder = directory + "/" + hour.directory
        try CaptureFiles.makeDirectories(folder)
        var name = hour
        // Never reopen an hour: skip every sequence that has a closed or a leftover open segment.
        while CaptureFiles.exists(folder + "/" + name.fileName)
            || CaptureFiles.exists(folder + "/" + name.fileName + CaptureSegmentName.partSuffix)
        {
            name.sequence += 1
        }
        let finalPath = folder + "/" + name.fileName
        let partPath = finalPath + CaptureSegmentName.partSuffix
        let descriptor = Glibc.open(partPath, O_WRONLY | O_APPEND | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw CaptureFiles.failure(partPath, "open") }
        try CaptureFiles.syncDirectory(folder)
        let segment = OpenSegment(
            name: name, partPath: partPath, finalPath: finalPath, descriptor: descriptor, level: compressionLevel)
        open[hour.venue] = segment
        return segment
    }

    private func flush(_ segment: OpenSegment) throws(CaptureFileError) {
        let member = segment.deflater.finishMember()
        segment.memberStartMs = nil
        guard !member.isEmpty else { return }
        if let error = FileDescriptor.writeAll(member, to: segment.descriptor) {
            // Cut a partly written member off so later members are not stranded behind it.
            _ = ftruncate(segment.descriptor, off_t(segment.committedBytes))
            throw CaptureFileError(path: segment.partPath, operation: "write", reason: String(cString: strerror(error)))
        }
        guard fsync(segment.descriptor) == 0 else { throw CaptureFiles.failure(segment.partPath, "fsync") }
        segment.committedBytes += Int64(member.count)
    }

    private func finish(_ segment: OpenSegment) throws(CaptureFileError) {
        try flush(segment)
        open[segment.name.venue] = nil
        guard Glibc.close(segment.descriptor) == 0 else { throw CaptureFiles.failure(segment.partPath, "close") }
        try CaptureFiles.rename(segment.partPath, to: segment.finalPath)
        try CaptureFiles.syncDirectory(CaptureFiles.parent(of: segment.finalPath))
        closedSegmentCount += 1
    }
}

@available(*, unavailable)
extension CaptureSegmentWriter: Sendable {}
