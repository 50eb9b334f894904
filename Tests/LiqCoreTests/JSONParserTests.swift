import LiqCore
import Testing

@Suite struct JSONParserTests {
    @Test func keepsMemberOrderAndNumberText() throws {
        let value = try JSONParser.parse(#"{"b": 1.50, "a": [true, null, "x"], "c": -0.03750000}"#, origin: "t")
        #expect(
            value
                == .object([
                    JSONMember(key: "b", value: .number("1.50")),
                    JSONMember(key: "a", value: .array([.bool(true), .null, .string("x")])),
                    JSONMember(key: "c", value: .number("-0.03750000")),
                ]))
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let value = try JSONParser.parse(#""a\"b\\c\/\n\u00e9\ud83d\ude00""#, origin: "t")
        #expect(value == .string("a\"b\\c/\né😀"))
    }

    @Test(arguments: [
        (#"{"a": 1,}"#, 1, 9, "a member name in double quotes"),
        ("{\n  \"a\": 01\n}", 2, 9, "',' or '}'"),
        (#"[1, 2"#, 1, 6, "',' or ']'"),
        (#"{"a" 1}"#, 1, 6, "':' after member name"),
        (#""abc"#, 1, 5, "a closing '\"'"),
        (#"[1] x"#, 1, 5, "end of document"),
        (#"-"#, 1, 2, "a digit"),
        (#"1.e5"#, 1, 3, "a digit after '.'"),
        (#"tru"#, 1, 1, "true"),
        (#""\ud800x""#, 1, 8, "a low surrogate after a high surrogate"),
    ])
    func reportsLineColumnAndExpectation(text: String, line: Int, column: Int, expected: String) {
        #expect {
            _ = try JSONParser.parse(text, origin: "spec.json")
        } throws: { error in
            guard let error = error as? JSONError else { return false }
            return error.location == .text(line: line, column: column) && error.expected == expected
                && error.origin == "spec.json"
        }
    }

    @Test func rejectsControlCharactersAndBadUTF8() {
        #expect(throws: JSONError.self) { try JSONParser.parse("\"a\u{01}b\"", origin: "t") }
        #expect(throws: JSONError.self) { try JSONParser.parse([0x22, 0xFF, 0x22], origin: "t") }
    }

    @Test func boundsNestingDepth() throws {
        let fine = String(repeating: "[", count: 256) + String(repeating: "]", count: 256)
        _ = try JSONParser.parse(fine, origin: "t")
        let deep = String(repeating: "[", count: 257) + String(repeating: "]", count: 257)
        #expect(throws: JSONError.self) { try JSONParser.parse(deep, origin: "t") }
    }

    @Test func errorDescriptionNamesOriginAndPosition() {
        let error = JSONError(
            origin: "Fixtures/x.json", location: .text(line: 3, column: 7), expected: "a value", found: "'}'")
        #expect(error.description == "Fixtures/x.json:3:7: invalid JSON: expected a value, found '}'")
    }
}
