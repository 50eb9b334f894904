import LiqCore
import LiqEmit

/// Binance USD-M files of a synthetic day: `exchangeInfo`, `fundingInfo`, `premiumIndex`, `openInterestHist` (5m),
/// `fundingRate`, 1m `klines` (paged back by `endTime` as the adapter asks) and a capture of the combined stream
/// `!forceOrder@arr/!markPrice@arr@1s`: liquidations sampled as Binance does (at most one per symbol per second)
/// and the mark price with its running funding rate once a minute (the live stream pushes it every second; one a
/// minute is what the per-minute panel reads, and keeps the file small).
struct SynthBinanceWriter {
    static let venue = "binance-usdm"
    static let klineLimit = 1_000
    let day: SynthDay
    let markets: [SynthMarket]

    var captureName: String { "captures/fstream-market-stream-synth.ndjson" }

    func write(to output: inout SynthOutput) throws(OutputError) {
        let base = Self.venue
        try output.write(
            "\(base)/fapi/v1/exchangeInfo/index.json",
            SynthText.object([
                ("timezone", .string("UTC")), ("serverTime", SynthText.number(day.endMs)),
                ("futuresType", .string("U_MARGINED")), ("rateLimits", .array([])), ("exchangeFilters", .array([])),
                ("assets", .array([])), ("symbols", .array(markets.map { symbolInfo($0.asset) })),
            ]))
        try output.write("\(base)/fapi/v1/fundingInfo/index.json", .array([]))
        for market in markets {
            let symbol = market.asset.name + "USDT"
            let pp = market.asset.priceDecimals
            let mark = market.price(atMs: day.endMs - 1)
            try output.write(
                "\(base)/fapi/v1/premiumIndex/symbol=\(symbol).json",
                SynthText.object([
                    ("symbol", .string(symbol)), ("markPrice", .string(SynthText.fixed(mark, 8))),
                    ("indexPrice", .string(SynthText.fixed(mark * 1.0002, 8))),
                    ("estimatedSettlePrice", .string(SynthText.fixed(mark * 1.0001, 8))),
                    ("lastFundingRate", .string(SynthText.fixed(market.funding[day.minutes - 1], 8))),
                    ("interestRate", .string("0.00010000")), ("nextFundingTime", SynthText.number(day.nextSettlement)),
                    ("time", SynthText.number(day.endMs - 1)),
                ]))
            let oiRows = stride(from: 0, to: day.minutes, by: 5).suffix(500).map { minute in
                let ts = day.startMs + Int64(minute) * 60_000
                let oi = market.openInterest[minute]
                return SynthText.object([
                    ("symbol", .string(symbol)), ("sumOpenInterest", .string(SynthText.fixed(oi, 8))),
                    ("sumOpenInterestValue", .string(SynthText.fixed(oi * market.price(atMs: ts), 8))),
                    ("CMCCirculatingSupply", .string("0.00000000")), ("timestamp", SynthText.number(ts)),
                ])
            }
            try output.write(
                "\(base)/futures/data/openInterestHist/symbol=\(symbol)&period=5m&limit=500.json", .array(oiRows))
            try output.write(
                "\(base)/fapi/v1/fundingRate/symbol=\(symbol)&limit=1000.json",
                .array(
                    day.settlements.map { ts in
                        SynthText.object([
                            ("symbol", .string(symbol)), ("fundingTime", SynthText.number(ts)),
                            ("fundingRate", .string(SynthText.fixed(market.funding[day.minute(of: ts - 1)], 8))),
                            ("markPrice", .string(SynthText.fixed(market.price(atMs: ts - 1), 8))),
                        ])
                    }))
            try writeKlines(market, symbol: symbol, decimals: pp, to: &output)
        }
        try output.writeLines("\(base)/\(captureName)", capture())
    }

    private func symbolInfo(_ asset: SynthAsset) -> JSONValue {
        SynthText.object([
            ("symbol", .string(asset.name + "USDT")), ("pair", .string(asset.name + "USDT")),
            ("contractType", .string("PERPETUAL")), ("deliveryDate", .number("4133404800000")),
            ("onboardDate", .number("1569398400000")), ("status", .string("TRADING")),
            ("maintMarginPercent", .string("2.5000")), ("requiredMarginPercent", .string("5.0000")),
            ("baseAsset", .string(asset.name)), ("quoteAsset", .string("USDT")), ("marginAsset", .string("USDT")),
            ("pricePrecision", .number(String(asset.priceDecimals))),
            ("quantityPrecision", .number(String(asset.quantityDecimals))), ("baseAssetPrecision", .number("8")),
            ("quotePrecision", .number("8")), ("underlyingType", .string("COIN")),
            ("underlyingSubType", SynthText.strings(["Layer-1"])), ("triggerProtect", .string("0.0500")),
            ("liquidationFee", .string("0.012500")), ("marketTakeBound", .string("0.05")),
            ("maxMoveOrderLimit", .number("10000")),
            (
                "filters",
                .array([
                    SynthText.object([
                        ("filterType", .string("PRICE_FILTER")),
                        (
                            "tickSize",
                            .string(SynthText.fixed(SynthText.pow10(-asset.priceDecimals), asset.priceDecimals))
                        ),
                    ]),
                    SynthText.object([
                        ("filterType", .string("LOT_SIZE")),
                        (
                            "stepSize",
                            .string(SynthText.fixed(SynthText.pow10(-asset.quantityDecimals), asset.quantityDecimals))
                        ),
                    ]),
                ])
            ),
            ("orderTypes", SynthText.strings(["LIMIT", "MARKET"])),
            ("timeInForce", SynthText.strings(["GTC", "IOC", "FOK", "GTX", "GTD"])),
        ])
    }

    /// Klines ascending; the adapter first asks for the newest `klineLimit`, then pages back with `endTime` =
    /// the oldest open time − 1 while pages are full (a full last page is followed by an empty one).
    private func writeKlines(_ market: SynthMarket, symbol: String, decimals: Int, to output: inout SynthOutput)
        throws(OutputError)
    {
        var upper = day.minutes  // exclusive minute bound of the next page
        var endTime: Int64?
        var pages = 0
        while true {
            let lower = max(0, upper - Self.klineLimit)
            let rows = (lower..<upper).map { kline(market, minute: $0, decimals: decimals) }
            var query = "symbol=\(symbol)&interval=1m&limit=\(Self.klineLimit)"
            if let endTime { query += "&endTime=\(endTime)" }
            try output.write("\(Self.venue)/fapi/v1/klines/\(query).json", .array(rows))
            pages += 1
            guard rows.count >= Self.klineLimit else { break }
            endTime = day.startMs + Int64(lower) * 60_000 - 1
            upper = lower
        }
        output.notePages(pages, venue: Self.venue)
    }

    private func kline(_ market: SynthMarket, minute: Int, decimals: Int) -> JSONValue {
        let bar = market.bars[minute]
        let opened = day.startMs + Int64(minute) * 60_000
        let volume = market.asset.openInterestBase * 0.002 * (1 + 40 * abs(bar.close / bar.open - 1) * 100)
        let vwap = (bar.high + bar.low + bar.close) / 3
        let takerBuy = volume * market.takerBuyShare(minute: minute, turnoverUSD: volume * vwap)
        return .array([
            SynthText.number(opened), .string(SynthText.fixed(bar.open, decimals)),
            .string(SynthText.fixed(bar.high, decimals)), .string(SynthText.fixed(bar.low, decimals)),
            .string(SynthText.fixed(bar.close, decimals)), .string(SynthText.fixed(volume, 3)),
            SynthText.number(opened + 59_999), .string(SynthText.fixed(volume * vwap, 5)),
            SynthText.number(Int64(volume * 3)), .string(SynthText.fixed(takerBuy, 3)),
            .string(SynthText.fixed(takerBuy * vwap, 5)), .string("0"),
        ])
    }

    /// `!forceOrder@arr` messages: this venue's share of the market's liquidations, the first per symbol and
    /// second kept, ordered by event time `E` (a few ms after the trade time `T`).
    private func capture() -> [JSONValue] {
        var lines: [(Int64, JSONValue)] = []
        for market in markets {
            let symbol = market.asset.name + "USDT"
            let qp = market.asset.quantityDecimals
            let pp = market.asset.priceDecimals
            var lastSecond: Int64 = -1
            for event in market.liquidations where SynthVenueShare.binance.contains(event.venueDraw) {
                guard event.timeMs / 1_000 != lastSecond else { continue }
                lastSecond = event.timeMs / 1_000
                let quantity = max(event.quantity, SynthText.pow10(-qp))
                let slip = event.isLong ? 0.0015 : -0.0015
                let eventTime = event.timeMs + 1 + event.timeMs % 37
                let order = SynthText.object([
                    ("s", .string(symbol)), ("S", .string(event.isLong ? "SELL" : "BUY")), ("o", .string("LIMIT")),
                    ("f", .string("IOC")), ("q", .string(SynthText.fixed(quantity, qp))),
                    ("p", .string(SynthText.fixed(event.price * (1 - slip), pp))),
                    ("ap", .string(SynthText.fixed(event.price * (1 - slip / 3), pp))), ("X", .string("FILLED")),
                    ("l", .string(SynthText.fixed(quantity, qp))), ("z", .string(SynthText.fixed(quantity, qp))),
                    ("T", SynthText.number(event.timeMs)),
                ])
                lines.append(
                    (
                        eventTime,
                        SynthText.object([
                            ("stream", .string("!forceOrder@arr")),
                            (
                                "data",
                                SynthText.object([
                                    ("e", .string("forceOrder")), ("E", SynthText.number(eventTime)), ("o", order),
                                ])
                            ),
                        ])
                    ))
            }
        }
        for minute in 0..<day.minutes {
            let eventTime = day.startMs + Int64(minute) * 60_000 + 30_000
            let updates: [JSONValue] = markets.map { market in
                let mark = market.price(atMs: eventTime)
                return SynthText.object([
                    ("e", .string("markPriceUpdate")), ("E", SynthText.number(eventTime)),
                    ("s", .string(market.asset.name + "USDT")), ("p", .string(SynthText.fixed(mark, 8))),
                    ("P", .string(SynthText.fixed(mark * 1.0001, 8))),
                    ("i", .string(SynthText.fixed(mark * 1.0002, 8))),
                    ("r", .string(SynthText.fixed(market.funding[minute], 8))),
                    ("T", SynthText.number(day.nextSettlement(after: eventTime))),
                ])
            }
            lines.append(
                (
                    eventTime,
                    SynthText.object([("stream", .string("!markPrice@arr@1s")), ("data", .array(updates))])
                ))
        }
        return lines.enumerated().sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }.map(\.element.1)
    }
}
