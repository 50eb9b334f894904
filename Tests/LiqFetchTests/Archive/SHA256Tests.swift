import Foundation
import Testing

@testable import LiqFetch

@Suite struct SHA256Tests {
    /// FIPS 180-4 examples and the NIST CAVP long-message vectors.
    @Test(arguments: [
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
        (
            "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
        ),
    ])
    func knownVectors(message: String, expected: String) {
        #expect(SHA256.hex(SHA256.digest(Array(message.utf8))) == expected)
    }

    @Test func oneMillionA() {
        var hasher = SHA256()
        let thousand = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
        for _ in 0..<1000 { hasher.update(thousand) }
        #expect(SHA256.hex(hasher.finalize()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Lengths around the padding boundary (55, 56, 63, 64 bytes) and every split of a 200-byte input hash alike.
    @Test func everySplitPointGivesTheSameDigest() {
        let input = (0..<200).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        let whole = SHA256.digest(input)
        #expect(whole.count == 32)
        for split in 0...input.count {
            for second in split...input.count {
                var hasher = SHA256()
                hasher.update(input[0..<split])
                hasher.update(input[split..<second])
                hasher.update(input[second...])
                #expect(hasher.finalize() == whole, "split at \(split), \(second)")
            }
        }
    }

    @Test func agreesWithSha256sum() throws {
        let tool = "/usr/bin/sha256sum"
        guard FileManager.default.isExecutableFile(atPath: tool) else { return }
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        // 3 MiB + 17 bytes of varied content, so the tail is a partial block.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        let bytes = (0..<(3 << 20) + 17).map { _ -> UInt8 in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
        let file = try directory.write(bytes, to: "random.bin")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = [file]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let expected = String(decoding: output.prefix(64), as: UTF8.self)
        #expect(SHA256.hex(SHA256.digest(bytes)) == expected)
    }
}
