import LiqCore
import LiqFetch
import Testing

/// Real fixture messages with random bytes flipped, replaced, deleted, inserted or duplicated, 10,000 times per
/// payload family (seeded, so every run sees the same mutants): the fast decoder either equals the tree decoder
/// exactly or falls back, and never traps (the debug build checks every buffer access).
@Suite struct FastPathMutationTests {
    struct Family: Sendable, CustomTestStringConvertible {
        var oracle: FastPathOracle
        var seed: UInt64
        var testDescription: String { oracle.description }
    }

    static let families = [
        Family(oracle: .binanceForceOrder(.binanceUSDM), seed: 1),
        Family(oracle: .binanceForceOrder(.binanceCOINM), seed: 2),
        Family(oracle: .okxLiquidation, seed: 3),
        Family(oracle: .binanceOpenInterestHistory(.binanceUSDM), seed: 4),
        Family(oracle: .binanceFundingHistory(.binanceUSDM), seed: 5),
        Family(oracle: .deribitTrades, seed: 6),
        Family(oracle: .bybitLiquidation, seed: 6),
        Family(oracle: .bitmexLiquidation, seed: 7),
    ]

    /// Small real messages of `oracle`'s family: capture lines, single-detail OKX pushes, the first rows of
    /// each history answer (a whole 100-row page would make each tree decode slow without finding more).
    static func messages(_ oracle: FastPathOracle) throws -> [[UInt8]] {
        switch oracle {
        case .binanceForceOrder: return try FastPathCorpus.binanceCaptureLines()
        case .okxLiquidation: return try FastPathCorpus.okxPayloads().filter { $0.count < 1024 }
        case .deribitTrades: return try FastPathCorpus.deribitNotifications().filter { $0.count < 1024 }
        case .bybitLiquidation: return try FastPathCorpus.bybitCaptureLines()
        case .bitmexLiquidation: return try FastPathCorpus.bitmexCaptureLines()
        case .binanceOpenInterestHistory, .binanceFundingHistory:
            var messages: [[UInt8]] = []
            for entry in FastPathCorpus.entries where entry.oracle.description == oracle.description {
                for payload in try FastPathCorpus.payloads(entry) {
                    let rows = try JSONNode.parse(payload, origin: entry.relativePath).elements().prefix(3)
                    messages.append(Array(JSONText.render(.array(rows.map(\.value))).utf8))
                }
            }
            return messages
        }
    }

    /// Bytes that change JSON's meaning more often than random ones: structure, digits, escapes, whitespace,
    /// literal letters, the end-of-input sentinel, and UTF-8 lead, continuation and invalid bytes.
    static let interestingBytes =
        Array(#"{}[]":,.-+eE0123456789 \t\r\n\/untrfalsNFXSBLI"#.utf8)
        + [0x00, 0x7F, 0x80, 0xBF, 0xC3, 0xE4, 0xF0, 0xFF]

    static func mutate(_ original: [UInt8], using random: inout SplitMix64) -> [UInt8] {
        var bytes = original
        for _ in 0..<Int.random(in: 1...3, using: &random) where !bytes.isEmpty {
            let position = Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<6, using: &random) {
            case 0: bytes[position] ^= 1 << UInt8.random(in: 0..<8, using: &random)
            case 1: bytes[position] = interestingBytes.randomElement(using: &random)!
            case 2: bytes.remove(at: position)
            case 3: bytes.insert(interestingBytes.randomElement(using: &random)!, at: position)
            case 4: bytes.removeSubrange(position..<min(bytes.count, position + Int.random(in: 1...8, using: &random)))
            default:
                // Repeats a run of bytes elsewhere: duplicate keys, doubled values, stray fragments.
                let run = Array(bytes[position..<min(bytes.count, position + Int.random(in: 1...16, using: &random))])
                bytes.insert(contentsOf: run, at: Int.random(in: 0...bytes.count, using: &random))
            }
        }
        return bytes
    }

    @Test(arguments: families)
    func mutantsDecodeAlikeOrFallBack(_ family: Family) throws {
        let messages = try Self.messages(family.oracle)
        #expect(!messages.isEmpty)
        var random = SplitMix64(seed: family.seed)
        var same = 0
        var fellBack = 0
        var differing: [String] = []
        for _ in 0..<10_000 {
            let mutant = Self.mutate(messages.randomElement(using: &random)!, using: &random)
            switch family.oracle.compare(mutant) {
            case .same: same += 1
            case .fellBack: fellBack += 1
            case .differs(let fast, let tree):
                differing.append("\(String(decoding: mutant, as: UTF8.self)) → fast \(fast), tree \(tree)")
            }
        }
        #expect(differing.isEmpty)
        // Both outcomes must be common, or the mutants would not exercise the decoder at all.
        #expect(same > 500, "\(same) mutants decoded on the fast path")
        #expect(fellBack > 500, "\(fellBack) mutants fell back")
    }
}
