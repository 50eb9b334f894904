import LiqFetch
import Testing

@Suite struct HTTPHeadersTests {
    let headers: HTTPHeaders = ["Content-Type": "text/plain", "Set-Cookie": "a=1", "set-cookie": "b=2"]

    @Test(arguments: ["Set-Cookie", "set-cookie", "SET-COOKIE", "sEt-CoOkIe"])
    func findsNamesInAnyCase(name: String) {
        #expect(headers[name] == "a=1")
        #expect(headers.values(for: name) == ["a=1", "b=2"])
    }

    @Test func keepsOrderAndRepeatedNames() {
        #expect(headers.fields.map(\.name) == ["Content-Type", "Set-Cookie", "set-cookie"])
        #expect(Array(headers).map(\.value) == ["text/plain", "a=1", "b=2"])
    }

    @Test func addAppendsWithoutReplacing() {
        var copy = headers
        copy.add(name: "CONTENT-TYPE", value: "application/json")

        #expect(copy["content-type"] == "text/plain")
        #expect(copy.values(for: "Content-Type") == ["text/plain", "application/json"])
        #expect(copy.fields.last == HTTPHeaders.Field(name: "CONTENT-TYPE", value: "application/json"))
    }

    @Test func missingNameGivesNothing() {
        #expect(headers["Retry-After"] == nil)
        #expect(headers.values(for: "Retry-After").isEmpty)
        #expect(headers["Set-Cookie2"] == nil)
        #expect(headers["Set-Cooki"] == nil)
    }

    /// Only A–Z fold: "@" (0x40) and "`" (0x60), or "[" (0x5B) and "{" (0x7B), differ by the same bit as a letter's
    /// case but are different characters.
    @Test(arguments: [("X@", "X`"), ("X[", "X{"), ("Ä", "ä")])
    func foldsOnlyASCIILetters(sent: String, looked: String) {
        let headers: HTTPHeaders = [sent: "value"]
        #expect(headers[looked] == nil)
    }

    @Test func equalityIsExact() {
        #expect(headers == ["Content-Type": "text/plain", "Set-Cookie": "a=1", "set-cookie": "b=2"])
        #expect(headers != ["content-type": "text/plain", "Set-Cookie": "a=1", "set-cookie": "b=2"])
        #expect(headers != ["Content-Type": "text/plain", "set-cookie": "b=2", "Set-Cookie": "a=1"])
    }
}
