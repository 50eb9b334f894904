import LiqFetch
import Testing

@Suite struct WebSocketAcceptTests {
    /// RFC 6455 §1.3's worked example.
    @Test func matchesTheRFCExample() {
        #expect(WebSocketAccept.value(forKey: "dGhlIHNhbXBsZSBub25jZQ==") == "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")
    }
}
