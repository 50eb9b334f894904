/// `--shard K/N`: this process takes the items whose key hashes to K−1 modulo N, so N processes (or machines)
/// started with 1/N … N/N split a backfill without talking to each other, each item in exactly one shard.
///
/// The hash is FNV-1a 64 of the key's UTF-8 bytes, not Swift's `Hasher`, which is seeded per process and would
/// give every process a different split.
struct BackfillShard: Sendable, Equatable {
    /// 1-based shard number K.
    var index: Int
    /// Shard count N.
    var count: Int

    static let whole = BackfillShard(index: 1, count: 1)
    static let maxCount = 1024

    /// Parses `K/N` with 1 ≤ K ≤ N ≤ 1024; nil when malformed.
    init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]),
            (1...Self.maxCount).contains(count), (1...count).contains(index)
        else { return nil }
        self.init(index: index, count: count)
    }

    init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    func contains(key: String) -> Bool {
        Self.fnv1a64(key) % UInt64(count) == UInt64(index - 1)
    }

    static func fnv1a64(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }
}
