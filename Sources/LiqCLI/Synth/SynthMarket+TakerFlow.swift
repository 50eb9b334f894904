extension SynthMarket {
    /// Share of the minute's traded volume bought by takers. Liquidations are market orders — a liquidated long is a
    /// forced sell, a short a forced buy — so they tilt the flow against the liquidated side in proportion to their
    /// USD against the minute's ordinary turnover; on a rising minute buyers lead a little. So a long flush shows
    /// taker selling and the recovery after it shows new buying, the "taker flow flipped" of DOMAIN.md §5.
    func takerBuyShare(minute: Int, turnoverUSD: Double) -> Double {
        var longUSD = 0.0
        var shortUSD = 0.0
        let from = startMs + Int64(minute) * 60_000
        let to = from + 60_000
        for event in liquidations where event.timeMs >= from && event.timeMs < to {
            if event.isLong {
                longUSD += event.quantity * event.price
            } else {
                shortUSD += event.quantity * event.price
            }
        }
        let bar = bars[minute]
        let forced = (shortUSD - longUSD) / (longUSD + shortUSD + turnoverUSD)
        let trend = bar.close > bar.open ? 0.05 : bar.close < bar.open ? -0.05 : 0
        return min(0.95, max(0.05, 0.5 + 0.8 * forced + trend))
    }
}
