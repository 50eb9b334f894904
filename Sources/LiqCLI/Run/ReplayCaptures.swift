import LiqCore
import LiqFetch

#if canImport(Glibc)
    @preconcurrency import Glibc
#endif

/// The capture files a `replay` reads, grouped by the spec venue they belong to.
///
/// A directory stands for its closed segments at any depth (`CaptureDirectory.closedSegments(under:)`), a file
/// for itself (plain or gzip, envelope or bare lines, a `.part` included). A file's venue is the envelope's
/// `venue` on its first non-blank line, else the venue in its segment file name, else `--venue`; a venue
/// found that contradicts `--venue`, or that the spec does not ingest stream liquidations from, is an error
/// naming the file — a capture is never silently left out.
struct ReplayCaptures {
    /// Capture paths per venue, in the order given (a directory's segments in hour and sequence order).
    var byVenue: [Venue: [String]] = [:]

    init(_ arguments: [String], spec: PipelineSpec, forcedVenue: String?) throws {
        // A mistyped --venue is refused even when every capture names its venue itself.
        if let forcedVenue, !spec.venues.contains(where: { $0.venue.rawValue == forcedVenue }) {
            throw UsageError(
                "--venue \(forcedVenue) is not a venue of the spec \(spec.path) (its venues: "
                    + spec.venues.map(\.venue.rawValue).joined(separator: ", ") + ")", command: ReplayCommand.name)
        }
        var files: [String] = []
        for argument in arguments {
            var status = stat()
            guard stat(argument, &status) == 0 else {
                throw UsageError(
                    "capture '\(argument)': \(String(cString: strerror(errno)))", command: ReplayCommand.name)
            }
            if status.st_mode & S_IFMT == S_IFDIR {
                let segments = try CaptureDirectory.closedSegments(under: argument)
                guard !segments.isEmpty else {
                    throw UsageError(
                        "capture directory '\(argument)' holds no closed segments (*\(CaptureSegmentName.suffix))",
                        command: ReplayCommand.name)
                }
                files += segments.map(\.path)
            } else {
                files.append(argument)
            }
        }
        for file in files {
            let venue = try Self.venue(of: file, spec: spec, forcedVenue: forcedVenue)
            byVenue[venue, default: []].append(file)
        }
    }

    /// `spec` with every venue's stream input replaced by its captures (none for a venue without any).
    func applied(to spec: PipelineSpec) -> PipelineSpec {
        var spec = spec
        for index in spec.venues.indices { spec.venues[index].captures = byVenue[spec.venues[index].venue] ?? [] }
        return spec
    }

    static func venue(of file: String, spec: PipelineSpec, forcedVenue: String?) throws -> Venue {
        let detected: (id: String, how: String)?
        if let id = try envelopeVenue(of: file) {
            detected = (id, "its envelope says")
        } else if let name = segmentName(of: file) {
            detected = (name.venue, "its segment name says")
        } else {
            detected = nil
        }
        if let detected, let forcedVenue, detected.id != forcedVenue {
            throw UsageError(
                "capture '\(file)': \(detected.how) venue '\(detected.id)', but --venue \(forcedVenue) was given",
                command: ReplayCommand.name)
        }
        guard let id = detected?.id ?? forcedVenue else {
            throw UsageError(
                "capture '\(file)': cannot tell its venue (no capture envelope on its first line and not a segment "
                    + "file name); pass --venue ID", command: ReplayCommand.name)
        }
        let ids = spec.venues.map(\.venue.rawValue).joined(separator: ", ")
        guard let venue = spec.venues.first(where: { $0.venue.rawValue == id }) else {
            throw UsageError(
                "capture '\(file)' is of venue '\(id)', which is not in the spec \(spec.path) (its venues: \(ids))",
                command: ReplayCommand.name)
        }
        guard venue.feeds.contains(.liquidations) else {
            throw UsageError(
                "capture '\(file)' is of venue '\(id)', whose feeds in the spec \(spec.path) do not include "
                    + "liquidations (the stream input)", command: ReplayCommand.name)
        }
        return venue.venue
    }

    /// The `venue` of the envelope on the first non-blank line; nil for a bare line or an empty file. A line that
    /// starts like an envelope but does not parse is left to the run, which reports it with file and line.
    static func envelopeVenue(of file: String) throws -> String? {
        let reader = try CaptureReader(path: file)
        while let line = try reader.nextLine() {
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            return (try? CaptureLine.parse(line, path: file, lineNumber: reader.lineNumber))?.provenance?.venue
        }
        return nil
    }

    /// The parsed file name of a closed or open (`.part`) segment.
    static func segmentName(of file: String) -> CaptureSegmentName? {
        var name = String(file.split(separator: "/").last ?? "")
        if name.hasSuffix(CaptureSegmentName.partSuffix) { name.removeLast(CaptureSegmentName.partSuffix.count) }
        return CaptureSegmentName(fileName: name)
    }
}
