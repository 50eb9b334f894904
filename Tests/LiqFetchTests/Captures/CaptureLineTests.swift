import LiqCore
import LiqFetch
import Testing

@Suite struct CaptureLineTests {
    /// The record's line without its `\n`, parsed back.
    static func roundTrip(_ record: CaptureRecord) throws -> CaptureLine {
        let line = record.ndjsonLine()
        #expect(line.last == 0x0A)
        #expect(line.dropLast().contains(0x0A) == false)
        return try CaptureLine.parse(Array(line.dropLast()), path: "c.ndjson", lineNumber: 1)
    }

    static func record(_ message: [UInt8]) -> CaptureRecord {
        CaptureRecord(
            receivedMs: 1_760_130_000_123, venue: "binance-usdm", connection: "/market/stream", message: message)
    }

    @Test func jsonObjectIsStoredVerbatimAndSlicedBack() throws {
        let message = Array(#"{"e":"forceOrder","E":1760130000100,"o":{"s":"BTCUSDT","p":"60000.10"}}"#.utf8)
        let record = Self.record(message)
        let line = record.ndjsonLine()
        #expect(
            String(decoding: line, as: UTF8.self)
                == #"{"receivedMs":1760130000123,"venue":"binance-usdm","connection":"/market/stream","message":"#
                + String(decoding: message, as: UTF8.self) + "}\n")
        let parsed = try Self.roundTrip(record)
        #expect(parsed.record == record)
        #expect(Array(parsed.message) == message)
        // A slice of the line, not a copy through a JSON tree: it starts where the message starts in the line.
        #expect(parsed.message.startIndex == line.count - 2 - message.count)
    }

    @Test func jsonArrayWithSpacesIsVerbatim() throws {
        let message = Array(#" [ {"s":"ETHUSDT"} , 1.50000000 ] "#.utf8)
        let line = Self.record(message).ndjsonLine()
        #expect(
            String(decoding: line, as: UTF8.self).hasSuffix(#""message": [ {"s":"ETHUSDT"} , 1.50000000 ] }"# + "\n"))
        #expect(try Self.roundTrip(Self.record(message)).record == Self.record(message))
    }

    @Test(arguments: [
        "pong",
        #"quote " and backslash \ and \u0041 literally"#,
        "controls \u{01}\u{1F}\t\r\n end",
        "UTF-8: € ₿ 日本 🚀",
        "",
        "{not json",
        "{\"pretty\": 1,\n \"b\": 2}",
        "123",
    ])
    func textThatIsNotOneLineOfJSONBecomesAString(_ text: String) throws {
        let record = Self.record(Array(text.utf8))
        let line = String(decoding: record.ndjsonLine(), as: UTF8.self)
        #expect(line.contains(#""message":""#))
        // The whole line is one valid JSON document whatever the message held.
        #expect(throws: Never.self) { try JSONParser.parse(String(line.dropLast()), origin: "line") }
        let parsed = try Self.roundTrip(record)
        #expect(parsed.record == record)
    }

    @Test func controlCharactersAreEscaped() {
        let line = String(decoding: Self.record(Array("a\"b\\c\u{01}\n".utf8)).ndjsonLine(), as: UTF8.self)
        #expect(line.hasSuffix(#""message":"a\"b\\c\u0001\n"}"# + "\n"))
    }

    @Test(arguments: [[UInt8]([0xFF, 0x00, 0x8B, 0x1F]), [0xC3], [0x80, 0x81, 0x82, 0x83, 0x84]])
    func bytesThatAreNotUTF8GoToBase64(_ bytes: [UInt8]) throws {
        let record = Self.record(bytes)
        #expect(String(decoding: record.ndjsonLine(), as: UTF8.self).contains(#""messageBase64":""#))
        #expect(try Self.roundTrip(record).record == record)
    }

    @Test func base64Text() {
        // RFC 4648 §10 test vector "foobar" → "Zm9vYmFy"; one and two bytes of padding.
        let line = String(decoding: Self.record([0xFF, 0xFE, 0xFD, 0xFC]).ndjsonLine(), as: UTF8.self)
        #expect(line.hasSuffix(#""messageBase64":"//79/A=="}"# + "\n"))
    }

    @Test func venueAndConnectionAreEscaped() throws {
        let record = CaptureRecord(
            receivedMs: -5, venue: "v\"x", connection: "wss://h/ws?a=\\b", message: Array("[]".utf8))
        #expect(try Self.roundTrip(record).record == record)
    }

    @Test(arguments: [
        #"{"e":"forceOrder","o":{}}"#, "pong", #"[1,2]"#, #"{"receivedMsX":1}"#, "",
    ])
    func bareLinesAreMessagesAsTheyAre(_ text: String) throws {
        let parsed = try CaptureLine.parse(Array(text.utf8), path: "old.ndjson", lineNumber: 7)
        #expect(parsed.provenance == nil)
        #expect(parsed.record == nil)
        #expect(Array(parsed.message) == Array(text.utf8))
    }

    @Test(arguments: [
        (
            #"{"receivedMs":x,"venue":"v","connection":"c","message":{}}"#, 15,
            "an integer receive time in milliseconds", "'x'"
        ),
        (#"{"receivedMs":1,"venu":"v","connection":"c","message":{}}"#, 16, #"',"venue":'"#, "','"),
        (
            #"{"receivedMs":1,"venue":"v","connection":"c","message":{}} x"#, 60, "'}' closing the capture envelope",
            "'x'"
        ),
        (#"{"receivedMs":1,"venue":"v","connection":"c","message":}"#, 56, "a message", "'}'"),
        (
            #"{"receivedMs":1,"venue":"v\q","connection":"c","message":{}}"#, 28,
            #"a valid escape (\" \\ \/ \b \f \n \r \t \u)"#, "'q'"
        ),
        (#"{"receivedMs":1,"venue":"v","connection":"c","message":"a"x}"#, 56, "one string message", "'\"'"),
        (
            #"{"receivedMs":1,"venue":"v","connection":"c","messageBase64":"!!!!"}"#, 62,
            "a base64 string as the last member", "'\"'"
        ),
    ])
    func malformedEnvelopesNameFileLineAndColumn(_ text: String, column: Int, expected: String, found: String) {
        let error = #expect(throws: JSONError.self) {
            try CaptureLine.parse(Array(text.utf8), path: "caps/a.ndjson.gz", lineNumber: 12)
        }
        #expect(
            error
                == JSONError(
                    origin: "caps/a.ndjson.gz", location: .text(line: 12, column: column), expected: expected,
                    found: found))
    }
}
