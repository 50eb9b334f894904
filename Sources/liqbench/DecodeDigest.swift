import LiqCore

/// What one pass of a decoder over a corpus produced: enough to prove that every decoder read the same records
/// (a count and an order-sensitive checksum of every field) and to keep the optimiser from discarding the work.
struct DecodeDigest: Equatable {
    var records = 0
    var checksum: UInt64 = 0

    mutating func add(_ liquidation: VenueLiquidation) {
        records += 1
        mix(liquidation.price.bitPattern)
        mix(liquidation.quantity.bitPattern)
        mix(UInt64(bitPattern: liquidation.timestampMs))
        mix(UInt64(liquidation.symbol.utf8.count))
        mix(liquidation.side == .long ? 1 : 2)
    }

    /// FNV-style mixing; cheap, so the digest costs every decoder the same few nanoseconds.
    private mutating func mix(_ field: UInt64) {
        checksum = (checksum ^ field) &* 0x0000_0100_0000_01B3
    }
}
