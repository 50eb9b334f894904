#if canImport(Glibc)
    @preconcurrency import Glibc
#endif

extension CaptureSegmentWriter {
    /// Finalises the `.part` segments a crashed collector left under `directory`: each is cut back to its last
    /// complete member (CRC-32 and ISIZE verified by inflating it), fsync'd and renamed to its closed name — the
    /// next free sequence if that name is taken — so readers and `CaptureDirectory` see it. A `.part` without a
    /// complete member is removed. Call it before starting a writer on the same directory.
    public static func recover(directory: String) throws(CaptureFileError) -> [RecoveredSegment] {
        var recovered: [RecoveredSegment] = []
        for partPath in try CaptureDirectory.partFiles(in: directory) {
            let (kept, size) = try completeMembersLength(partPath)
            let folder = CaptureFiles.parent(of: partPath)
            let closedName = String(partPath.dropLast(CaptureSegmentName.partSuffix.count).split(separator: "/").last!)
            guard kept > 0, var name = CaptureSegmentName(fileName: closedName) else {
                guard unlink(partPath) == 0 else { throw CaptureFiles.failure(partPath, "unlink") }
                try CaptureFiles.syncDirectory(folder)
                recovered.append(RecoveredSegment(partPath: partPath, finalPath: nil, keptBytes: 0, droppedBytes: size))
                continue
            }
            let descriptor = open(partPath, O_WRONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw CaptureFiles.failure(partPath, "open") }
            defer { Glibc.close(descriptor) }
            guard ftruncate(descriptor, off_t(kept)) == 0 else { throw CaptureFiles.failure(partPath, "ftruncate") }
            guard fsync(descriptor) == 0 else { throw CaptureFiles.failure(partPath, "fsync") }
            while CaptureFiles.exists(folder + "/" + name.fileName) { name.sequence += 1 }
            let finalPath = folder + "/" + name.fileName
            try CaptureFiles.rename(partPath, to: finalPath)
            try CaptureFiles.syncDirectory(folder)
            recovered.append(
                RecoveredSegment(partPath: partPath, finalPath: finalPath, keptBytes: kept, droppedBytes: size - kept))
        }
        return recovered
    }

    /// The length of the leading complete gzip members of a file, and the file's size, in bytes.
    static func completeMembersLength(_ path: String) throws(CaptureFileError) -> (kept: Int64, size: Int64) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw CaptureFiles.failure(path, "open") }
        defer { Glibc.close(descriptor) }
        let inflater = GzipInflater()
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        var scratch: [UInt8] = []
        var offset: Int64 = 0
        var kept: Int64 = 0
        var corrupt = false
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw CaptureFiles.failure(path, "read")
            }
            if count == 0 { break }
            var used = 0
            while !corrupt && used < count {
                do {
                    let step = try inflater.inflate(chunk[used..<count], into: &scratch)
                    used += step.consumed
                    if step.memberEnded { kept = offset + Int64(used) }
                } catch {
                    corrupt = true
                }
                scratch.removeAll(keepingCapacity: true)
            }
            offset += Int64(count)
        }
        return (kept, offset)
    }
}
