import LiqCore
import LiqEmit
import Testing

@Suite struct JSONWriterTests {
    let value: JSONValue = .object([
        JSONMember(key: "a", value: .number("1.5")),
        JSONMember(key: "b", value: .array([.bool(true), .null, .string("x\"y\n\u{01}")])),
        JSONMember(key: "c", value: .object([])),
        JSONMember(key: "d", value: .array([])),
    ])

    @Test func prettyOutputIsExact() {
        let text = String(decoding: JSONWriter.encode(value), as: UTF8.self)
        #expect(
            text == """
                {
                  "a": 1.5,
                  "b": [
                    true,
                    null,
                    "x\\"y\\n\\u0001"
                  ],
                  "c": {},
                  "d": []
                }

                """)
    }

    @Test func compactOutputIsOneLine() {
        let text = String(decoding: JSONWriter.encode(value, pretty: false), as: UTF8.self)
        #expect(text == #"{"a": 1.5, "b": [true, null, "x\"y\n\u0001"], "c": {}, "d": []}"# + "\n")
    }

    @Test func roundTripsThroughTheParser() throws {
        #expect(try JSONParser.parse(JSONWriter.encode(value), origin: "t") == value)
        #expect(try JSONParser.parse(JSONWriter.encode(value, pretty: false), origin: "t") == value)
    }
}
