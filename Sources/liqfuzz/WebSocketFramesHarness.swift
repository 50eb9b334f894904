// The frame parser is internal to LiqFetch (nothing outside the WebSocket client needs it), so the harness reaches
// it through a testable import, which only a debug build allows; a release build of liqfuzz skips this target.
#if DEBUG
    @testable import LiqFetch
#endif

/// The WebSocket frame parser over the input split into reads of the size the first byte picks: every message,
/// control frame and framing error is handed out, none may trap, and nothing may be buffered beyond one frame.
enum WebSocketFramesHarness {
    static let maxMessageBytes = 1 << 16

    static func run(_ data: [UInt8]) {
        #if DEBUG
            let (size, body) = FuzzHarness.chunked(data)
            var parser = WebSocketFrameParser(maxMessageBytes: maxMessageBytes)
            var index = body.startIndex
            do {
                while index < body.endIndex {
                    let end = min(index + size, body.endIndex)
                    parser.append(body[index..<end])
                    index = end
                    while try parser.next() != nil {}
                    // A frame header is at most 14 bytes; a longer frame must have been refused already.
                    if parser.bufferedByteCount > maxMessageBytes + 14 {
                        fatalError("frame parser buffered \(parser.bufferedByteCount) bytes")
                    }
                }
            } catch {}
        #endif
    }
}
