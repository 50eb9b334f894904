import LiqCore
import LiqEmit

/// Bybit (linear) files of a synthetic day: instruments, tickers, open interest (5min, cursor pages), funding
/// history, 1m klines (paged back by `end`) and the `allLiquidation` capture, which is complete: every
/// liquidation of the venue's share, grouped into 500 ms messages.
struct SynthBybitWriter {
    static let venue = "bybit"
    static let pageLimit = 200
    let day: SynthDay
    let markets: [SynthMarket]

    var captureName: String { "captures/stream-linear-synth.ndjson" }

    func write(to output: inout SynthOutput) throws(OutputError) {
        let base = "\(Self.venue)/v5/market"
        try output.write(
            "\(base)/instruments-info/category=linear&limit=1000.json",
            envelope(
                SynthText.object([
                    ("category", .string("linear")), ("nextPageCursor", .string("")),
                    ("list", .array(markets.map { instrument($0.asset) })),
                ]), time: day.endMs - 4_211))
        try output.write(
            "\(base)/tickers/category=linear.json",
            envelope(
                SynthText.object([
                    ("category", .string("linear")),
                    ("list", .array(markets.map { ticker($0, ms: day.endMs - 1_377) })),
                ]), time: day.endMs - 1_377))
        // The adapter reads both categories' reference data; the synthetic market lists no inverse contract.
        try output.write(
            "\(base)/instruments-info/category=inverse&limit=1000.json",
            envelope(
                SynthText.object([
                    ("category", .string("inverse")), ("nextPageCursor", .string("")), ("list", .array([])),
                ]), time: day.endMs - 4_102))
        try output.write(
            "\(base)/tickers/category=inverse.json",
            envelope(
                SynthText.object([("category", .string("inverse")), ("list", .array([]))]), time: day.endMs - 1_377))
        for market in markets {
            let query = "category=linear&symbol=\(symbol(market))"
            try writeOpenInterest(market, query: query, to: &output)
            try output.write(
                "\(base)/funding/history/\(query)&limit=\(Self.pageLimit).json",
                envelope(
                    SynthText.object([
                        ("category", .string("linear")),
                        (
                            "list",
                            .array(
                                day.settlements.reversed().map { ts in
                                    SynthText.object([
                                        ("symbol", .string(symbol(market))),
                                        (
                                            "fundingRate",
                                            .string(SynthText.fixed(market.funding[day.minute(of: ts - 1)], 8))
                                        ),
                                        ("fundingRateTimestamp", .string(String(ts))),
                                    ])
                                })
                        ),
                    ]), time: day.endMs - 655))
            try writeKlines(market, query: query, to: &output)
        }
        try output.writeLines("\(Self.venue)/\(captureName)", capture())
    }

    private func symbol(_ market: SynthMarket) -> String { market.asset.name + "USDT" }

    private func envelope(_ result: JSONValue, time: Int64) -> JSONValue {
        SynthText.object([
            ("retCode", .number("0")), ("retMsg", .string("OK")), ("result", result), ("retExtInfo", .object([])),
            ("time", SynthText.number(time)),
        ])
    }

    private func instrument(_ asset: SynthAsset) -> JSONValue {
        let tick = SynthText.fixed(SynthText.pow10(-asset.priceDecimals), asset.priceDecimals)
        let step = SynthText.fixed(SynthText.pow10(-asset.quantityDecimals), asset.quantityDecimals)
        return SynthText.object([
            ("symbol", .string(asset.name + "USDT")), ("contractType", .string("LinearPerpetual")),
            ("status", .string("Trading")), ("baseCoin", .string(asset.name)), ("quoteCoin", .string("USDT")),
            ("launchTime", .string("1585526400000")), ("deliveryTime", .string("0")), ("deliveryFeeRate", .string("")),
            ("priceScale", .string(String(asset.priceDecimals))),
            (
                "priceFilter",
                SynthText.object([
                    ("minPrice", .string(tick)), ("maxPrice", .string("1999999.80")), ("tickSize", .string(tick)),
                ])
            ),
            (
                "lotSizeFilter",
                SynthText.object([
                    ("maxOrderQty", .string("1190.000")), ("minOrderQty", .string(step)), ("qtyStep", .string(step)),
                ])
            ),
            ("fundingInterval", .number("480")), ("settleCoin", .string("USDT")),
        ])
    }

    /// One side of the open interest (`singleOpenInterest`) and the two-sided total, exactly twice it.
    private func openInterestTexts(_ market: SynthMarket, minute: Int) -> (single: String, total: String) {
        let decimals = market.asset.quantityDecimals
        let single =
            (market.openInterest[minute] * 0.6 * SynthText.pow10(decimals)).rounded() / SynthText.pow10(decimals)
        return (SynthText.fixed(single, decimals), SynthText.fixed(2 * single, decimals))
    }

    private func ticker(_ market: SynthMarket, ms: Int64) -> JSONValue {
        let mark = market.price(atMs: ms)
        let pp = market.asset.priceDecimals
        let texts = openInterestTexts(market, minute: day.minute(of: ms))
        return SynthText.object([
            ("symbol", .string(symbol(market))), ("lastPrice", .string(SynthText.fixed(mark * 1.00002, pp))),
            ("indexPrice", .string(SynthText.fixed(mark / 1.0002, pp))),
            ("markPrice", .string(SynthText.fixed(mark, pp))),
            ("openInterest", .string(texts.total)), ("singleOpenInterest", .string(texts.single)),
            ("fundingRate", .string(SynthText.fixed(market.funding[day.minutes - 1], 8))),
            ("nextFundingTime", .string(String(day.nextSettlement))), ("fundingIntervalHour", .string("8")),
        ])
    }

    /// Open interest every 5 minutes, newest first, `pageLimit` per page; a full page carries a cursor to the
    /// next (older) one, the last an empty cursor.
    private func writeOpenInterest(_ market: SynthMarket, query: String, to output: inout SynthOutput)
        throws(OutputError)
    {
        let minutes = Array(stride(from: 0, to: day.minutes, by: 5).reversed())
        var cursor: String?
        var pages = 0
        var offset = 0
        while true {
            let page = minutes[offset..<min(minutes.count, offset + Self.pageLimit)]
            offset += page.count
            let next = offset < minutes.count ? "synthpage\(pages + 1)" : ""
            let rows = page.map { minute in
                let texts = openInterestTexts(market, minute: minute)
                return SynthText.object([
                    ("openInterest", .string(texts.total)), ("singleOpenInterest", .string(texts.single)),
                    ("timestamp", .string(String(day.startMs + Int64(minute) * 60_000))),
                ])
            }
            var path = "\(query)&intervalTime=5min&limit=\(Self.pageLimit)"
            if let cursor { path += "&cursor=\(cursor)" }
            try output.write(
                "\(Self.venue)/v5/market/open-interest/\(path).json",
                envelope(
                    SynthText.object([
                        ("symbol", .string(symbol(market))), ("category", .string("linear")), ("list", .array(rows)),
                        ("nextPageCursor", .string(next)),
                    ]), time: day.endMs - 912))
            pages += 1
            guard !next.isEmpty else { break }
            cursor = next
        }
        output.notePages(pages, venue: Self.venue)
    }

    /// Klines newest first, `pageLimit` per page, older pages asked with `end` = the oldest start − 1; a full
    /// last page is followed by an empty one (the adapter asks once more).
    private func writeKlines(_ market: SynthMarket, query: String, to output: inout SynthOutput) throws(OutputError) {
        var upper = day.minutes
        var end: Int64?
        var pages = 0
        let pp = market.asset.priceDecimals
        while true {
            let lower = max(0, upper - Self.pageLimit)
            let rows = (lower..<upper).reversed().map { minute in
                let bar = market.bars[minute]
                let volume = market.asset.openInterestBase * 0.0015
                return SynthText.strings([
                    String(day.startMs + Int64(minute) * 60_000), SynthText.fixed(bar.open, pp),
                    SynthText.fixed(bar.high, pp), SynthText.fixed(bar.low, pp), SynthText.fixed(bar.close, pp),
                    SynthText.fixed(volume, market.asset.quantityDecimals),
                    SynthText.fixed(volume * (bar.high + bar.low + bar.close) / 3, 4),
                ])
            }
            var path = "\(query)&interval=1&limit=\(Self.pageLimit)"
            if let end { path += "&end=\(end)" }
            try output.write(
                "\(Self.venue)/v5/market/kline/\(path).json",
                envelope(
                    SynthText.object([
                        ("symbol", .string(symbol(market))), ("category", .string("linear")), ("list", .array(rows)),
                    ]), time: day.endMs - 377))
            pages += 1
            guard rows.count >= Self.pageLimit else { break }
            end = day.startMs + Int64(lower) * 60_000 - 1
            upper = lower
        }
        output.notePages(pages, venue: Self.venue)
    }

    /// The subscription acknowledgement, then `allLiquidation.<symbol>` messages: the venue's events of each
    /// 500 ms slot, sent at the slot's end. `S` is the liquidated position (Buy = long), `p` the bankruptcy price.
    private func capture() -> [JSONValue] {
        var lines: [(Int64, JSONValue)] = [
            (
                day.startMs - 900,
                SynthText.object([
                    ("success", .bool(true)), ("ret_msg", .string("")), ("conn_id", .string("synth-linear")),
                    ("req_id", .string("liqpipe-1")), ("op", .string("subscribe")),
                ])
            )
        ]
        for market in markets {
            let qp = market.asset.quantityDecimals
            let pp = market.asset.priceDecimals
            var slots: [(Int64, [JSONValue])] = []
            for event in market.liquidations where SynthVenueShare.bybit.contains(event.venueDraw) {
                let bankruptcy = event.price * (event.isLong ? 0.995 : 1.005)
                let item = SynthText.object([
                    ("T", SynthText.number(event.timeMs)), ("s", .string(symbol(market))),
                    ("S", .string(event.isLong ? "Buy" : "Sell")),
                    ("v", .string(SynthText.fixed(max(event.quantity, SynthText.pow10(-qp)), qp))),
                    ("p", .string(SynthText.fixed(bankruptcy, pp))),
                ])
                let slot = event.timeMs / 500
                if let last = slots.last, last.0 == slot {
                    slots[slots.count - 1].1.append(item)
                } else {
                    slots.append((slot, [item]))
                }
            }
            for (slot, items) in slots {
                let ts = slot * 500 + 500 + slot % 40
                lines.append(
                    (
                        ts,
                        SynthText.object([
                            ("topic", .string("allLiquidation.\(symbol(market))")), ("type", .string("snapshot")),
                            ("ts", SynthText.number(ts)), ("data", .array(items)),
                        ])
                    ))
            }
        }
        return lines.enumerated().sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }.map(\.element.1)
    }
}
