import LiqCore
import LiqFetch
import Testing

@Suite struct LineReaderTests {
    /// Every line of `contents` as text, read through a `LineReader` with `maxLineBytes`.
    static func lines(of contents: [UInt8], maxLineBytes: Int = 4 << 20) throws -> [String] {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let reader = try LineReader(
            path: try directory.write(contents, to: "capture.ndjson"), maxLineBytes: maxLineBytes)
        var lines: [String] = []
        while let line = try reader.nextLine() {
            lines.append(String(decoding: line, as: UTF8.self))
            #expect(reader.lineNumber == lines.count)
        }
        #expect(try reader.nextLine() == nil)
        return lines
    }

    static func lines(of text: String, maxLineBytes: Int = 4 << 20) throws -> [String] {
        try lines(of: Array(text.utf8), maxLineBytes: maxLineBytes)
    }

    @Test func linesWithATrailingNewline() throws {
        #expect(try Self.lines(of: "{\"a\":1}\n{\"b\":2}\nccc\n") == [#"{"a":1}"#, #"{"b":2}"#, "ccc"])
    }

    @Test func lastLineWithoutANewline() throws {
        #expect(try Self.lines(of: "one\ntwo") == ["one", "two"])
    }

    @Test func crlfLineEndings() throws {
        #expect(try Self.lines(of: "one\r\ntwo\r\n\r\nthree") == ["one", "two", "", "three"])
    }

    @Test func emptyLinesAreKept() throws {
        #expect(try Self.lines(of: "\n\nx\n\n") == ["", "", "x", ""])
    }

    @Test func emptyFileHasNoLines() throws {
        #expect(try Self.lines(of: "") == [])
    }

    @Test func lineAtTheLimitIsAccepted() throws {
        #expect(try Self.lines(of: "12345678\nabc\n", maxLineBytes: 8) == ["12345678", "abc"])
    }

    @Test func lineOverTheLimitNamesFileAndLine() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write("short\nok\n123456789\nafter\n", to: "capture.ndjson")
        let reader = try LineReader(path: path, maxLineBytes: 8)
        #expect(try reader.nextLine() == Array("short".utf8))
        #expect(try reader.nextLine() == Array("ok".utf8))
        let error = #expect(throws: FileReadError.self) { try reader.nextLine() }
        #expect(error == FileReadError(path: path, kind: .tooLarge(limit: 8), position: "line 3"))
        #expect(error?.description == path + ": line 3: larger than the limit of 8 bytes")
    }

    @Test func unterminatedLineLongerThanTheBufferIsAnError() throws {
        // No newline at all in 200 KiB: the reader must stop at the limit instead of buffering the whole file.
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write([UInt8](repeating: UInt8(ascii: "x"), count: 200 << 10), to: "corrupt.ndjson")
        let reader = try LineReader(path: path, maxLineBytes: 100 << 10)
        let error = #expect(throws: FileReadError.self) { try reader.nextLine() }
        #expect(error?.description == path + ": line 1: larger than the limit of 102400 bytes")
    }

    @Test func fileLargerThanTheReadBufferStreamsEveryLine() throws {
        // ~290 KiB, several 64 KiB reads, with lines straddling every chunk boundary and one line of 100,000
        // bytes (longer than a whole read).
        var expected: [String] = []
        for index in 0..<6000 {
            expected.append(#"{"i":\#(index),"pad":"\#(String(repeating: "z", count: index % 61))"}"#)
        }
        expected.insert(String(repeating: "L", count: 100_000), at: 3000)
        let contents = Array(expected.joined(separator: "\n").utf8) + [0x0A]
        #expect(contents.count > 4 * (64 << 10))
        let lines = try Self.lines(of: contents)
        #expect(lines.count == expected.count)
        #expect(lines == expected)
    }

    @Test func missingFileNamesThePath() throws {
        let path = "/nonexistent-liqpipe-dir/capture.ndjson"
        let error = #expect(throws: FileReadError.self) { _ = try LineReader(path: path) }
        #expect(error?.path == path)
        #expect(error?.description.hasPrefix(path + ": ") == true)
    }
}
