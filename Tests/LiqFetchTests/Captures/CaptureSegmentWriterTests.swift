import Foundation
import LiqCore
import LiqFetch
import Testing

@Suite struct CaptureSegmentWriterTests {
    /// 2025-10-10T20:00:00Z in epoch milliseconds (20,371 days × 86,400,000 + 20 h × 3,600,000).
    static let hour20: Int64 = 1_760_126_400_000

    static func record(_ receivedMs: Int64, _ text: String, venue: String = "binance-usdm") -> CaptureRecord {
        CaptureRecord(receivedMs: receivedMs, venue: venue, connection: "/market/stream", message: Array(text.utf8))
    }

    /// The records of one capture file, through `CaptureReader` and `CaptureLine`.
    static func records(_ path: String) throws -> (records: [CaptureRecord], warnings: [String]) {
        let reader = try CaptureReader(path: path)
        var records: [CaptureRecord] = []
        while let line = try reader.nextLine() {
            records.append(try #require(CaptureLine.parse(line, path: path, lineNumber: reader.lineNumber).record))
        }
        return (records, reader.warnings)
    }

    static func files(_ directory: String) throws -> [String] {
        let root = URL(fileURLWithPath: directory)
        let enumerator = FileManager.default.enumerator(atPath: directory)
        var files: [String] = []
        while let entry = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(
                atPath: root.appendingPathComponent(entry).path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { files.append(entry) }
        }
        return files.sorted()
    }

    static func size(_ path: String) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
    }

    @Test func recordsAcrossThreeHoursMakeThreeClosedSegments() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let writer = CaptureSegmentWriter(directory: directory.path)
        // 20:59:59.999 and 21:00:00.000 straddle the boundary; 23:xx crosses midnight into the next day's folder.
        let records = [
            Self.record(Self.hour20 + 5, #"{"n":1}"#),
            Self.record(Self.hour20 + 3_599_999, #"{"n":2}"#),
            Self.record(Self.hour20 + 3_600_000, "pong"),
            Self.record(Self.hour20 + 3_600_000 + 1, #"[3]"#),
            Self.record(Self.hour20 + 4 * 3_600_000 + 17, #"{"n":4}"#),
        ]
        for record in records { try writer.append(record) }
        // The first two hours closed when a later record arrived; the last is still open.
        #expect(
            try Self.files(directory.path) == [
                "binance-usdm/2025-10-10/binance-usdm-20251010T20.ndjson.gz",
                "binance-usdm/2025-10-10/binance-usdm-20251010T21.ndjson.gz",
                "binance-usdm/2025-10-11/binance-usdm-20251011T00.ndjson.gz.part",
            ])
        #expect(
            writer.openSegmentPaths == [
                directory.path + "/binance-usdm/2025-10-11/binance-usdm-20251011T00.ndjson.gz.part"
            ])
        try writer.close()
        let closed = try CaptureDirectory.closedSegments(in: directory.path)
        #expect(
            closed.map(\.name) == [
                CaptureSegmentName(venue: "binance-usdm", hourStartMs: Self.hour20),
                CaptureSegmentName(venue: "binance-usdm", hourStartMs: Self.hour20 + 3_600_000),
                CaptureSegmentName(venue: "binance-usdm", hourStartMs: Self.hour20 + 4 * 3_600_000),
            ])
        #expect(
            try closed.map { try Self.records($0.path).records } == [
                Array(records[0...1]), Array(records[2...3]), [records[4]],
            ])
        #expect(try closed.allSatisfy { try Self.records($0.path).warnings.isEmpty })
    }

    @Test func venuesHaveTheirOwnSegments() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let writer = CaptureSegmentWriter(directory: directory.path)
        let okx = Self.record(Self.hour20 + 10, "pong", venue: "okx")
        let binance = Self.record(Self.hour20 + 11, "{}")
        try writer.append(okx)
        try writer.append(binance)
        try writer.close()
        let closed = try CaptureDirectory.closedSegments(in: directory.path)
        #expect(closed.map(\.name.fileName) == ["binance-usdm-20251010T20.ndjson.gz", "okx-20251010T20.ndjson.gz"])
        #expect(try closed.map { try Self.records($0.path).records } == [[binance], [okx]])
    }

    @Test func membersCompleteByBytesAndByReceiveTime() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let writer = CaptureSegmentWriter(directory: directory.path, flushBytes: 200, flushIntervalMs: 1000)
        let part = directory.path + "/binance-usdm/2025-10-10/binance-usdm-20251010T20.ndjson.gz.part"
        // Each line is ~110 bytes: the first stays buffered, the second crosses 200 bytes and completes a member.
        try writer.append(Self.record(Self.hour20, #"{"n":1,"pad":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}"#))
        #expect(try Self.size(part) == 0)
        try writer.append(Self.record(Self.hour20 + 1, #"{"n":2,"pad":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}"#))
        let afterBytes = try Self.size(part)
        #expect(afterBytes > 0)
        #expect(try Self.records(part).records.count == 2)
        // Time: 999 ms after the member's first record nothing happens; at 1000 ms it is flushed.
        try writer.append(Self.record(Self.hour20 + 10, "a"))
        try writer.append(Self.record(Self.hour20 + 1009, "b"))
        #expect(try Self.size(part) == afterBytes)
        try writer.append(Self.record(Self.hour20 + 1010, "c"))
        #expect(
            try Self.records(part).records.map { String(decoding: $0.message, as: UTF8.self) }.suffix(3) == [
                "a", "b", "c",
            ])
        // An idle stream: flushIfDue applies the same bound from the caller's clock.
        let flushed = try Self.size(part)
        try writer.append(Self.record(Self.hour20 + 2000, "d"))
        try writer.flushIfDue(nowMs: Self.hour20 + 2999)
        #expect(try Self.size(part) == flushed)
        try writer.flushIfDue(nowMs: Self.hour20 + 3000)
        #expect(try Self.records(part).records.count == 6)
        // An explicit flush with nothing buffered writes nothing (no empty members).
        let before = try Self.size(part)
        try writer.flush()
        #expect(try Self.size(part) == before)
        try writer.close()
    }

    @Test func systemGzipAndPythonReadTheSegment() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let writer = CaptureSegmentWriter(directory: directory.path, flushBytes: 64)
        let records = (0..<50).map { Self.record(Self.hour20 + Int64($0), #"{"i":\#($0),"s":"€\"\\"}"#) }
        for record in records { try writer.append(record) }
        try writer.close()
        let path = try #require(CaptureDirectory.closedSegments(in: directory.path).first?.path)
        let expected = records.map { String(decoding: $0.ndjsonLine(), as: UTF8.self) }.joined()
        for (tool, arguments) in [
            ("/bin/gzip", ["-dc", path]),
            (
                "/usr/bin/python3",
                ["-c", "import gzip,sys; sys.stdout.buffer.write(gzip.open(sys.argv[1]).read())", path]
            ),
        ] {
            guard FileManager.default.isExecutableFile(atPath: tool) else { continue }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: tool)
            process.arguments = arguments
            let output = Pipe()
            process.standardOutput = output
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(tool)")
            #expect(String(decoding: data, as: UTF8.self) == expected, "\(tool)")
        }
    }

    @Test func restartWithinTheHourWritesTheNextSequence() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let first = CaptureSegmentWriter(directory: directory.path)
        try first.append(Self.record(Self.hour20 + 1, "{}"))
        try first.close()
        let closedPath = directory.path + "/binance-usdm/2025-10-10/binance-usdm-20251010T20.ndjson.gz"
        let closedBytes = try Data(contentsOf: URL(fileURLWithPath: closedPath))
        for restart in 1...2 {
            let writer = CaptureSegmentWriter(directory: directory.path)
            try writer.append(Self.record(Self.hour20 + 100 + Int64(restart), "[\(restart)]"))
            try writer.close()
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: closedPath)) == closedBytes)
        let closed = try CaptureDirectory.closedSegments(in: directory.path)
        #expect(
            closed.map(\.name.fileName) == [
                "binance-usdm-20251010T20.ndjson.gz", "binance-usdm-20251010T20.1.ndjson.gz",
                "binance-usdm-20251010T20.2.ndjson.gz",
            ])
        #expect(
            try closed.map { try Self.records($0.path).records.map(\.message) } == [
                [Array("{}".utf8)], [Array("[1]".utf8)], [Array("[2]".utf8)],
            ])
    }

    @Test func leftoverPartIsNotReopened() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let crashed = CaptureSegmentWriter(directory: directory.path)
        try crashed.append(Self.record(Self.hour20 + 1, "{}"))
        try crashed.flush()
        let part = try #require(crashed.openSegmentPaths.first)
        let partBytes = try Data(contentsOf: URL(fileURLWithPath: part))
        // A second writer without recovery must leave the `.part` alone.
        let writer = CaptureSegmentWriter(directory: directory.path)
        try writer.append(Self.record(Self.hour20 + 2, "[]"))
        #expect(writer.openSegmentPaths == [part.replacingOccurrences(of: "T20.ndjson", with: "T20.1.ndjson")])
        try writer.close()
        #expect(try Data(contentsOf: URL(fileURLWithPath: part)) == partBytes)
    }

    @Test func crashMidSegmentLeavesEveryFlushedRecordReadable() throws {
        // A torn write: complete members, then part of the next one — every cut of that member.
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let writer = CaptureSegmentWriter(directory: directory.path)
        let flushed = (0..<3).map { Self.record(Self.hour20 + Int64($0), #"{"n":\#($0)}"#) }
        for record in flushed { try writer.append(record) }
        try writer.flush()
        let part = try #require(writer.openSegmentPaths.first)
        let good = try Array(Data(contentsOf: URL(fileURLWithPath: part)))
        try writer.append(Self.record(Self.hour20 + 10, #"{"lost":true}"#))
        try writer.flush()
        let all = try Array(Data(contentsOf: URL(fileURLWithPath: part)))
        for cut in good.count..<all.count {
            try Data(all[..<cut]).write(to: URL(fileURLWithPath: part))
            let (records, warnings) = try Self.records(part)
            #expect(records == flushed, "cut at \(cut)")
            #expect(warnings.count == (cut == good.count ? 0 : 1), "cut at \(cut)")
        }
    }

    @Test func recoverTruncatesTheTornTailAndRenames() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let writer = CaptureSegmentWriter(directory: directory.path)
        let kept = [Self.record(Self.hour20 + 1, #"{"kept":1}"#), Self.record(Self.hour20 + 2, "pong")]
        for record in kept { try writer.append(record) }
        try writer.flush()
        let part = try #require(writer.openSegmentPaths.first)
        let good = try Self.size(part)
        // The crash: garbage where the next member was being written, plus a `.part` with no complete member.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: part))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data([0x1F, 0x8B, 0x08, 0x00, 0x42, 0x42, 0x42]))
        try handle.close()
        let empty = try directory.write([0x1F, 0x8B, 0x08], to: "okx/2025-10-10/okx-20251010T21.ndjson.gz.part")
        let recovered = try CaptureSegmentWriter.recover(directory: directory.path)
        let final = String(part.dropLast(".part".count))
        #expect(
            recovered == [
                RecoveredSegment(partPath: part, finalPath: final, keptBytes: Int64(good), droppedBytes: 7),
                RecoveredSegment(partPath: empty, finalPath: nil, keptBytes: 0, droppedBytes: 3),
            ])
        #expect(try Self.files(directory.path) == ["binance-usdm/2025-10-10/binance-usdm-20251010T20.ndjson.gz"])
        #expect(try Self.records(final) == (kept, []))
        // Nothing left to do the second time.
        #expect(try CaptureSegmentWriter.recover(directory: directory.path) == [])
    }

    @Test func recoverPicksTheNextSequenceWhenTheClosedNameIsTaken() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let member = CaptureRecord(receivedMs: Self.hour20, venue: "okx", connection: "c", message: Array("pong".utf8))
        let first = CaptureSegmentWriter(directory: directory.path)
        try first.append(member)
        try first.close()
        let folder = directory.path + "/okx/2025-10-10/"
        // A `.part` of the same name cannot come from our writer, but a copied-in file could: never overwrite.
        try FileManager.default.copyItem(
            atPath: folder + "okx-20251010T20.ndjson.gz", toPath: folder + "okx-20251010T20.ndjson.gz.part")
        let recovered = try CaptureSegmentWriter.recover(directory: directory.path)
        #expect(recovered.map(\.finalPath) == [folder + "okx-20251010T20.1.ndjson.gz"])
        #expect(try CaptureDirectory.closedSegments(in: directory.path).count == 2)
    }
}
