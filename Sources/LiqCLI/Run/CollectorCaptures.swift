import LiqCore
import LiqEmit
import LiqFetch

/// The collector's closed segments a `run` reads as each venue's stream input, besides the venue's explicit
/// `captures`: per venue, the segments under `<collector.directory>/<venue-id>/` whose hour starts at most
/// `lookbackHours` before the venue's newest closed segment, in hour and sequence order. Open `.part` segments
/// are not closed segments, so the collector's current hour is never read half-written.
///
/// The look-back is measured from the newest segment, not the wall clock: the same directory always selects the
/// same segments, so a run over it is reproducible.
struct CollectorCaptures {
    struct VenueSegments {
        var venue: Venue
        var segments: [CaptureDirectory.Segment]
    }

    var collector: CollectorSpec
    var venues: [VenueSegments]
    /// What the previous successful or partial run read.
    var previous: CaptureCursor

    var cursorPath: String { collector.stateDirectory + "/" + CaptureCursor.fileName }

    /// Lists the segments of every venue of `spec` and reads the cursor; an unreadable cursor is a warning and
    /// counts every segment as new. Without a store the look-back decides what is read and the cursor only
    /// informs; with one (`sinceCursor`) a venue's segments after its cursor are read, each segment once, since
    /// the store keeps what earlier runs read.
    init(spec: PipelineSpec, collector: CollectorSpec, console: Console, sinceCursor: Bool = false) throws {
        self.collector = collector
        previous = CaptureCursor()
        do {
            previous = try CaptureCursor.load(path: collector.stateDirectory + "/" + CaptureCursor.fileName)
        } catch {
            console.err("liqpipe: warning: capture cursor ignored, every segment counts as new: \(error)\n")
        }
        let all = try CaptureDirectory.closedSegments(in: collector.directory)
        let lookbackMs = Int64(collector.lookbackHours) * 3_600_000
        let previous = previous
        venues = spec.venues.map { venueSpec in
            let id = venueSpec.venue.rawValue
            let own = all.filter { $0.name.venue == id && $0.path.hasPrefix(collector.directory + "/" + id + "/") }
            if sinceCursor {
                let last = previous.venues[id]?.lastSegmentName
                return VenueSegments(venue: venueSpec.venue, segments: own.filter { last == nil || $0.name > last! })
            }
            guard let newest = own.last?.name.hourStartMs else {
                return VenueSegments(venue: venueSpec.venue, segments: [])
            }
            return VenueSegments(
                venue: venueSpec.venue, segments: own.filter { $0.name.hourStartMs >= newest - lookbackMs })
        }
    }

    /// `spec` with each venue's selected segments appended to its captures (a segment also listed explicitly is
    /// read once).
    func applied(to spec: PipelineSpec) -> PipelineSpec {
        var spec = spec
        for index in spec.venues.indices {
            let explicit = Set(spec.venues[index].captures)
            let segments = venues.first { $0.venue == spec.venues[index].venue }?.segments ?? []
            spec.venues[index].captures += segments.map(\.path).filter { !explicit.contains($0) }
        }
        return spec
    }

    /// The cursor after a run that read `captureLines` (lines per capture path): venues whose segments were read
    /// get a new entry, the others keep theirs. A segment counts as read once the run has read it — to its end or
    /// to a torn or unreadable part, which is a warning — and a venue whose reference data failed reads none.
    func cursor(after captureLines: [String: Int]) -> CaptureCursor {
        var cursor = previous
        for venue in venues {
            let read = venue.segments.filter { captureLines[$0.path] != nil }
            guard let last = read.last else { continue }
            cursor.venues[venue.venue.rawValue] = CaptureCursor.Entry(
                lastSegment: last.name.relativePath, segments: read.count, newSegments: newCount(read, of: venue.venue),
                lines: read.reduce(0) { $0 + captureLines[$1.path]! })
        }
        return cursor
    }

    /// How many of `segments` come after the previous run's last segment of `venue` (all of them on a first run).
    func newCount(_ segments: [CaptureDirectory.Segment], of venue: Venue) -> Int {
        guard let last = previous.venues[venue.rawValue]?.lastSegmentName else { return segments.count }
        return segments.filter { $0.name > last }.count
    }

    /// The stderr line: segments read in all and new since the cursor, then per venue that has any.
    func summary(after captureLines: [String: Int]) -> String {
        var total = 0
        var new = 0
        var parts: [String] = []
        for venue in venues {
            let read = venue.segments.filter { captureLines[$0.path] != nil }
            guard !read.isEmpty else { continue }
            let fresh = newCount(read, of: venue.venue)
            total += read.count
            new += fresh
            parts.append("\(venue.venue.rawValue) \(read.count) (\(fresh) new)")
        }
        return "liqpipe: collector captures: read \(total) closed segment\(total == 1 ? "" : "s"), \(new) new since "
            + "the cursor" + (parts.isEmpty ? "" : ": " + parts.joined(separator: ", ")) + "\n"
    }

    /// Prints the summary and, unless the run failed, records the cursor (atomically).
    func finish(exitCode: ExitCode, captureLines: [String: Int], console: Console) throws {
        console.err(summary(after: captureLines))
        guard exitCode != .failure else { return }
        try AtomicFile.write(cursor(after: captureLines).encoded(), to: cursorPath)
    }
}
