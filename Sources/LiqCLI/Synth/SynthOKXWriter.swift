import LiqCore
import LiqEmit

/// OKX files of a synthetic day: instruments, mark prices, current open interest, funding (current and
/// history), the liquidation-orders pages per underlying (newest first, 100 per page, `after` = oldest ts + 1 as
/// the adapter pages) and 1m candles (`candles`, then `history-candles` pages).
struct SynthOKXWriter {
    static let venue = "okx"
    static let pageLimit = 100
    static let candleLimit = 300
    static let historyCandleLimit = 100
    let day: SynthDay
    let markets: [SynthMarket]

    func write(to output: inout SynthOutput) throws(OutputError) {
        let base = "\(Self.venue)/api/v5"
        try output.write(
            "\(base)/public/instruments/instType=SWAP.json", envelope(markets.map { instrument($0.asset) }))
        try output.write(
            "\(base)/public/mark-price/instType=SWAP.json",
            envelope(
                markets.map { market in
                    SynthText.object([
                        ("instId", .string(instID(market))), ("instType", .string("SWAP")),
                        (
                            "markPx",
                            .string(SynthText.fixed(market.price(atMs: day.endMs - 500), market.asset.priceDecimals))
                        ),
                        ("ts", .string(String(day.endMs - 500))),
                    ])
                }))
        try output.write(
            "\(base)/public/open-interest/instType=SWAP.json",
            envelope(
                markets.map { market in
                    let coin = market.openInterest[day.minutes - 1]
                    let contracts = (coin / market.asset.okxContractValue * 100).rounded() / 100
                    let coinExact = contracts * market.asset.okxContractValue
                    return SynthText.object([
                        ("instId", .string(instID(market))), ("instType", .string("SWAP")),
                        ("oi", .string(SynthText.fixed(contracts, 2))),
                        ("oiCcy", .string(SynthText.fixed(coinExact, 8))),
                        ("oiUsd", .string(SynthText.fixed(coinExact * market.price(atMs: day.endMs - 1_200), 4))),
                        ("ts", .string(String(day.endMs - 1_200))),
                    ])
                }))
        for market in markets {
            let id = instID(market)
            let current = market.funding[day.minutes - 1]
            let settled = day.settlements.filter { $0 <= day.endMs }
            try output.write(
                "\(base)/public/funding-rate/instId=\(id).json",
                envelope([
                    SynthText.object([
                        ("formulaType", .string("withRate")), ("fundingRate", .string(SynthText.fixed(current, 10))),
                        ("fundingTime", .string(String(day.nextSettlement))), ("instId", .string(id)),
                        ("instType", .string("SWAP")), ("interestRate", .string("0.0001000000000000")),
                        ("maxFundingRate", .string("0.00375")), ("method", .string("current_period")),
                        ("minFundingRate", .string("-0.00375")), ("nextFundingRate", .string("")),
                        ("nextFundingTime", .string(String(day.nextSettlement + 8 * 3_600_000))),
                        ("premium", .string(SynthText.fixed(current - 0.0001, 10))),
                        ("prevFundingTime", .string(String(settled.last ?? day.startMs))),
                        (
                            "settFundingRate",
                            .string(
                                SynthText.fixed(market.funding[day.minute(of: (settled.last ?? day.startMs) - 1)], 8))
                        ),
                        ("settState", .string("settled")), ("ts", .string(String(day.endMs - 800))),
                    ])
                ]))
            try output.write(
                "\(base)/public/funding-rate-history/instId=\(id)&limit=100.json",
                envelope(
                    settled.reversed().map { ts in
                        let rate = market.funding[day.minute(of: ts - 1)]
                        return SynthText.object([
                            ("fundingRate", .string(SynthText.fixed(rate, 12))), ("fundingTime", .string(String(ts))),
                            ("instId", .string(id)), ("instType", .string("SWAP")),
                            ("method", .string("current_period")), ("realizedRate", .string(SynthText.fixed(rate, 8))),
                        ])
                    }))
            try writeLiquidationPages(market, to: &output)
            try writeCandles(market, to: &output)
        }
    }

    private func instID(_ market: SynthMarket) -> String { market.asset.name + "-USDT-SWAP" }

    private func envelope(_ data: [JSONValue]) -> JSONValue {
        SynthText.object([("code", .string("0")), ("msg", .string("")), ("data", .array(data))])
    }

    private func instrument(_ asset: SynthAsset) -> JSONValue {
        let uly = asset.name + "-USDT"
        return SynthText.object([
            ("alias", .string("")), ("baseCcy", .string("")), ("category", .string("1")), ("ctMult", .string("1")),
            ("ctType", .string("linear")), ("ctVal", .string(NumberFormat.plain(asset.okxContractValue))),
            ("ctValCcy", .string(asset.name)), ("expTime", .string("")), ("instFamily", .string(uly)),
            ("instId", .string(uly + "-SWAP")), ("instType", .string("SWAP")), ("lever", .string("100")),
            ("listTime", .string("1611916828000")), ("lotSz", .string("0.01")), ("minSz", .string("0.01")),
            ("quoteCcy", .string("")), ("settleCcy", .string("USDT")), ("state", .string("live")),
            ("tickSz", .string(SynthText.fixed(SynthText.pow10(-asset.priceDecimals), asset.priceDecimals))),
            ("uly", .string(uly)),
        ])
    }

    /// Liquidation details newest first in pages of `pageLimit`; each older page is the one the adapter asks
    /// for with `after` = the previous page's oldest ts + 1 (exclusive), so a millisecond split across pages
    /// repeats and the adapter drops the repeats by event id.
    private func writeLiquidationPages(_ market: SynthMarket, to output: inout SynthOutput) throws(OutputError) {
        let uly = market.asset.name + "-USDT"
        let details = market.liquidations.filter { SynthVenueShare.okx.contains($0.venueDraw) }.reversed()
            .map { event -> (Int64, JSONValue) in
                let contracts = max(0.01, (event.quantity / market.asset.okxContractValue * 100).rounded() / 100)
                let bankruptcy = event.price * (event.isLong ? 0.996 : 1.004)
                return (
                    event.timeMs,
                    SynthText.object([
                        ("bkLoss", .string("0")),
                        ("bkPx", .string(SynthText.fixed(bankruptcy, market.asset.priceDecimals))),
                        ("ccy", .string("")), ("posSide", .string(event.isLong ? "long" : "short")),
                        ("side", .string(event.isLong ? "sell" : "buy")),
                        ("sz", .string(NumberFormat.plain(contracts, fractionDigits: 2))),
                        ("ts", .string(String(event.timeMs))),
                    ])
                )
            }
        var after: Int64?
        var pages = 0
        while true {
            let page = Array(details.filter { after == nil || $0.0 < after! }.prefix(Self.pageLimit))
            var query = "instType=SWAP&uly=\(uly)&state=filled&limit=\(Self.pageLimit)"
            if let after { query += "&after=\(after)" }
            let data: [JSONValue] =
                page.isEmpty
                ? []
                : [
                    SynthText.object([
                        ("details", .array(page.map(\.1))), ("instFamily", .string(uly)),
                        ("instId", .string(uly + "-SWAP")), ("instType", .string("SWAP")),
                        ("totalLoss", .string("0")), ("uly", .string(uly)),
                    ])
                ]
            try output.write("\(Self.venue)/api/v5/public/liquidation-orders/\(query).json", envelope(data))
            pages += 1
            guard page.count >= Self.pageLimit, let oldest = page.last?.0 else { break }
            let cursor = oldest + 1
            if let after, cursor >= after { break }
            after = cursor
        }
        output.notePages(pages, venue: Self.venue)
    }

    /// `candles` answers with the newest `candleLimit` bars, the one at the end still forming (`confirm` 0);
    /// older bars come from `history-candles` pages strictly before `after` = the oldest open time.
    private func writeCandles(_ market: SynthMarket, to output: inout SynthOutput) throws(OutputError) {
        let id = instID(market)
        var upper = day.minutes + 1  // minutes, exclusive; the last is the forming bar
        var after: Int64?
        var pages = 0
        while true {
            let limit = after == nil ? Self.candleLimit : Self.historyCandleLimit
            let lower = max(0, upper - limit)
            let rows = (lower..<upper).reversed().map { candle(market, minute: $0) }
            let path =
                after.map { "history-candles/instId=\(id)&bar=1m&after=\($0)&limit=\(limit)" }
                ?? "candles/instId=\(id)&bar=1m&limit=\(limit)"
            try output.write("\(Self.venue)/api/v5/market/\(path).json", envelope(rows))
            pages += 1
            guard rows.count >= limit else { break }
            after = day.startMs + Int64(lower) * 60_000
            upper = lower
        }
        output.notePages(pages, venue: Self.venue)
    }

    private func candle(_ market: SynthMarket, minute: Int) -> JSONValue {
        let forming = minute == day.minutes
        let bar = market.bars[min(minute, day.minutes - 1)]
        let (open, high, low, close) =
            forming ? (bar.close, bar.close, bar.close, bar.close) : (bar.open, bar.high, bar.low, bar.close)
        let coinTraded = market.asset.openInterestBase * (forming ? 0.00001 : 0.001)
        let contracts = max(1, (coinTraded / market.asset.okxContractValue).rounded())
        let coin = contracts * market.asset.okxContractValue
        let decimals = market.asset.priceDecimals
        return SynthText.strings([
            String(day.startMs + Int64(minute) * 60_000), SynthText.fixed(open, decimals),
            SynthText.fixed(high, decimals), SynthText.fixed(low, decimals), SynthText.fixed(close, decimals),
            SynthText.fixed(contracts, 0), SynthText.fixed(coin, 8),
            SynthText.fixed(coin * (high + low + close) / 3, 4), forming ? "0" : "1",
        ])
    }
}
