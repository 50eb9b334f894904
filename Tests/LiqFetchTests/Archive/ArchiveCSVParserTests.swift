import LiqCore
import LiqFetch
import Testing

/// One parsed row as plain values, so tests can compare rows across chunkings.
private struct ParsedRow: Equatable {
    var line: Int
    var fields: [String]
}

/// Feeds `text` to a fresh parser in the given chunks and collects every row and the header.
private func parse(_ chunks: [[UInt8]], maxLineBytes: Int = 1 << 16) throws -> (header: [String]?, rows: [ParsedRow]) {
    var parser = ArchiveCSVParser(origin: "test.csv", maxLineBytes: maxLineBytes)
    var rows: [ParsedRow] = []
    let collect: (ArchiveCSVRow) throws -> Void = { row in
        rows.append(ParsedRow(line: row.lineNumber, fields: (0..<row.count).map(row.string)))
    }
    for chunk in chunks { try parser.feed(chunk, collect) }
    try parser.finish(collect)
    return (parser.header, rows)
}

private func parse(_ text: String, maxLineBytes: Int = 1 << 16) throws -> (header: [String]?, rows: [ParsedRow]) {
    try parse([Array(text.utf8)], maxLineBytes: maxLineBytes)
}

/// The first row's decoded field, through `body`, for one-row files.
private func firstRow<T>(_ text: String, _ body: (ArchiveCSVRow) throws -> T) throws -> T {
    var parser = ArchiveCSVParser(origin: "test.csv")
    var result: T?
    let take: (ArchiveCSVRow) throws -> Void = { row in if result == nil { result = try body(row) } }
    try parser.feed(Array(text.utf8), take)
    try parser.finish(take)
    return try #require(result)
}

struct ArchiveCSVParserTests {
    @Test func headerIsDetectedByANonNumericFirstCell() throws {
        let parsed = try parse("open_time,open\n1698364800000,34161.6\n1698368400000,34024.2\n")
        #expect(parsed.header == ["open_time", "open"])
        #expect(
            parsed.rows == [
                ParsedRow(line: 2, fields: ["1698364800000", "34161.6"]),
                ParsedRow(line: 3, fields: ["1698368400000", "34024.2"]),
            ])
    }

    @Test func numericFirstCellIsData() throws {
        let parsed = try parse("1698364800000,34161.6\n-1,2\n")
        #expect(parsed.header == nil)
        #expect(parsed.rows.map(\.fields) == [["1698364800000", "34161.6"], ["-1", "2"]])
        // A headerless metrics file starts with a datetime: a digit, so data as well.
        #expect(try parse("2023-01-21 00:05:00,BTCUSDT\n").header == nil)
    }

    @Test func crlfAndMissingFinalNewlineAndBlankLines() throws {
        let parsed = try parse("a,b\r\n1,2\r\n\r\n3,4")
        #expect(parsed.header == ["a", "b"])
        #expect(parsed.rows == [ParsedRow(line: 2, fields: ["1", "2"]), ParsedRow(line: 4, fields: ["3", "4"])])
    }

    @Test func byteOrderMarkAndHeaderOnlyFile() throws {
        let parsed = try parse("\u{FEFF}open_time,open\r\n")
        #expect(parsed.header == ["open_time", "open"])
        #expect(parsed.rows.isEmpty)
        #expect(try parse("").header == nil)
    }

    @Test func quotedNumbersDecodeLikeBareOnes() throws {
        #expect(
            try firstRow("1,\"0.1\",\"1698364800000\"\n") { row in [try row.decimal(1), Double(try row.timestampMs(2))]
            }
                == [0.1, 1_698_364_800_000])
    }

    @Test func emptyFields() throws {
        let parsed = try parse("1,,3,\n,,,\n")
        #expect(parsed.rows.map(\.fields) == [["1", "", "3", ""], ["", "", "", ""]])
    }

    @Test func quotedFields() throws {
        let parsed = try parse("name,note\n1,\"a,b\"\n2,\"say \"\"hi\"\"\"\n3,\"two\nlines\"\r\n4,\"\"\n")
        #expect(
            parsed.rows == [
                ParsedRow(line: 2, fields: ["1", "a,b"]),
                ParsedRow(line: 3, fields: ["2", "say \"hi\""]),
                ParsedRow(line: 4, fields: ["3", "two\nlines"]),
                ParsedRow(line: 6, fields: ["4", ""]),
            ])
    }

    @Test func everyChunkSplitGivesTheSameRows() throws {
        let text =
            "open_time,close,note\r\n1698364800000,34161.6,\"x,\"\"y\"\"\"\n\n1698368400000,34024.2,\r\n5,6,\"a\nb\"\n7,8,9"
        let bytes = Array(text.utf8)
        let whole = try parse([bytes])
        #expect(whole.rows.count == 4)
        for first in 0...bytes.count {
            for second in first...bytes.count {
                let chunks = [Array(bytes[..<first]), Array(bytes[first..<second]), Array(bytes[second...])]
                let split = try parse(chunks)
                #expect(split.header == whole.header && split.rows == whole.rows, "split at \(first), \(second)")
            }
        }
    }

    @Test func overLongLineIsAnError() throws {
        // 10 bytes allowed; the second line has 11, whole or arriving in pieces.
        #expect(try parse("1,2\n1234567890\n", maxLineBytes: 10).rows.count == 2)
        let expected = ArchiveCSVError(
            origin: "test.csv", line: 2, column: nil, expected: "a line of at most 10 bytes",
            found: "a line of 11 bytes")
        #expect(throws: expected) { try parse("1,2\n12345678901\n", maxLineBytes: 10) }
        #expect(throws: expected) { try parse("1,2\n12345678901", maxLineBytes: 10) }
        #expect(throws: ArchiveCSVError.self) {
            try parse([Array("1,2\n12345".utf8), Array("678901234".utf8), Array("\n".utf8)], maxLineBytes: 10)
        }
        #expect(
            expected.description == "test.csv: line 2: expected a line of at most 10 bytes, found a line of 11 bytes")
    }

    @Test func malformedQuotesAreErrors() throws {
        #expect(
            throws: ArchiveCSVError(
                origin: "test.csv", line: 2, column: "b", expected: "a quote only at the start of a field",
                found: "\"x\"y\"")
        ) { try parse("a,b\n1,x\"y\n") }
        #expect(
            throws: ArchiveCSVError(
                origin: "test.csv", line: 1, column: nil, expected: "a closing quote", found: "the end of the data")
        ) { try parse("1,\"open") }
        #expect(
            throws: ArchiveCSVError(
                origin: "test.csv", line: 1, column: "#1", expected: "a comma or the line end after a closing quote",
                found: "\"x\"")
        ) { try parse("1,\"a\"x\n") }
    }

    @Test func decimalsAreExact() throws {
        // "0.1" and "0.2" are the doubles nearest those decimals (0.1 + 0.2 != 0.3 in binary, so a parser that
        // accumulates digits in floating point would be off by an ulp on some of these).
        let texts = [
            "0.1", "0.2", "34161.6", "-0.00010000", "98666.16300000", "2236289208.19726700", "1e-5",
            "0.30000000000000004",
            "123456789012345678901234567890.5",
        ]
        for text in texts {
            let value = try firstRow("1,\(text)\n") { row in try row.decimal(1) }
            #expect(value == Double(text), "\(text)")
            let reference = try #require(DecimalText.parse(text))
            #expect(value.bitPattern == reference.bitPattern)
        }
        let error = ArchiveCSVError(
            origin: "test.csv", line: 2, column: "open", expected: "a decimal number", found: "\"nan\"")
        #expect(throws: error) { try firstRow("open_time,open\n1,nan\n") { row in try row.decimal(1) } }
        #expect(error.description == "test.csv: line 2, column open: expected a decimal number, found \"nan\"")
        #expect(
            throws: ArchiveCSVError(
                origin: "test.csv", line: 1, column: "#1", expected: "a decimal number", found: "an empty field")
        ) { try firstRow("1,\n") { row in try row.decimal(1) } }
        #expect(
            throws: ArchiveCSVError(
                origin: "test.csv", line: 1, column: "#5", expected: "a decimal number", found: "a row of 2 fields")
        ) { try firstRow("1,2\n") { row in try row.decimal(5) } }
    }

    @Test func integers() throws {
        #expect(
            try firstRow("1,-9223372036854775808,9223372036854775807\n") { row in [try row.int64(1), try row.int64(2)] }
                == [Int64.min, Int64.max])
        #expect(
            throws: ArchiveCSVError(
                origin: "test.csv", line: 1, column: "#1", expected: "an integer", found: "\"9223372036854775808\"")
        ) { try firstRow("1,9223372036854775808\n") { row in try row.int64(1) } }
        #expect(throws: ArchiveCSVError.self) { try firstRow("1,1.5\n") { row in try row.int64(1) } }
        // Either side of the 18 digits read without overflow checks, against `Int64(String)`.
        var state: UInt64 = 11
        var texts = [
            "999999999999999999", "-999999999999999999", "1000000000000000000", "-1000000000000000000", "0", "-0",
            "007", "-", "12a", "1-2", "99999999999999999999",
        ]
        for _ in 0..<2_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let digits = Int(state >> 59) % 20 + 1
            var text = state >> 63 == 1 ? "-" : ""
            for index in 0..<digits { text += String((state >> UInt64(index * 3)) % 10) }
            texts.append(text)
        }
        for text in texts {
            let parsed = try? firstRow("1,\(text)\n") { row in try row.int64(1) }
            #expect(parsed == Int64(text), "\(text)")
        }
    }

    @Test func timestamps() throws {
        func timestamp(_ text: String) throws -> Int64 { try firstRow("1,\(text)\n") { row in try row.timestampMs(1) } }
        // Epoch integers by magnitude: s, ms, µs.
        #expect(try timestamp("1698364800") == 1_698_364_800_000)
        #expect(try timestamp("1698364800000") == 1_698_364_800_000)
        #expect(try timestamp("1698364800000123") == 1_698_364_800_000)
        // 2020-09-01 00:00:00 UTC = 1_598_918_400 s.
        #expect(try timestamp("2020-09-01 00:00:00") == 1_598_918_400_000)
        // Leap day 2024-02-29 23:55:00 = 1_709_251_200 (2024-03-01) − 300 s.
        #expect(try timestamp("2024-02-29 23:55:00") == 1_709_250_900_000)
        // End of month and year: 2023-12-31 23:59:59 = 1_704_067_200 (2024-01-01) − 1 s.
        #expect(try timestamp("2023-12-31 23:59:59") == 1_704_067_199_000)
        #expect(try timestamp("2024-04-30 12:00:00") == 1_714_478_400_000)
        let expected = "a timestamp (epoch s/ms/µs or YYYY-MM-DD HH:MM:SS UTC)"
        for bad in ["2023-02-29 00:00:00", "2024-04-31 00:00:00", "2024-01-01 24:00:00", "2023-01-21", "-5", "1.5"] {
            #expect(
                throws: ArchiveCSVError(
                    origin: "test.csv", line: 1, column: "#1", expected: expected, found: "\"\(bad)\"")
            ) { try timestamp(bad) }
        }
    }
}
