import Foundation
import LiqCore
import LiqFetch
import LiqTestSupport
import Synchronization
import Testing

/// For every venue with a liquidation stream: the venue's plan (URL path, subscription text) against a loopback
/// server that checks it and pushes one liquidation in the venue's exact shape; the collector stores it, and the
/// venue's stream decoder reads a liquidation of the right side back out of the capture.
@Suite struct VenueProtocolCollectorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var venue: Venue
        var instrument: Instrument
        /// Pushed after the subscriptions, in order.
        var messages: [String]
        var side: PositionSide
        var testDescription: String { venue.rawValue }
    }

    static let cases: [Case] = [
        Case(
            venue: .binanceUSDM, instrument: StreamReference.instrument(.binanceUSDM, "BTCUSDT"),
            messages: [
                #"{"stream":"!forceOrder@arr","data":{"e":"forceOrder","E":1760130061234,"o":{"s":"BTCUSDT","#
                    + #""S":"SELL","o":"LIMIT","f":"IOC","q":"0.500","p":"109800.10","ap":"110012.40","#
                    + #""X":"FILLED","l":"0.500","z":"0.500","T":1760130061230}}}"#
            ], side: .long),
        Case(
            venue: .binanceCOINM,
            instrument: StreamReference.instrument(
                .binanceCOINM, "BTCUSD_PERP", quote: "USD", settle: "BTC", margining: .inverse),
            messages: [
                #"{"stream":"!forceOrder@arr","data":{"e":"forceOrder","E":1760130061234,"o":{"s":"BTCUSD_PERP","#
                    + #""ps":"BTCUSD","S":"BUY","o":"LIMIT","f":"IOC","q":"3","p":"110500.1","ap":"110400.2","#
                    + #""X":"FILLED","l":"3","z":"3","T":1760130061230}}}"#
            ], side: .short),
        Case(
            venue: .bybit, instrument: StreamReference.instrument(.bybit, "BTCUSDT"),
            messages: [
                #"{"success":true,"ret_msg":"","conn_id":"c1","op":"subscribe"}"#,
                #"{"topic":"allLiquidation.BTCUSDT","type":"snapshot","ts":1760130000500,"data":["#
                    + #"{"T":1760130000377,"s":"BTCUSDT","S":"Sell","v":"1.5","p":"111020"}]}"#,
            ],
            // allLiquidation's S is the liquidated position's side, unlike the order sides elsewhere: Sell = short.
            side: .short),
        Case(
            venue: .okx, instrument: StreamReference.instrument(.okx, "BTC-USDT-SWAP"),
            messages: [
                #"{"event":"subscribe","arg":{"channel":"liquidation-orders","instType":"SWAP"},"connId":"a1"}"#,
                #"{"arg":{"channel":"liquidation-orders","instType":"SWAP"},"data":[{"details":[{"bkLoss":"0","#
                    + #""bkPx":"110200.1","ccy":"","posSide":"long","side":"sell","sz":"37","#
                    + #""ts":"1760130000123"}],"instFamily":"BTC-USDT","instId":"BTC-USDT-SWAP","#
                    + #""instType":"SWAP","uly":"BTC-USDT"}]}"#,
            ], side: .long),
        Case(
            venue: .bitmex,
            instrument: StreamReference.instrument(.bitmex, "XBTUSD", quote: "USD", settle: "XBT", margining: .inverse),
            messages: [
                #"{"info":"Welcome to the BitMEX Realtime API.","version":"2.0","timestamp":"2025-10-10T20:00:00Z"}"#,
                #"{"table":"instrument","action":"update","data":[{"symbol":"XBTUSD","#
                    + #""markPrice":110250.3,"timestamp":"2025-10-10T20:00:01.500Z"}]}"#,
                #"{"table":"liquidation","action":"insert","data":[{"orderID":"1f2e3d4c","symbol":"XBTUSD","#
                    + #""side":"Buy","price":110400,"leavesQty":30000}]}"#,
            ], side: .short),
        Case(
            venue: .deribit,
            instrument: StreamReference.instrument(
                .deribit, "BTC-PERPETUAL", quote: "USD", settle: "BTC", margining: .inverse),
            messages: [
                #"{"jsonrpc":"2.0","method":"subscription","params":{"channel":"trades.future.BTC.100ms","#
                    + #""data":[{"trade_seq":1,"trade_id":"BTC-1","timestamp":1760130000456,"tick_direction":0,"#
                    + #""price":110000.5,"mark_price":110010.2,"liquidation":"T","instrument_name":"BTC-PERPETUAL","#
                    + #""index_price":110020.1,"direction":"sell","amount":12000.0,"contracts":1200.0}]}}"#
            ], side: .long),
    ]

    @Test(arguments: cases)
    func collectorStoresTheVenuesLiquidations(_ testCase: Case) throws {
        let planner = try StreamReference.planner(testCase.venue)
        let planned = Mutex<StreamEndpoint?>(nil)
        let server = try LoopbackWebSocketServer { peer in
            guard let endpoint = planned.withLock({ $0 }) else { throw LoopbackWebSocketError("no plan yet") }
            let target = try #require(URL(string: endpoint.url)).path
            guard peer.request.target.hasPrefix(target) else {
                throw LoopbackWebSocketError("connected to \(peer.request.target), planned \(endpoint.url)")
            }
            for expected in endpoint.subscribeMessages {
                let received = try peer.receiveText()
                guard received == expected else { throw LoopbackWebSocketError("got \(received), planned \(expected)") }
            }
            for message in testCase.messages { try peer.sendText(message) }
            try peer.waitForClientToHangUp()
        }
        defer { server.stop() }
        let endpoint = try #require(
            try planner.endpoints(
                reference: StreamReference.reference([testCase.instrument]), feeds: [.liquidations],
                baseURL: server.url(path: "/base")
            ).first)
        #expect(endpoint.url.hasPrefix(server.url(path: "/base")))
        planned.withLock { $0 = endpoint }
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let count = testCase.messages.count
        let outcome = try CollectorHarness(
            connections: [
                CollectorConnection(
                    venue: testCase.venue, endpoint: CollectorHarness.shortened(endpoint, staleAfterSeconds: 5),
                    planner: planner)
            ]
        ).run(directory: directory.path) { ($0.connections.first?.messages ?? 0) >= count }
        #expect(!outcome.timedOut)
        #expect(server.scriptErrors == [])
        #expect(outcome.records.count == count)
        #expect(outcome.records.allSatisfy { $0.venue == testCase.venue.rawValue && $0.connection == endpoint.label })
        var decoder = LiveStreamMessageTests.decoder(testCase.venue)
        var records: [VenueRecord] = []
        for record in outcome.records { records += try decoder.decode(line: record.message, origin: "capture") }
        let liquidations = LiveStreamMessageTests.liquidations(records)
        #expect(liquidations.map(\.side) == [testCase.side])
        #expect(liquidations.map(\.symbol) == [testCase.instrument.symbol])
    }
}
