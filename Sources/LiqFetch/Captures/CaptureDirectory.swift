#if canImport(Glibc)
    @preconcurrency import Glibc
#endif

/// The layout of a capture directory (`<dir>/<venue>/<YYYY-MM-DD>/<segment>`): listing its closed segments in
/// receive order, so a run can pick up the ones closed since its cursor; open `.part` segments are left out.
public enum CaptureDirectory {
    /// A closed segment: its path and parsed name.
    public struct Segment: Sendable, Equatable {
        public var path: String
        public var name: CaptureSegmentName

        public init(path: String, name: CaptureSegmentName) {
            self.path = path
            self.name = name
        }
    }

    /// Every closed segment under `directory`, sorted by venue, hour and sequence. A missing directory has none
    /// (the collector has not written yet); files that are not segment names are ignored.
    public static func closedSegments(in directory: String) throws(CaptureFileError) -> [Segment] {
        try files(in: directory).compactMap { path in
            CaptureSegmentName(fileName: String(path.split(separator: "/").last ?? "")).map {
                Segment(path: path, name: $0)
            }
        }
        .sorted { $0.name < $1.name }
    }

    /// Every closed segment anywhere under `directory` — the capture root, one venue's or one day's folder, or a
    /// copy laid out differently — sorted by venue, hour, sequence and path; `.part` and foreign files are ignored.
    /// Descends at most `maxDepth` levels, so a symbolic-link loop ends.
    public static func closedSegments(under directory: String, maxDepth: Int = 8) throws(CaptureFileError)
        -> [Segment]
    {
        var segments: [Segment] = []
        for name in try entries(of: directory) {
            let path = directory + "/" + name
            if let segment = CaptureSegmentName(fileName: name) {
                segments.append(Segment(path: path, name: segment))
            } else if maxDepth > 0 {
                // Files are not directories: listing one yields nothing.
                segments += try closedSegments(under: path, maxDepth: maxDepth - 1)
            }
        }
        return segments.sorted { ($0.name, $0.path) < ($1.name, $1.path) }
    }

    /// Every open (`.part`) segment under `directory`, sorted by path.
    static func partFiles(in directory: String) throws(CaptureFileError) -> [String] {
        try files(in: directory).filter {
            $0.hasSuffix(CaptureSegmentName.suffix + CaptureSegmentName.partSuffix)
        }
        .sorted()
    }

    /// Paths of the entries two levels down (`<venue>/<day>/<file>`).
    private static func files(in directory: String) throws(CaptureFileError) -> [String] {
        var files: [String] = []
        for venue in try entries(of: directory) {
            for day in try entries(of: directory + "/" + venue) {
                files += try entries(of: directory + "/" + venue + "/" + day).map {
                    directory + "/" + venue + "/" + day + "/" + $0
                }
            }
        }
        return files
    }

    /// Names in a directory (without `.` and `..`); none when it does not exist or is not a directory.
    static func entries(of directory: String) throws(CaptureFileError) -> [String] {
        guard let handle = opendir(directory) else {
            if errno == ENOENT || errno == ENOTDIR { return [] }
            throw CaptureFileError(path: directory, operation: "opendir", reason: String(cString: strerror(errno)))
        }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }
}
