import LiqCore
import LiqFetch
import LiqTestSupport
import Testing

@Suite struct CaptureReaderTests {
    struct Read: Equatable {
        var lines: [String]
        var warnings: [String]
    }

    /// Every line and warning of a file holding `contents`, read with the given limits; `path` receives the file.
    static func read(
        _ contents: [UInt8], name: String = "capture.ndjson.gz", maxLineBytes: Int = 4 << 20,
        memberHoldBytes: Int = 16 << 20, path: inout String
    ) throws -> Read {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        path = try directory.write(contents, to: name)
        let reader = try CaptureReader(path: path, maxLineBytes: maxLineBytes, memberHoldBytes: memberHoldBytes)
        var lines: [String] = []
        while let line = try reader.nextLine() {
            lines.append(String(decoding: line, as: UTF8.self))
            #expect(reader.lineNumber == lines.count)
        }
        #expect(try reader.nextLine() == nil)
        return Read(lines: lines, warnings: reader.warnings)
    }

    static func read(_ contents: [UInt8], maxLineBytes: Int = 4 << 20, memberHoldBytes: Int = 16 << 20) throws -> Read {
        var path = ""
        return try read(contents, maxLineBytes: maxLineBytes, memberHoldBytes: memberHoldBytes, path: &path)
    }

    static func member(_ lines: [String]) -> [UInt8] {
        Gzip.compress(Array(lines.map { $0 + "\n" }.joined().utf8))
    }

    static let first = [#"{"a":1}"#, #"{"b":2}"#]
    static let second = ["pong", #"{"c":"three"}"#]
    static let third = [#"{"d":4,"pad":"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}"#, #"["e",5]"#]

    // MARK: plain files, as LineReader read them

    @Test(arguments: [
        ("{\"a\":1}\n{\"b\":2}\nccc\n", [#"{"a":1}"#, #"{"b":2}"#, "ccc"]),
        ("one\ntwo", ["one", "two"]),
        ("one\r\ntwo\r\n\r\nthree", ["one", "two", "", "three"]),
        ("\n\nx\n\n", ["", "", "x", ""]),
        ("", []),
        ("x", ["x"]),
        ("\u{1F}x\n", ["\u{1F}x"]),
    ])
    func plainFilesReadLineByLine(_ text: String, expected: [String]) throws {
        let read = try Self.read(Array(text.utf8))
        #expect(read == Read(lines: expected, warnings: []))
    }

    @Test func plainLineAtTheLimitIsAcceptedAndOneOverIsAnErrorNamingFileAndLine() throws {
        #expect(try Self.read(Array("12345678\nabc\n".utf8), maxLineBytes: 8).lines == ["12345678", "abc"])
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write("short\nok\n123456789\nafter\n", to: "capture.ndjson")
        let reader = try CaptureReader(path: path, maxLineBytes: 8)
        #expect(try reader.nextLine() == Array("short".utf8))
        #expect(try reader.nextLine() == Array("ok".utf8))
        let error = #expect(throws: FileReadError.self) { try reader.nextLine() }
        #expect(error?.description == path + ": line 3: larger than the limit of 8 bytes")
    }

    @Test func unterminatedPlainLineLongerThanTheBufferIsAnError() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write([UInt8](repeating: UInt8(ascii: "x"), count: 200 << 10), to: "corrupt.ndjson")
        let reader = try CaptureReader(path: path, maxLineBytes: 100 << 10)
        let error = #expect(throws: FileReadError.self) { try reader.nextLine() }
        #expect(error?.description == path + ": line 1: larger than the limit of 102400 bytes")
    }

    @Test func endlessInputWithoutNewlinesFailsAtTheLimitInsteadOfReadingForever() throws {
        // /dev/zero never ends: only the limit check on the buffered, unterminated line stops the reader.
        let reader = try CaptureReader(path: "/dev/zero", maxLineBytes: 64 << 10)
        #expect(!reader.isGzip)
        let error = #expect(throws: FileReadError.self) { try reader.nextLine() }
        #expect(error?.description == "/dev/zero: line 1: larger than the limit of 65536 bytes")
    }

    @Test func missingFileNamesThePath() throws {
        let path = "/nonexistent-liqpipe-dir/capture.ndjson.gz"
        let error = #expect(throws: FileReadError.self) { _ = try CaptureReader(path: path) }
        #expect(error?.description == path + ": No such file or directory")
    }

    // MARK: gzip

    @Test func gzipIsDetectedByItsMagicBytes() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let gzip = try CaptureReader(path: directory.write(Self.member(["x"]), to: "plain-name.ndjson"))
        #expect(gzip.isGzip)
        let plain = try CaptureReader(path: directory.write("x\n", to: "gzip-name.ndjson.gz"))
        #expect(!plain.isGzip)
    }

    @Test func multiMemberGzipReadsAsOneStream() throws {
        let file = Self.member(Self.first) + Self.member(Self.second) + Self.member(Self.third)
        #expect(try Self.read(file) == Read(lines: Self.first + Self.second + Self.third, warnings: []))
    }

    @Test func lineStraddlingTwoMembersIsJoined() throws {
        // `cat a.gz b.gz` of files split mid-line is one stream to gzip; it is to the reader too.
        let file = Gzip.compress(Array("one\ntw".utf8)) + Gzip.compress(Array("o\nthree".utf8))
        #expect(try Self.read(file) == Read(lines: ["one", "two", "three"], warnings: []))
    }

    @Test func largeGzipStreamsEveryLineAcrossChunksAndMembers() throws {
        // ~290 KiB of text in 7 members, each inflating past the 64 KiB read chunk and the 256 KiB output step.
        var expected: [String] = []
        for index in 0..<6000 {
            expected.append(#"{"i":\#(index),"pad":"\#(String(repeating: "z", count: index % 61))"}"#)
        }
        expected.insert(String(repeating: "L", count: 100_000), at: 3000)
        var file: [UInt8] = []
        for start in stride(from: 0, to: expected.count, by: 1000) {
            file += Self.member(Array(expected[start..<min(start + 1000, expected.count)]))
        }
        #expect(try Self.read(file) == Read(lines: expected, warnings: []))
    }

    @Test func oversizeGzipLineIsAnErrorNamingFileAndLine() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write(Self.member(["short", String(repeating: "y", count: 9), "after"]), to: "c.gz")
        let reader = try CaptureReader(path: path, maxLineBytes: 8)
        #expect(try reader.nextLine() == Array("short".utf8))
        let error = #expect(throws: FileReadError.self) { try reader.nextLine() }
        #expect(error == FileReadError(path: path, kind: .tooLarge(limit: 8), position: "line 2"))
    }

    // MARK: torn tails and corruption

    @Test func truncatedLastMemberAtEveryOffsetKeepsExactlyTheCompleteMembers() throws {
        let complete = Self.member(Self.first) + Self.member(Self.second)
        let last = Self.member(Self.third)
        #expect(try Self.read(complete) == Read(lines: Self.first + Self.second, warnings: []))
        for cut in 1..<last.count {
            var path = ""
            let read = try Self.read(complete + last[..<cut], path: &path)
            #expect(
                read
                    == Read(
                        lines: Self.first + Self.second,
                        warnings: [
                            "\(path): gzip member at byte offset \(complete.count) is truncated "
                                + "(the file ends at byte \(complete.count + cut))"
                        ]), "cut at \(cut) of \(last.count)")
        }
    }

    @Test(arguments: [
        ([UInt8]([0x00, 0x00, 0x00, 0x00]), "is corrupt (incorrect header check); the rest of the file is not read"),
        (Array("{\"tail\":1}\n".utf8), "is corrupt (incorrect header check); the rest of the file is not read"),
        ([0x1F], "is truncated (the file ends at byte END)"),
        ([0x1F, 0x8B, 0x08, 0x00], "is truncated (the file ends at byte END)"),
        (
            [0x1F, 0x8B, 0x07, 0x00, 0, 0, 0, 0, 0, 0],
            "is corrupt (unknown compression method); the rest of the file is not read"
        ),
    ])
    func garbageAfterTheLastMemberIsOneWarning(_ garbage: [UInt8], reason: String) throws {
        let complete = Self.member(Self.first) + Self.member(Self.second)
        var path = ""
        let read = try Self.read(complete + garbage, path: &path)
        let end = String(complete.count + garbage.count)
        #expect(read.lines == Self.first + Self.second)
        #expect(
            read.warnings
                == [
                    "\(path): gzip member at byte offset \(complete.count) "
                        + reason.split(separator: "END", omittingEmptySubsequences: false).joined(separator: end)
                ])
    }

    @Test(arguments: [(8, "incorrect data check"), (4, "incorrect length check")])
    func badTrailerOfTheLastMemberDropsItsLines(fromEnd: Int, message: String) throws {
        // The trailer is CRC-32 then ISIZE, 4 bytes each: 8 from the end hits the CRC, 4 the length.
        let complete = Self.member(Self.first)
        var last = Self.member(Self.second)
        last[last.count - fromEnd] ^= 0x01
        var path = ""
        let read = try Self.read(complete + last, path: &path)
        #expect(
            read
                == Read(
                    lines: Self.first,
                    warnings: [
                        "\(path): gzip member at byte offset \(complete.count) is corrupt (\(message)); "
                            + "the rest of the file is not read"
                    ]))
    }

    @Test func corruptMemberInTheMiddleStopsReadingThere() throws {
        // Documented choice: no resynchronisation on a later member; the warning says the rest was not read.
        let head = Self.member(Self.first)
        var middle = Self.member(Self.second)
        middle[middle.count - 8] ^= 0xFF
        var path = ""
        let read = try Self.read(head + middle + Self.member(Self.third), path: &path)
        #expect(
            read
                == Read(
                    lines: Self.first,
                    warnings: [
                        "\(path): gzip member at byte offset \(head.count) is corrupt (incorrect data check); "
                            + "the rest of the file is not read"
                    ]))
    }

    @Test func memberLargerThanTheHoldLimitIsReleasedUnverified() throws {
        let lines = (0..<400).map { "line \($0) " + String(repeating: "q", count: $0 % 37) }
        let big = Self.member(lines)
        // Complete: every line, no warning, even though it streamed before its trailer was checked.
        #expect(try Self.read(big, memberHoldBytes: 1024) == Read(lines: lines, warnings: []))
        // Torn: what was released stays read, and the warning says it was not verified.
        var path = ""
        let read = try Self.read(Array(big.dropLast(3)), memberHoldBytes: 1024, path: &path)
        #expect(read.lines.count > 0)
        #expect(read.lines == Array(lines.prefix(read.lines.count)))
        #expect(
            read.warnings
                == [
                    "\(path): gzip member at byte offset 0 is truncated (the file ends at byte \(big.count - 3)); "
                        + "lines already read from it were not verified (member larger than the hold limit)"
                ])
    }
}
