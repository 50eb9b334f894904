import Testing

@testable import LiqFetch

@Suite struct Base64Tests {
    /// RFC 4648 §10 test vectors: every padding case.
    @Test(arguments: [
        ("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="),
        ("foobar", "Zm9vYmFy"),
    ])
    func matchesRFC4648Vectors(input: String, encoded: String) {
        #expect(Base64.text(Array(input.utf8)) == encoded)
    }

    /// The alphabet's last two characters and high bits, which the ASCII vectors above never reach.
    @Test func usesPlusAndSlashForTheTopValues() {
        #expect(Base64.text([0xFB, 0xFF, 0xBF]) == "+/+/")
        #expect(Base64.text([0x00, 0x10, 0x83]) == "ABCD")
    }
}
