import LiqCore
import Testing

@testable import LiqFetch

@Suite struct WebSocketFrameEncoderTests {
    /// RFC 6455 §5.7: "A single-frame masked text message" with mask key 0x37fa213d.
    @Test func matchesTheRFCMaskedExample() {
        let frame = WebSocketFrameEncoder.encode(.text, payload: Array("Hello".utf8), maskKey: 0x37FA_213D)
        #expect(frame == [0x81, 0x85, 0x37, 0xFA, 0x21, 0x3D, 0x7F, 0x9F, 0x4D, 0x51, 0x58])
    }

    /// Lengths up to 125, up to 65535 and beyond take the 7-bit, 16-bit and 64-bit forms, each with the mask bit
    /// (0x80) set; unmasking gives the payload back.
    @Test(
        arguments: [
            (125, [0xFD]),
            (126, [0xFE, 0x00, 0x7E]),
            (65_535, [0xFE, 0xFF, 0xFF]),
            (65_536, [0xFF, 0, 0, 0, 0, 0, 0x01, 0x00, 0x00]),
        ] as [(Int, [UInt8])])
    func choosesTheShortestLengthForm(length: Int, lengthBytes: [UInt8]) {
        let payload = (0..<length).map { UInt8(truncatingIfNeeded: $0 * 31) }
        let frame = WebSocketFrameEncoder.encode(.binary, payload: payload, maskKey: 0xA1B2_C3D4)
        #expect(frame[0] == 0x82)
        #expect(Array(frame[1..<1 + lengthBytes.count]) == lengthBytes)
        let keyStart = 1 + lengthBytes.count
        #expect(Array(frame[keyStart..<keyStart + 4]) == [0xA1, 0xB2, 0xC3, 0xD4])
        let unmasked = frame[(keyStart + 4)...].enumerated().map { $0.element ^ frame[keyStart + $0.offset % 4] }
        #expect(unmasked == payload)
    }

    @Test func clearsFinForAFragmentAndDrawsKeysFromTheGenerator() {
        var first = SplitMix64(seed: 42)
        var second = SplitMix64(seed: 42)
        let a = WebSocketFrameEncoder.encode(.text, payload: [1, 2], isFinal: false, using: &first)
        let b = WebSocketFrameEncoder.encode(.text, payload: [1, 2], isFinal: false, using: &second)
        let c = WebSocketFrameEncoder.encode(.text, payload: [1, 2], isFinal: false, using: &first)
        #expect(a[0] == 0x01)
        #expect(a == b)
        #expect(a[2..<6] != c[2..<6])
    }

    @Test func buildsClosePayloadsWithinTheControlFrameLimit() {
        #expect(WebSocketFrameEncoder.closePayload(code: 1000, reason: "bye") == [0x03, 0xE8] + Array("bye".utf8))
        // 200 × "é" (2 bytes each) is cut to 61 characters = 122 bytes: a 62nd would pass 123 bytes.
        let cut = WebSocketFrameEncoder.closePayload(code: 1001, reason: String(repeating: "é", count: 200))
        #expect(cut.count == 124)
        #expect(String(validating: cut.dropFirst(2), as: UTF8.self) == String(repeating: "é", count: 61))
    }
}
