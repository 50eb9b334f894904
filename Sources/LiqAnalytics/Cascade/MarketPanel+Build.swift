import Foundation
public import LiqCore

extension MarketPanel {
    /// One panel per base asset found in the inputs, ordered by asset.
    ///
    /// - `venueOrder` picks the price source: the first venue in this order with a 1-minute bar for the minute.
    /// - `coverage` entries for `.liquidations` decide which venues contribute; a venue with liquidations but no
    ///   coverage entry still contributes with the completeness its events carry.
    /// Bars whose `intervalMs` is not one minute are ignored (they would not describe the minute).
    public static func build(
        liquidations: [LiquidationEvent], bars: [PriceBar], openInterest: [OpenInterestSample],
        funding: [FundingSample], coverage: [FeedCoverage], venueOrder: [Venue] = Venue.allCases,
        config: MarketPanelConfig = MarketPanelConfig()
    ) -> [MarketPanel] {
        let minuteBars = bars.filter { $0.intervalMs == minuteMs }
        var assets = Set(liquidations.map(\.baseAsset))
        assets.formUnion(minuteBars.map(\.baseAsset))
        assets.formUnion(openInterest.map(\.baseAsset))
        var covered: [Venue: FeedCompleteness] = [:]
        for entry in coverage where entry.feed == .liquidations {
            if case .covered(let completeness) = entry.status { covered[entry.venue] = completeness }
        }
        return assets.sorted().map { asset in
            build(
                asset: asset, liquidations: liquidations.filter { $0.baseAsset == asset },
                bars: minuteBars.filter { $0.baseAsset == asset },
                openInterest: openInterest.filter { $0.baseAsset == asset },
                funding: funding.filter { $0.baseAsset == asset }, covered: covered, venueOrder: venueOrder,
                config: config)
        }
    }

    private static func build(
        asset: String, liquidations: [LiquidationEvent], bars: [PriceBar], openInterest: [OpenInterestSample],
        funding: [FundingSample], covered: [Venue: FeedCompleteness], venueOrder: [Venue], config: MarketPanelConfig
    ) -> MarketPanel {
        let stamps = liquidations.map(\.timestampMs) + bars.map(\.bucketStartMs) + openInterest.map(\.timestampMs)
        guard let firstMs = stamps.min(), let lastMs = stamps.max() else {
            return MarketPanel(baseAsset: asset, rows: [])
        }
        let first = floorMinute(firstMs)
        let count = Int((floorMinute(lastMs) - first) / minuteMs) + 1
        var rows = (0..<count).map { MarketPanelRow(minuteMs: first + Int64($0) * minuteMs) }
        let rank = Dictionary(uniqueKeysWithValues: venueOrder.enumerated().map { ($1, $0) })

        // Liquidations, summed in a stable order so totals are identical between runs.
        var seen: [Int: [Venue: FeedCompleteness]] = [:]
        for position in liquidations.indicesByTime(tieBreak: { $0.eventID < $1.eventID }) {
            let event = liquidations[position]
            let index = Int((floorMinute(event.timestampMs) - first) / minuteMs)
            switch event.side {
            case .long:
                rows[index].longUSD += event.notionalUSD
                rows[index].longCount += 1
                rows[index].longUSDByVenue[event.venue, default: 0] += event.notionalUSD
            case .short:
                rows[index].shortUSD += event.notionalUSD
                rows[index].shortCount += 1
                rows[index].shortUSDByVenue[event.venue, default: 0] += event.notionalUSD
            }
            if event.completeness == .sampled || seen[index]?[event.venue] == nil {
                seen[index, default: [:]][event.venue] = event.completeness
            }
        }
        for index in rows.indices {
            var venues = covered
            venues.merge(seen[index] ?? [:]) { old, new in old == .sampled || new == .sampled ? .sampled : .complete }
            rows[index].venues = venues.keys.sorted { (rank[$0] ?? Int.max, $0) < (rank[$1] ?? Int.max, $1) }
            rows[index].lowerBound = venues.values.contains(.sampled)
        }

        // Price: first venue in order with a bar; taker share over every bar that reports it.
        var barsByMinute: [Int: [PriceBar]] = [:]
        for bar in bars { barsByMinute[Int((bar.bucketStartMs - first) / minuteMs), default: []].append(bar) }
        for (index, minuteBars) in barsByMinute {
            let sorted = minuteBars.sorted {
                (rank[$0.venue] ?? Int.max, $0.venue, $0.symbol) < (rank[$1.venue] ?? Int.max, $1.venue, $1.symbol)
            }
            let chosen = sorted[0]
            rows[index].open = chosen.open
            rows[index].high = chosen.high
            rows[index].low = chosen.low
            rows[index].close = chosen.close
            let reporting = sorted.filter { $0.takerBuyVolumeBase != nil && $0.volumeBase > 0 }
            if !reporting.isEmpty {
                let buy = reporting.reduce(0.0) { $0 + ($1.takerBuyVolumeBase ?? 0) }
                rows[index].takerBuyShare = buy / reporting.reduce(0.0) { $0 + $1.volumeBase }
            }
        }
        for index in rows.indices.dropFirst() {
            if let close = rows[index].close, let previous = rows[index - 1].close, close > 0, previous > 0 {
                rows[index].realizedVolatility = abs(log(close / previous))
            }
        }

        fillOpenInterestAndFunding(
            &rows, openInterest: openInterest, funding: funding, first: first, config: config)
        return MarketPanel(baseAsset: asset, rows: rows)
    }

    /// Carries each instrument's latest open interest and funding forward (bounded by the config) and aggregates
    /// them per minute; a minute's value counts samples stamped before the minute ends.
    private static func fillOpenInterestAndFunding(
        _ rows: inout [MarketPanelRow], openInterest: [OpenInterestSample], funding: [FundingSample], first: Int64,
        config: MarketPanelConfig
    ) {
        struct Instrument: Hashable, Comparable {
            var venue: Venue
            var symbol: String
            static func < (lhs: Instrument, rhs: Instrument) -> Bool {
                (lhs.venue, lhs.symbol) < (rhs.venue, rhs.symbol)
            }
        }
        let oiSamples = openInterest.sorted { $0.timestampMs < $1.timestampMs }
        let fundingSamples = funding.sorted { $0.timestampMs < $1.timestampMs }
        var latestOI: [Instrument: (timestampMs: Int64, usd: Double)] = [:]
        var latestFunding: [Instrument: (timestampMs: Int64, annualized: Double)] = [:]
        var oiCursor = 0
        var fundingCursor = 0
        let oiMaxAge = Int64(config.openInterestMaxAgeMinutes) * minuteMs
        let fundingMaxAge = Int64(config.fundingMaxAgeMinutes) * minuteMs
        for index in rows.indices {
            let end = rows[index].minuteMs + minuteMs
            while oiCursor < oiSamples.count, oiSamples[oiCursor].timestampMs < end {
                let sample = oiSamples[oiCursor]
                latestOI[Instrument(venue: sample.venue, symbol: sample.symbol)] = (
                    sample.timestampMs, sample.openInterestUSD
                )
                oiCursor += 1
            }
            while fundingCursor < fundingSamples.count, fundingSamples[fundingCursor].timestampMs < end {
                let sample = fundingSamples[fundingCursor]
                if sample.intervalHours > 0 {
                    latestFunding[Instrument(venue: sample.venue, symbol: sample.symbol)] =
                        (sample.timestampMs, sample.rate * 24 * 365 / sample.intervalHours)
                }
                fundingCursor += 1
            }
            let freshOI = latestOI.filter { end - 1 - $0.value.timestampMs <= oiMaxAge }
            if !freshOI.isEmpty {
                rows[index].openInterestUSD = freshOI.keys.sorted().reduce(0.0) { $0 + freshOI[$1]!.usd }
            }
            let freshFunding = latestFunding.filter { end - 1 - $0.value.timestampMs <= fundingMaxAge }
            if !freshFunding.isEmpty {
                // Weighted by open interest where known; with no open interest for any of them, equal weights.
                let keys = freshFunding.keys.sorted()
                let weights = keys.map { freshOI[$0]?.usd ?? 0 }
                let total = weights.reduce(0, +)
                let used = total > 0 ? weights : keys.map { _ in 1.0 }
                let sum = used.reduce(0, +)
                rows[index].fundingAnnualized =
                    zip(keys, used).reduce(0.0) { $0 + freshFunding[$1.0]!.annualized * $1.1 } / sum
            }
            if index >= 5, let now = rows[index].openInterestUSD, let before = rows[index - 5].openInterestUSD,
                before > 0
            {
                rows[index].openInterestChange5m = now / before - 1
            }
        }
    }
}
