import Foundation
import LiqCLI
import LiqCore
import LiqEmit
import Testing

/// `liqpipe decode` on real recorded payloads of every venue (../shared/feeds, beside the project; skipped when
/// absent), with one record of each checked by hand: side, base quantity and USD notional or value.
@Suite(.enabled(if: FileBytes.isDirectory(ProjectPaths.sharedFeeds)))
struct RecordedPayloadDecodeTests {
    /// The `payloads` of a sample file, each written as one line of a temporary input; `select` picks the body
    /// inside a payload where the sample wraps it (cryptofeed captures keep `url` and `data`).
    func input(
        _ sample: String,
        select: (JSONValue) -> [JSONValue] = { value in
            if case .array(let items) = value { return items }
            return [value]
        }
    ) throws -> String {
        let root = try JSONNode.parse(
            try FileBytes.read(ProjectPaths.sharedFeeds + "/" + sample, maxBytes: 1 << 20), origin: sample)
        let lines = select(try root.member("payloads").value).map {
            String(decoding: JSONWriter.encode($0, pretty: false), as: UTF8.self)
        }
        let path = try ProjectPaths.temporaryDirectory("recorded") + "/" + sample + ".ndjson"
        try AtomicFile.write(Array(lines.joined().utf8), to: path)
        return path
    }

    func decode(_ arguments: [String]) throws -> [JSONNode] {
        let captured = CapturedConsole()
        let code = CLI.run(["decode"] + arguments, console: captured.console)
        try #require(code == 0, "\(captured.err)")
        return try captured.out.split(separator: "\n").map { try JSONNode.parse(Array($0.utf8), origin: "stdout") }
    }

    @Test func binanceUSDMForceOrder() throws {
        let records = try decode([
            "--venue", "binance-usdm", "--feed", "liquidations", try input("binance_um_forceOrder_ws_tardis.json"),
        ])
        // S=BUY closes a short; z 0.014 BTC at ap 4706.04 = 65.88456 USD.
        #expect(try records[0].member("side").string() == "short")
        #expect(try records[0].member("quantity_base").decimal() == 0.014)
        #expect(try records[0].member("notional_usd").decimal() == 65.88456)
    }

    @Test func binanceCOINMInstruments() throws {
        let records = try decode([
            "--venue", "binance-coinm", "--feed", "instruments", "--symbols", "BTCUSD_PERP,ETHUSD_PERP",
            try input("binance_cm_exchangeInfo_rest_cryptofeed.json"),
        ])
        // Inverse contracts of 100 USD (BTC) and 10 USD (ETH), per the captured exchangeInfo.
        #expect(try records.map { try $0.member("symbol").string() } == ["BTCUSD_PERP", "ETHUSD_PERP"])
        #expect(try records.map { try $0.member("contract_size").decimal() } == [100, 10])
        #expect(try records.map { try $0.member("margining").string() } == ["inverse", "inverse"])
    }

    @Test func bybitAllLiquidation() throws {
        let records = try decode([
            "--venue", "bybit", "--feed", "liquidations", try input("bybit_allLiquidation_ws_fixture_nautilus.json"),
        ])
        // S is the position side: Buy = long, 0.015 BTC × 96,250.5 = 1,443.7575 USD; Sell = short, 1.25 × 97,410.
        #expect(try records.map { try $0.member("side").string() } == ["long", "short"])
        #expect(try records[0].member("notional_usd").decimal() == 1443.7575)
        #expect(try records[1].member("notional_usd").decimal() == 121_762.5)
        #expect(try records[0].member("price_kind").string() == "bankruptcy")
    }

    @Test func okxSettledFunding() throws {
        let records = try decode([
            "--venue", "okx", "--feed", "funding", try input("okx_funding_rate_history_rest_nautilus.json"),
        ])
        // realizedRate 0.00015 paid at 2024-01-01T00:00Z, 8-hourly: annualised 0.00015 × 1,095 = 0.16425.
        let paid = try #require(records.first { try $0.member("timestamp_ms").int64() == 1_704_067_200_000 })
        #expect(try paid.member("rate").decimal() == 0.00015)
        #expect(try paid.member("kind").string() == "settled")
        #expect(abs(try paid.member("annualized_rate").decimal() - 0.16425) < 1e-12)
    }

    @Test func bitmexInstrumentOpenInterest() throws {
        let sample = "bitmex_instrument_active_rest_cryptofeed.json"
        let body = try input(sample) { value in
            guard case .object(let members) = value, let data = members.first(where: { $0.key == "data" }) else {
                return []
            }
            return [data.value]
        }
        let records = try decode([
            "--venue", "bitmex", "--feed", "open-interest", "--symbols", "XBTUSD", "--instruments", body, body,
        ])
        // openValue 1,784,268,825,430 satoshi = 17,842.6882543 BTC; at the row's mark 32,184.89:
        // 574,264,958.77 USD (the contracts say 574,264,600 USD: 0.62 ppm apart).
        let xbt = try #require(records.first)
        #expect(try xbt.member("open_interest_base").decimal() == 17_842.6882543)
        #expect(abs(try xbt.member("open_interest_usd").decimal() - 574_264_958.7689) < 0.01)
    }

    @Test func deribitTickerOpenInterest() throws {
        let records = try decode([
            "--venue", "deribit", "--feed", "open-interest", try input("deribit_ticker_perp_ws_nautilus.json"),
        ])
        // open_interest 1,132,329,370 USD at mark 92,281.78 = 12,270.345999 BTC.
        let oi = try #require(records.first)
        #expect(try oi.member("open_interest_usd").decimal() == 1_132_329_370)
        #expect(abs(try oi.member("open_interest_base").decimal() - 12_270.34599896) < 1e-6)
    }

    @Test func hyperliquidFundingHistory() throws {
        let records = try decode([
            "--venue", "hyperliquid", "--feed", "funding",
            try input("hyperliquid_fundingHistory_rest_nautilus.json") { [$0] },
        ])
        // Hourly settlements: 0.0000125 per hour × 8,760 = 0.1095 a year; the third row has no premium and still counts.
        #expect(records.count == 3)
        #expect(try records[0].member("interval_hours").decimal() == 1)
        #expect(abs(try records[0].member("annualized_rate").decimal() - 0.1095) < 1e-12)
        #expect(try records[1].member("rate").decimal() == -0.0000081)
    }
}
