import Testing

@testable import LiqFetch

@Suite struct WebSocketURLTests {
    @Test func splitsASecureURLWithDefaultPort() throws {
        let url = try WebSocketURL("wss://fstream.binance.com/market/stream?streams=!forceOrder@arr")
        #expect(url.isSecure)
        #expect(url.host == "fstream.binance.com")
        #expect(url.port == nil)
        #expect(url.target == "/market/stream?streams=!forceOrder@arr")
        #expect(url.hostHeader == "fstream.binance.com")
        #expect(url.transportURL == "https://fstream.binance.com:443/market/stream?streams=!forceOrder@arr")
    }

    @Test func keepsANonDefaultPortInTheHostHeader() throws {
        let url = try WebSocketURL("ws://127.0.0.1:9443")
        #expect(!url.isSecure)
        #expect(url.hostHeader == "127.0.0.1:9443")
        #expect(url.target == "/")
        #expect(url.transportURL == "http://127.0.0.1:9443/")
    }

    @Test func omitsAnExplicitDefaultPortAndAddsAPathBeforeAQuery() throws {
        let url = try WebSocketURL("WS://example.com:80?x=1")
        #expect(url.hostHeader == "example.com")
        #expect(url.target == "/?x=1")
    }

    @Test func keepsIPv6Brackets() throws {
        let url = try WebSocketURL("wss://[::1]:8443/ws")
        #expect(url.host == "[::1]")
        #expect(url.hostHeader == "[::1]:8443")
        #expect(url.transportURL == "https://[::1]:8443/ws")
    }

    @Test(arguments: [
        ("https://example.com/ws", "the scheme must be ws:// or wss://"),
        ("ws://example.com/ws#part", "WebSocket URLs must not have a fragment (RFC 6455 §3)"),
        ("ws://example.com/a b", "the URL contains whitespace or control characters"),
        ("ws://user@example.com/", "user information in the URL is not supported"),
        ("ws://[::1/", "unterminated IPv6 address"),
        ("ws:///path", "the host is empty"),
        ("ws://example.com:0/", "the port must be a number from 1 to 65535"),
        ("ws://example.com:65536/", "the port must be a number from 1 to 65535"),
        ("ws://example.com:x/", "the port must be a number from 1 to 65535"),
    ])
    func rejectsUnusableURLs(text: String, reason: String) {
        #expect(throws: WebSocketError.invalidRequest(url: text, reason: reason)) { try WebSocketURL(text) }
    }
}
