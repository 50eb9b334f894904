import LiqCore
import LiqFetch
import Testing

/// Every message a planned connection receives, as the venue sends it, through `decode(line:origin:)`: the path
/// the collector and `replay` use. Control messages (acknowledgements, pongs, heartbeats) yield no record and no
/// error; data messages of the subscribed channels yield the right records; refusals are errors with the venue's
/// message. Our own values throughout.
@Suite struct LiveStreamMessageTests {
    static let origin = "captures/live.ndjson:1"

    static func decoder(_ venue: Venue) -> any StreamDecoder {
        let feeds = Set(Feed.allCases)
        switch venue {
        case .binanceUSDM: return BinanceStreamDecoder(venue: venue, symbols: ["BTCUSDT"], feeds: feeds)
        case .binanceCOINM: return BinanceStreamDecoder(venue: venue, symbols: ["BTCUSD_PERP"], feeds: feeds)
        case .bybit: return BybitStreamDecoder(symbols: ["BTCUSDT", "BTCUSD"], tickerFeeds: feeds)
        case .okx: return OKXStreamDecoder(symbols: ["BTC-USDT-SWAP"], feeds: feeds)
        case .bitmex: return BitMEXStreamDecoder(symbols: ["XBTUSD"], feeds: feeds)
        case .deribit: return DeribitStreamDecoder(symbols: ["BTC-PERPETUAL"], feeds: feeds)
        case .hyperliquid: return HyperliquidStreamDecoder(symbols: ["BTC"])
        }
    }

    static func decode(_ venue: Venue, _ lines: [String]) throws -> [VenueRecord] {
        var decoder = decoder(venue)
        var records: [VenueRecord] = []
        for line in lines { records += try decoder.decode(line: Array(line.utf8), origin: origin) }
        return records
    }

    static func liquidations(_ records: [VenueRecord]) -> [VenueLiquidation] {
        records.compactMap { record in
            guard case .liquidation(let event) = record else { return nil }
            return event
        }
    }

    // MARK: Control messages

    static let controlMessages: [(Venue, String)] = [
        (.binanceUSDM, #"{"result":null,"id":1}"#),
        (.binanceCOINM, #"{"result":null,"id":7}"#),
        (.bybit, #"{"success":true,"ret_msg":"","conn_id":"d1f2c3","req_id":"","op":"subscribe"}"#),
        (.bybit, #"{"success":true,"ret_msg":"pong","conn_id":"d1f2c3","req_id":"","op":"ping"}"#),
        (.bybit, #"{"success":true,"ret_msg":"pong"}"#),
        (.bybit, #"{"op":"pong","args":["1760130000000"],"conn_id":"d1f2c3"}"#),
        (.okx, #"{"event":"subscribe","arg":{"channel":"liquidation-orders","instType":"SWAP"},"connId":"a4d3ae55"}"#),
        (.okx, "pong"),
        (.okx, "pong\r"),
        (
            .okx,
            #"{"event":"notice","code":"64008","msg":"The connection will soon be closed for a service upgrade.","#
                + #""connId":"a4d3ae55"}"#
        ),
        (.okx, #"{"event":"channel-conn-count","channel":"liquidation-orders","connCount":"2","connId":"a4d3ae55"}"#),
        (
            .bitmex,
            #"{"info":"Welcome to the BitMEX Realtime API.","version":"2.0.0","timestamp":"2025-10-10T20:00:00.250Z","#
                + #""docs":"https://www.bitmex.com/app/wsAPI","limit":{"remaining":39}}"#
        ),
        (
            .bitmex,
            #"{"success":true,"subscribe":"instrument:XBTUSD","request":{"op":"subscribe","#
                + #""args":["liquidation","instrument:XBTUSD"]}}"#
        ),
        (
            .deribit,
            #"{"jsonrpc":"2.0","id":1,"result":"ok","usIn":1760130000000100,"usOut":1760130000000180,"#
                + #""usDiff":80,"testnet":false}"#
        ),
        (.deribit, #"{"jsonrpc":"2.0","id":2,"result":["trades.future.BTC.100ms"],"usIn":1,"usOut":2,"usDiff":1}"#),
        (.deribit, #"{"jsonrpc":"2.0","method":"heartbeat","params":{"type":"heartbeat"}}"#),
        (.deribit, #"{"jsonrpc":"2.0","method":"heartbeat","params":{"type":"test_request"}}"#),
        (.deribit, #"{"jsonrpc":"2.0","id":3,"result":{"version":"1.2.26"},"usIn":1,"usOut":2,"usDiff":1}"#),
    ]

    @Test(arguments: controlMessages)
    func controlMessageYieldsNothing(venue: Venue, line: String) throws {
        #expect(try Self.decode(venue, [line]).isEmpty)
    }

    // MARK: Refusals

    @Test func binanceRefusalIsAVenueAPIError() throws {
        let error = #expect(throws: VenueAPIError.self) {
            try Self.decode(.binanceUSDM, [#"{"error":{"code":2,"msg":"Invalid request: unknown variant"},"id":1}"#])
        }
        #expect(error?.description == Self.origin + ": binance-usdm error 2: Invalid request: unknown variant")
    }

    @Test func okxErrorEventIsAVenueAPIErrorWithItsMessage() throws {
        let error = #expect(throws: VenueAPIError.self) {
            try Self.decode(
                .okx,
                [
                    #"{"event":"error","code":"60018","msg":"Wrong URL or channel:liquidations,instId:BTC-USDT-SWAP "#
                        + #"doesn't exist.","connId":"a4d3ae55"}"#
                ])
        }
        #expect(
            error?.description
                == Self.origin
                + ": okx error 60018: Wrong URL or channel:liquidations,instId:BTC-USDT-SWAP doesn't exist.")
    }

    /// Only OKX answers a text ping with bare text; any other non-JSON line is still malformed, including `pong`
    /// on BitMEX, whose pongs answer our ping frames as frames and never reach a decoder.
    @Test func bareTextIsMalformedExceptTheOKXPong() throws {
        #expect(throws: JSONError.self) { try Self.decode(.okx, ["pang"]) }
        #expect(throws: JSONError.self) { try Self.decode(.bitmex, ["pong"]) }
    }

    // MARK: Data messages of the planned channels

    @Test func binanceUSDMarginedForceOrderInTheCombinedWrapper() throws {
        let events = Self.liquidations(
            try Self.decode(
                .binanceUSDM,
                [
                    #"{"stream":"!forceOrder@arr","data":{"e":"forceOrder","E":1760130061234,"o":{"s":"BTCUSDT","#
                        + #""S":"SELL","o":"LIMIT","f":"IOC","q":"0.500","p":"109800.10","ap":"110012.40","#
                        + #""X":"FILLED","l":"0.500","z":"0.500","T":1760130061230}}}"#,
                    #"{"stream":"!forceOrder@arr","data":{"e":"forceOrder","E":1760130061300,"o":{"s":"ETHUSDT","#
                        + #""S":"BUY","o":"LIMIT","f":"IOC","q":"2","p":"3900","ap":"3890","X":"FILLED","l":"2","#
                        + #""z":"2","T":1760130061290}}}"#,
                ]))
        // SELL is the engine selling a LONG out; 0.5 BTC filled at 110,012.40 = 55,006.20 USDT (ETHUSDT unselected).
        #expect(events.map(\.side) == [.long])
        #expect(events.map(\.quantity) == [0.5])
        #expect(events.map(\.quantityUnit) == [.base])
        #expect(abs((events.first.map { $0.quantity * $0.price } ?? 0) - 55_006.20) < 1e-6)
    }

    @Test func binanceCoinMarginedPairMarkArray() throws {
        let records = try Self.decode(
            .binanceCOINM,
            [
                #"{"stream":"btcusd@markPrice@1s","data":[{"e":"markPriceUpdate","E":1760130000000,"#
                    + #""s":"BTCUSD_PERP","p":"110321.5","P":"110300","i":"110330.2","r":"0.00010000","#
                    + #""T":1760140800000},{"e":"markPriceUpdate","E":1760130000000,"s":"BTCUSD_251226","#
                    + #""p":"111000.1","P":"110300","i":"110330.2","r":"","T":0}]}"#
            ])
        // The perpetual's mark and running rate; the quarterly is not selected.
        #expect(records.map(\.feed) == [.markPrice, .funding])
        #expect(records.map(\.symbol) == ["BTCUSD_PERP", "BTCUSD_PERP"])
    }

    @Test func bybitAllLiquidationBatch() throws {
        let events = Self.liquidations(
            try Self.decode(
                .bybit,
                [
                    #"{"topic":"allLiquidation.BTCUSDT","type":"snapshot","ts":1760130000500,"data":["#
                        + #"{"T":1760130000101,"s":"BTCUSDT","S":"Buy","v":"0.250","p":"110500.5"},"#
                        + #"{"T":1760130000377,"s":"BTCUSDT","S":"Sell","v":"1.5","p":"111020"}]}"#,
                    #"{"topic":"allLiquidation.BTCUSD","type":"snapshot","ts":1760130000500,"data":["#
                        + #"{"T":1760130000200,"s":"BTCUSD","S":"Sell","v":"25000","p":"111100"}]}"#,
                ]))
        // S is the liquidated POSITION (Buy = long). Linear: 0.25 BTC × 110,500.5 = 27,625.125 USDT. Inverse:
        // 25,000 one-USD contracts = 25,000 USD = 0.22502… BTC at 111,100 (the normaliser's contract sizes).
        #expect(events.map(\.side) == [.long, .short, .short])
        #expect(events.map(\.quantity) == [0.25, 1.5, 25_000])
        #expect(events.map(\.priceKind) == [.bankruptcy, .bankruptcy, .bankruptcy])
        #expect(abs((events.first.map { $0.quantity * $0.price } ?? 0) - 27_625.125) < 1e-6)
    }

    @Test func okxLiquidationOrdersPush() throws {
        let events = Self.liquidations(
            try Self.decode(
                .okx,
                [
                    #"{"arg":{"channel":"liquidation-orders","instType":"SWAP"},"data":[{"details":[{"bkLoss":"0","#
                        + #""bkPx":"110200.1","ccy":"","posSide":"long","side":"sell","sz":"37","#
                        + #""ts":"1760130000123"}],"instFamily":"BTC-USDT","instId":"BTC-USDT-SWAP","#
                        + #""instType":"SWAP","uly":"BTC-USDT"}]}"#
                ]))
        // posSide long: a long was liquidated; 37 contracts × 0.01 BTC (ctVal) = 0.37 BTC × 110,200.1
        // = 40,774.037 USDT, converted by the normaliser from the instrument's contract size.
        #expect(
            events == [
                VenueLiquidation(
                    venue: .okx, symbol: "BTC-USDT-SWAP", timestampMs: 1_760_130_000_123, side: .long,
                    price: 110_200.1, priceKind: .bankruptcy, quantity: 37, quantityUnit: .contracts,
                    completeness: .complete)
            ])
    }

    @Test func bitmexLiquidationStampedByTheInstrumentClock() throws {
        let events = Self.liquidations(
            try Self.decode(
                .bitmex,
                [
                    #"{"table":"instrument","action":"update","data":[{"symbol":"XBTUSD","#
                        + #""markPrice":110250.3,"timestamp":"2025-10-10T20:00:01.500Z"}]}"#,
                    #"{"table":"liquidation","action":"insert","data":[{"orderID":"1f2e3d4c","symbol":"XBTUSD","#
                        + #""side":"Sell","price":110100,"leavesQty":30000}]}"#,
                ]))
        // Sell is the engine's order against a LONG; 30,000 one-USD contracts = 30,000 USD (0.27248 BTC at the
        // 110,100 order price); stamped 2025-10-10T20:00:01.500Z = 1,760,126,401,500 ms.
        #expect(
            events == [
                VenueLiquidation(
                    venue: .bitmex, symbol: "XBTUSD", timestampMs: 1_760_126_401_500, side: .long, price: 110_100,
                    priceKind: .order, quantity: 30_000, quantityUnit: .contracts, completeness: .complete,
                    venueID: "1f2e3d4c")
            ])
    }

    @Test func deribitCurrencyTradesNotification() throws {
        let events = Self.liquidations(
            try Self.decode(
                .deribit,
                [
                    #"{"jsonrpc":"2.0","method":"subscription","params":{"channel":"trades.future.BTC.100ms","#
                        + #""data":[{"trade_seq":1,"trade_id":"BTC-1","timestamp":1760130000456,"tick_direction":0,"#
                        + #""price":110000.5,"mark_price":110010.2,"liquidation":"T","instrument_name":"BTC-PERPETUAL","#
                        + #""index_price":110020.1,"direction":"sell","amount":12000.0,"contracts":1200.0}]}}"#
                ]))
        // T with a sell: the liquidated taker was long; 12,000 USD = 0.1090904… BTC at 110,000.5.
        #expect(events.map(\.side) == [.long])
        #expect(events.map(\.quantity) == [12_000])
        #expect(events.map(\.quantityUnit) == [.usd])
        #expect(abs((events.first.map { $0.quantity / $0.price } ?? 0) - 0.109_090_413) < 1e-9)
    }
}
