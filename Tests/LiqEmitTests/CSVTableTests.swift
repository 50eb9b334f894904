import LiqEmit
import Testing

@Suite struct CSVTableTests {
    @Test func quotesOnlyWhatNeedsQuoting() {
        var table = CSVTable(columns: ["a", "b", "c"])
        table.append(["plain", "with,comma", "with \"quote\""])
        table.append(["line\nbreak", "", "cr\rhere"])
        let text = String(decoding: table.data, as: UTF8.self)
        #expect(text == "a,b,c\nplain,\"with,comma\",\"with \"\"quote\"\"\"\n\"line\nbreak\",,\"cr\rhere\"\n")
    }

    @Test func headerAloneIsOneLine() {
        #expect(String(decoding: CSVTable(columns: ["x", "y"]).data, as: UTF8.self) == "x,y\n")
    }
}
