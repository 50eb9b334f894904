/// The `Sec-WebSocket-Accept` value a server must answer a `Sec-WebSocket-Key` with (RFC 6455 §4.2.2 item 5.4).
///
/// Public so that the loopback test server computes the value with the same tested code instead of a second copy.
public enum WebSocketAccept {
    /// RFC 6455's fixed GUID, appended to the key before hashing.
    private static let guid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"

    /// Base64 of the SHA-1 of `key` (as sent, base64 text) followed by the GUID.
    public static func value(forKey key: String) -> String {
        Base64.text(SHA1.digest(Array((key + guid).utf8)))
    }
}
