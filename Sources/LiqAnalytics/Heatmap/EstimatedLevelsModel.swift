public import LiqCore

#if canImport(Glibc)
    import Glibc
#endif

/// The estimated-liquidation-levels model of DOMAIN.md §4.2 (analytics-anchors §5, "Methodology A"): where the
/// positions opened during the run would be liquidated, inferred from open interest and OHLC bars because no venue
/// publishes its positions' liquidation prices.
///
/// Per venue, bars are walked in time order. For each bar, in this order (the order liqmap uses, so a level seeded
/// in a bar is first tested by the next bar's range — the path inside the seeding bar after entry is unknown):
/// 1. **Decay**: every tier's open levels are multiplied by `2^(−Δt/halfLife)`, `Δt` the time since the previous bar.
/// 2. **Clear**: long levels at or above the bar's low and short levels at or below its high were traded through;
///    they are removed and their USD is recorded as *predicted liquidations* in (bucket of the bar, band of the level,
///    side).
/// 3. **Open interest**: `OI_t` is the latest sample at or before the bar's end (`bucketStartMs + intervalMs`), so a
///    bar only sees open interest that existed when it closed. `ΔOI = OI_t − OI_{t−1}` in base units (so a price move
///    alone opens nothing), valued at the bar's typical price `(H + L + C)/3`. `ΔOI > 0` seeds that notional, split
///    long/short by the bar's taker-buy share of volume when it has one (else ½/½, as every contract has a long and a
///    short holder), then over the tiers by weight; each tier's level is the isolated-margin liquidation price from
///    `LiquidationPriceCalculator` at entry = typical price, leverage `L`, the venue's maintenance rate. `ΔOI < 0`
///    closes the fraction `−ΔOI / OI_{t−1}` of every open level, both sides (closing is pro-rata as we cannot tell
///    whose positions closed). The first bar with a sample only sets the baseline: positions opened before the run
///    have unknown entries and are not modelled.
/// 4. **Calibrate** (optional): each side's total is scaled to the venue's current open interest in USD.
/// 5. **Snapshot**: the open levels summed per band, at the last bar of each bucket.
///
/// Cost: O(tiers) per bar for decay, reduction and calibration (a lazy scale factor per tier and side), O(tiers ·
/// log n) per seed, O(1) per cleared level (each level is cleared at most once), plus one snapshot per bucket, which
/// is the output's own size (bands with open levels).
public struct EstimatedLevelsModel: Sendable, Equatable {
    /// One leverage tier: a share of new positions opened at `leverage`, whose unswept levels fade with `halfLifeMs`
    /// (positions are closed or topped up over time; high leverage is short-lived).
    public struct Tier: Sendable, Equatable {
        public var leverage: Double
        /// Share of new notional opened at this leverage; a mix's weights need not sum to 1 (they are used as given).
        public var weight: Double
        /// Half-life of an unswept level, ms.
        public var halfLifeMs: Double

        public init(leverage: Double, weight: Double, halfLifeMs: Double) {
            self.leverage = leverage
            self.weight = weight
            self.halfLifeMs = halfLifeMs
        }

        /// A tier with the default half-life for its leverage (`defaultHalfLifeMs`).
        public init(leverage: Double, weight: Double) {
            self.init(leverage: leverage, weight: weight, halfLifeMs: Self.defaultHalfLifeMs(leverage: leverage))
        }

        /// liqmap's tier half-lives (analytics-anchors §4, bendizziesmith/liqmap): 5x 30 d, 10x 14 d, 25x 5 d, 50x 1 d,
        /// 100x 12 h; a leverage between two of them takes the next higher one's (shorter) half-life.
        public static func defaultHalfLifeMs(leverage: Double) -> Double {
            let day = 86_400_000.0
            if leverage <= 5 { return 30 * day }
            if leverage <= 10 { return 14 * day }
            if leverage <= 25 { return 5 * day }
            if leverage <= 50 { return day }
            return day / 2
        }
    }

    /// DOMAIN.md §4.2 default mix, 5/10/25/50/100x weighted .15/.30/.25/.20/.10 (gptprojectmanager, analytics-anchors
    /// §5 item 3).
    public static let defaultTiers: [Tier] = [
        Tier(leverage: 5, weight: 0.15), Tier(leverage: 10, weight: 0.30), Tier(leverage: 25, weight: 0.25),
        Tier(leverage: 50, weight: 0.20), Tier(leverage: 100, weight: 0.10),
    ]

    /// First-tier maintenance margin rates (analytics-anchors §5 item 4, §6): Binance USDⓈ-M BTCUSDT 0.4% (§6.1
    /// bracket table), Bybit 0.5% (§6.2, minimum MMR for BTC), OKX 0.4% (§6.3 worked example). Other venues use
    /// `defaultMaintenanceMarginRate`.
    public static let defaultMaintenanceMarginRates: [Venue: Double] = [
        .binanceUSDM: 0.004, .bybit: 0.005, .okx: 0.004,
    ]

    /// 0.5%: the higher end of the 0.4–0.5% first-tier rates the reference lists (analytics-anchors §5).
    public static let defaultMaintenanceMarginRate = 0.005

    public var tiers: [Tier]
    public var maintenanceMarginRates: [Venue: Double]
    public var defaultMaintenanceMarginRate: Double
    /// Scale each side's open levels to the venue's current open interest (USD) after every bar (liqmap). Off by
    /// default: seeding from `ΔOI` already bounds the book, and calibration would attribute positions opened before
    /// the run to the levels of those opened during it.
    public var calibratesToOpenInterest: Bool

    public init(
        tiers: [Tier] = EstimatedLevelsModel.defaultTiers,
        maintenanceMarginRates: [Venue: Double] = EstimatedLevelsModel.defaultMaintenanceMarginRates,
        defaultMaintenanceMarginRate: Double = EstimatedLevelsModel.defaultMaintenanceMarginRate,
        calibratesToOpenInterest: Bool = false
    ) {
        self.tiers = tiers
        self.maintenanceMarginRates = maintenanceMarginRates
        self.defaultMaintenanceMarginRate = defaultMaintenanceMarginRate
        self.calibratesToOpenInterest = calibratesToOpenInterest
    }

    /// The maintenance margin rate used for `venue`'s levels.
    public func maintenanceMarginRate(for venue: Venue) -> Double {
        maintenanceMarginRates[venue] ?? defaultMaintenanceMarginRate
    }

    /// Runs the model on every series of one asset (one per venue and instrument) and sums them per (bucket, band). A venue without a bar in a
    /// bucket contributes its latest earlier snapshot (its positions are still open). Throws when a level has no
    /// liquidation price (a tier whose `1/L` does not exceed the venue's rate, or a non-positive price).
    public func run(_ series: [EstimatedVenueSeries], grid: HeatmapGrid) throws(LiquidationPriceError)
        -> EstimatedHeatmap
    {
        var runs: [EstimatedVenueRun] = []
        // A fixed order (venue, then instrument) so per-band sums add up in the same order in every run.
        let ordered = series.sorted {
            ($0.venue.rawValue, $0.bars.first?.symbol ?? "") < ($1.venue.rawValue, $1.bars.first?.symbol ?? "")
        }
        for venue in ordered {
            runs.append(try run(venue, grid: grid))
        }
        return EstimatedHeatmap(grid: grid, venueRuns: runs)
    }

    /// One venue's walk over its bars (see the type's documentation for the steps).
    func run(_ series: EstimatedVenueSeries, grid: HeatmapGrid) throws(LiquidationPriceError) -> EstimatedVenueRun {
        let calculator = LiquidationPriceCalculator()
        let rate = maintenanceMarginRate(for: series.venue)
        let bars = series.bars.sorted { $0.bucketStartMs < $1.bucketStartMs }
        let samples = series.openInterest.sorted { $0.timestampMs < $1.timestampMs }
        var book = EstimatedLevelBook(tierCount: tiers.count)
        var result = EstimatedVenueRun()
        var sampleIndex = 0
        var previousOpenInterest: OpenInterestSample?
        var previousBarStartMs: Int64?
        // The bucket and close of the bar walked last: its column is snapshotted once the walk leaves its bucket,
        // so the snapshot (the output's own size) is taken per bucket, not per bar.
        var open: (bucketStartMs: Int64, close: Double)?
        for bar in bars {
            let bucket = grid.bucket.start(of: bar.bucketStartMs)
            if let open, open.bucketStartMs != bucket {
                result.append(bucketStartMs: open.bucketStartMs, levels: book.snapshot(), close: open.close)
            }
            if let previousBarStartMs {
                let elapsed = Double(bar.bucketStartMs - previousBarStartMs)
                for (index, tier) in tiers.enumerated() {
                    book.scale(tier: index, by: exp2(-elapsed / tier.halfLifeMs))
                }
            }
            previousBarStartMs = bar.bucketStartMs
            book.clear(low: bar.low, high: bar.high) { side, _, band, usd in
                result.predictedCleared[side, default: [:]][
                    HeatmapCell(bucketStartMs: bucket, band: band), default: 0] += usd
            }

            // The latest open interest at or before the bar's end.
            let barEndMs = bar.bucketStartMs + bar.intervalMs
            var current: OpenInterestSample?
            while sampleIndex < samples.count, samples[sampleIndex].timestampMs <= barEndMs {
                current = samples[sampleIndex]
                sampleIndex += 1
            }
            if let current {
                if let previous = previousOpenInterest {
                    let typical = (bar.high + bar.low + bar.close) / 3
                    let change = current.openInterestBase - previous.openInterestBase
                    if change > 0 {
                        try seed(
                            notionalUSD: change * typical, entry: typical, longShare: Self.longShare(of: bar),
                            rate: rate, calculator: calculator, bands: grid.bands, into: &book)
                    } else if change < 0, previous.openInterestBase > 0 {
                        let closed = min(1, -change / previous.openInterestBase)
                        for index in tiers.indices { book.scale(tier: index, by: 1 - closed) }
                    }
                }
                previousOpenInterest = current
            }
            if calibratesToOpenInterest, let target = previousOpenInterest?.openInterestUSD {
                book.calibrate(toUSD: target)
            }
            open = (bucket, bar.close)
        }
        if let open {
            result.append(bucketStartMs: open.bucketStartMs, levels: book.snapshot(), close: open.close)
        }
        return result
    }

    /// Taker-buy share of the bar's volume: aggressive buyers open (or close) longs. ½ without the field or volume.
    static func longShare(of bar: PriceBar) -> Double {
        guard let takerBuy = bar.takerBuyVolumeBase, bar.volumeBase > 0 else { return 0.5 }
        return min(1, max(0, takerBuy / bar.volumeBase))
    }

    private func seed(
        notionalUSD: Double, entry: Double, longShare: Double, rate: Double, calculator: LiquidationPriceCalculator,
        bands: PriceBands, into book: inout EstimatedLevelBook
    ) throws(LiquidationPriceError) {
        for side in PositionSide.allCases {
            let sideUSD = notionalUSD * (side == .long ? longShare : 1 - longShare)
            guard sideUSD > 0 else { continue }
            for (index, tier) in tiers.enumerated() where tier.weight > 0 {
                let usd = sideUSD * tier.weight
                let level = try calculator.compute(
                    LiquidationPriceInput(
                        side: side, entryPrice: entry, quantityBase: usd / entry, leverage: tier.leverage,
                        maintenanceMarginRate: rate))
                book.add(
                    side: side, tier: index, price: level.liquidationPrice,
                    band: bands.band(of: level.liquidationPrice), usd: usd)
            }
        }
    }
}
