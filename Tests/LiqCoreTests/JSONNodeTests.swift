import LiqCore
import Testing

@Suite struct JSONNodeTests {
    let root: JSONNode

    init() throws {
        root = try JSONNode.parse(
            Array(
                #"{"data":[{"details":[{"sz":"39","bkPx":"0.55205","ts":"1680173247614"},{"sz":"x"}]}],"n":12,"nil":null}"#
                    .utf8), origin: "https://example.test/liq")
    }

    @Test func readsNestedDecimalsAndTimestamps() throws {
        let detail = try root.member("data").element(0).member("details").element(0)
        #expect(try detail.member("sz").decimal() == 39)
        #expect(try detail.member("bkPx").decimal() == 0.55205)
        #expect(try detail.member("ts").timestampMs() == 1_680_173_247_614)
        #expect(try root.member("n").int64() == 12)
    }

    @Test func errorNamesOriginAndPath() throws {
        let bad = try root.member("data").element(0).member("details").element(1).member("sz")
        #expect {
            _ = try bad.decimal()
        } throws: { error in
            (error as? JSONError)?.description
                == #"https://example.test/liq: data[0].details[1].sz: expected a decimal number or decimal string, found string "x""#
        }
    }

    @Test func missingMemberIsAnErrorAndNullIsAbsent() throws {
        #expect(try root.optionalMember("nil") == nil)
        #expect(try root.optionalMember("absent") == nil)
        #expect {
            _ = try root.member("absent")
        } throws: { error in
            (error as? JSONError)?.description == "https://example.test/liq: absent: expected a value, found nothing"
        }
    }

    @Test func unknownKeysAreNamed() throws {
        #expect {
            try root.requireOnlyKeys(["data", "n"])
        } throws: { error in
            guard let error = error as? JSONError else { return false }
            return error.location == .path(JSONPath.root.appending(key: "nil")) && error.found == #"unknown key "nil""#
        }
        try root.requireOnlyKeys(["data", "n", "nil"])
    }

    @Test func pathDescription() {
        let path = JSONPath.root.appending(key: "venues").appending(index: 2).appending(key: "symbols")
        #expect(path.description == "venues[2].symbols")
        #expect(JSONPath.root.description == "$")
    }
}
