import LiqCore

/// The open liquidation levels of one venue, per side and tier, with exact prices (for clearing) and per-band totals
/// (for snapshots).
///
/// Decay, pro-rata reduction and calibration multiply a whole tier-side at once, so each stack keeps a lazy `scale`:
/// a level's USD is `stored × scale`, and those operations cost O(1) per stack instead of O(levels).
struct EstimatedLevelBook {
    struct Level {
        var price: Double
        var band: Int64
        var stored: Double
    }

    /// Levels of one side and tier. Sorted so that the next to be cleared is last: longs ascending by price (a falling
    /// low reaches the highest first), shorts descending.
    struct Stack {
        var levels: [Level] = []
        var scale = 1.0
        var storedTotal = 0.0
        var bandStored: [Int64: Double] = [:]
        var bandCount: [Int64: Int] = [:]

        var totalUSD: Double { storedTotal * scale }
    }

    /// Below this scale the stored values are rebased, so a long run of decay cannot underflow.
    private static let rebaseBelow = 1e-100

    private var long: [Stack]
    private var short: [Stack]

    init(tierCount: Int) {
        long = Array(repeating: Stack(), count: tierCount)
        short = long
    }

    /// Multiplies every open level of tier `tier` (both sides) by `factor` in [0, 1].
    mutating func scale(tier: Int, by factor: Double) {
        Self.scale(&long[tier], by: factor)
        Self.scale(&short[tier], by: factor)
    }

    /// Adds `usd` at liquidation price `price` (in band `band`) to a tier of a side, keeping the clearing order.
    mutating func add(side: PositionSide, tier: Int, price: Double, band: Int64, usd: Double) {
        if side == .long {
            Self.insert(Level(price: price, band: band, stored: usd / long[tier].scale), into: &long[tier]) {
                $0 <= price
            }
        } else {
            Self.insert(Level(price: price, band: band, stored: usd / short[tier].scale), into: &short[tier]) {
                $0 >= price
            }
        }
    }

    /// Removes long levels at or above `low` and short levels at or below `high`, reporting each one's side, price,
    /// band and USD.
    mutating func clear(low: Double, high: Double, _ report: (PositionSide, Double, Int64, Double) -> Void) {
        for tier in long.indices {
            Self.pop(&long[tier], side: .long, isHit: { $0 >= low }, report: report)
            Self.pop(&short[tier], side: .short, isHit: { $0 <= high }, report: report)
        }
    }

    /// Scales each side so its open levels total `targetUSD`; a side without levels is left empty.
    mutating func calibrate(toUSD targetUSD: Double) {
        for index in [0, 1] {
            var stacks = index == 0 ? long : short
            let total = stacks.reduce(0) { $0 + $1.totalUSD }
            guard total > 0 else { continue }
            for tier in stacks.indices { Self.scale(&stacks[tier], by: targetUSD / total) }
            if index == 0 { long = stacks } else { short = stacks }
        }
    }

    /// Open USD per band, ascending by band: (band, long, short).
    func snapshot() -> [EstimatedHeatmap.BandLevel] {
        var totals: [Int64: (long: Double, short: Double)] = [:]
        for stack in long {
            for (band, stored) in stack.bandStored { totals[band, default: (0, 0)].long += stored * stack.scale }
        }
        for stack in short {
            for (band, stored) in stack.bandStored { totals[band, default: (0, 0)].short += stored * stack.scale }
        }
        return totals.keys.sorted().map {
            EstimatedHeatmap.BandLevel(band: $0, longUSD: totals[$0]!.long, shortUSD: totals[$0]!.short)
        }
    }

    private static func scale(_ stack: inout Stack, by factor: Double) {
        guard !stack.levels.isEmpty else { return }
        stack.scale *= factor
        guard stack.scale < rebaseBelow else { return }
        // Fold the scale into the stored values; a level that fades to 0 is dropped.
        let scale = stack.scale
        let levels = stack.levels.compactMap { level -> Level? in
            let usd = level.stored * scale
            return usd > 0 ? Level(price: level.price, band: level.band, stored: usd) : nil
        }
        stack = Stack()
        for level in levels { append(level, to: &stack) }
    }

    /// Inserts after the last level for which `before(price)` holds (binary search; new levels usually land near
    /// the end, so the move is short).
    private static func insert(_ level: Level, into stack: inout Stack, before: (Double) -> Bool) {
        var lower = 0
        var upper = stack.levels.count
        while lower < upper {
            let middle = (lower + upper) / 2
            if before(stack.levels[middle].price) { lower = middle + 1 } else { upper = middle }
        }
        stack.levels.insert(level, at: lower)
        stack.storedTotal += level.stored
        stack.bandStored[level.band, default: 0] += level.stored
        stack.bandCount[level.band, default: 0] += 1
    }

    private static func append(_ level: Level, to stack: inout Stack) {
        stack.levels.append(level)
        stack.storedTotal += level.stored
        stack.bandStored[level.band, default: 0] += level.stored
        stack.bandCount[level.band, default: 0] += 1
    }

    private static func pop(
        _ stack: inout Stack, side: PositionSide, isHit: (Double) -> Bool,
        report: (PositionSide, Double, Int64, Double) -> Void
    ) {
        while let last = stack.levels.last, isHit(last.price) {
            stack.levels.removeLast()
            report(side, last.price, last.band, last.stored * stack.scale)
            let count = stack.bandCount[last.band, default: 1] - 1
            if count == 0 {
                // Removed outright so the band reads exactly 0, not floating-point residue.
                stack.bandCount[last.band] = nil
                stack.bandStored[last.band] = nil
            } else {
                stack.bandCount[last.band] = count
                stack.bandStored[last.band, default: 0] -= last.stored
            }
            stack.storedTotal = stack.levels.isEmpty ? 0 : stack.storedTotal - last.stored
        }
    }
}
