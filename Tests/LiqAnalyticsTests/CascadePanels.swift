import Foundation
import LiqAnalytics
import LiqCore

/// Hand-built panels for the detector tests: minute i starts at `start + i·60 000`. Derived columns use the
/// panel's own definitions: realised volatility `|ln(close_i/close_{i−1})|`, `ΔOI_5m = OI_i/OI_{i−5} − 1`.
enum CascadePanels {
    /// 2025-10-10 20:00 UTC.
    static let start: Int64 = 1_760_126_400_000

    static func minute(_ index: Int) -> Int64 { start + Int64(index) * 60_000 }

    static func panel(
        asset: String = "BTC", longUSD: [Double], shortUSD: [Double]? = nil, close: [Double?],
        openInterest: [Double?]? = nil, funding: [Double?]? = nil, takerBuyShare: [Double?]? = nil
    ) -> MarketPanel {
        precondition(close.count == longUSD.count, "one close per minute")
        var rows: [MarketPanelRow] = []
        for index in longUSD.indices {
            var row = MarketPanelRow(minuteMs: minute(index))
            row.longUSD = longUSD[index]
            row.shortUSD = shortUSD?[index] ?? 0
            if row.longUSD > 0 { row.longUSDByVenue = [.bybit: row.longUSD] }
            if row.shortUSD > 0 { row.shortUSDByVenue = [.bybit: row.shortUSD] }
            row.venues = [.bybit]
            row.close = close[index]
            row.open = close[index]
            if index > 0, let now = close[index], let before = close[index - 1] {
                row.realizedVolatility = abs(log(now / before))
            }
            row.openInterestUSD = openInterest?[index]
            if index >= 5, let now = openInterest?[index], let before = openInterest?[index - 5] {
                row.openInterestChange5m = now / before - 1
            }
            row.fundingAnnualized = funding?[index]
            row.takerBuyShare = takerBuyShare?[index]
            rows.append(row)
        }
        return MarketPanel(baseAsset: asset, rows: rows)
    }

    /// `count` calm minutes (no liquidations, price 100) with `bursts[minute] = USD` of long liquidations; the
    /// price steps to `100 × (1 − 0.02)^k` from the k-th burst on (−2% per burst, enough for the 1% rule).
    static func bursts(
        _ bursts: [Int: Double], count: Int, asset: String = "BTC", priceDrop: Double = 0.02,
        takerAfterFirstBurst: Double? = nil
    ) -> MarketPanel {
        var longUSD = [Double](repeating: 0, count: count)
        var close = [Double?](repeating: 100, count: count)
        var taker = [Double?](repeating: 0.4, count: count)
        var level = 100.0
        let first = bursts.keys.min() ?? count
        for index in 0..<count {
            if let usd = bursts[index] {
                longUSD[index] = usd
                level *= 1 - priceDrop
            }
            close[index] = level
            if let share = takerAfterFirstBurst, index > first { taker[index] = share }
        }
        return panel(
            asset: asset, longUSD: longUSD, close: close,
            takerBuyShare: takerAfterFirstBurst == nil ? nil : taker)
    }
}
