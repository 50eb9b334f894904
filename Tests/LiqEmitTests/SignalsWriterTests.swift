import LiqCore
import LiqEmit
import Testing

@testable import LiqAnalytics

@Suite struct SignalsWriterTests {
    static func panel() -> MarketPanel {
        var first = MarketPanelRow(minuteMs: 0)
        first.longUSD = 10.5
        first.longCount = 1
        first.longUSDByVenue = [.bybit: 10.5]
        first.venues = [.bybit, .okx]
        first.open = 100
        first.high = 101.5
        first.low = 99
        first.close = 100.25
        first.openInterestUSD = 1_000_000
        first.fundingAnnualized = 0.1095
        first.takerBuyShare = 0.45
        var second = MarketPanelRow(minuteMs: 60_000)
        second.venues = [.bybit, .okx]
        second.lowerBound = true
        return MarketPanel(baseAsset: "BTC", rows: [first, second])
    }

    static func detection() -> CascadeDetection {
        let event = CascadeEvent(
            id: "0123456789abcdef", baseAsset: "BTC", side: .long, state: .exhausted, startMs: 0, peakMs: 0,
            endMs: 60_000, detectedMs: 0, confirmedMs: 180_000, totalUSD: 1_234_567.891, peakMinuteUSD: 1_000_000,
            priceMoveBps: -512.3456,
            exhaustionScore: 3, branchingRatio: nil, venueShares: [.okx: 0.25, .bybit: 0.75], venues: [.bybit, .okx],
            lowerBound: false,
            reasons: [
                CascadeReason(rule: "robust_z", value: 21.20412, threshold: 4, held: true),
                CascadeReason(rule: "funding_retraced", value: nil, threshold: 0.5, held: false),
            ])
        return CascadeDetection(
            events: [event], transitions: [],
            states: [.init(baseAsset: "BTC", side: .long, state: .cooldown, sinceMs: 120_000, eventID: event.id)],
            marketWideFlags: [.init(minuteMs: 0, assets: ["BTC", "ETH", "SOL"])])
    }

    @Test func signalsCSVColumnsAndRow() {
        let text = String(decoding: SignalsCSV.encode(Self.detection()), as: UTF8.self)
        // −512.3456 bp → −512.35 (2 decimals); no n̂ → empty; reasons rounded to 4 decimals.
        #expect(
            text == """
                event_id,base,side,state,start_ms,peak_ms,end_ms,total_usd,peak_minute_usd,price_move_bps,\
                exhaustion_score,branching_ratio,coverage,reasons
                0123456789abcdef,BTC,long,exhausted,0,0,60000,1234567.891,1000000,-512.35,3,,complete:bybit|okx,\
                robust_z=21.2041 vs 4 held; funding_retraced=n/a not evaluable

                """)
    }

    @Test func panelCSVWritesGapsAsEmptyFields() {
        let text = String(decoding: PanelCSV.encode(Self.panel()), as: UTF8.self)
        #expect(PanelCSV.fileName(asset: "BTC") == "panel_BTC.csv")
        #expect(
            text == """
                minute_ms,long_usd,short_usd,long_count,short_count,venues,lower_bound,open,high,low,close,\
                realized_vol,oi_usd,oi_change_5m,funding_annualized,taker_buy_share,long_usd_bybit,short_usd_bybit
                0,10.5,0,1,0,bybit|okx,false,100,101.5,99,100.25,,1000000,,0.1095,0.45,10.5,0
                60000,0,0,0,0,bybit|okx,true,,,,,,,,,,0,0

                """)
    }

    @Test func signalsJSONCarriesPanelContextFlagsAndStates() {
        let bytes = SignalsJSON.encode(Self.detection(), panels: [Self.panel()], contextMinutes: 0)
        #expect(bytes == SignalsJSON.encode(Self.detection(), panels: [Self.panel()], contextMinutes: 0))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("\"venueShares\": {\n"))
        #expect(text.contains("\"bybit\": 0.75"))
        #expect(text.contains("\"branchingRatio\": null"))
        #expect(text.contains("\"marketWide\": ["))
        #expect(text.contains("\"state\": \"cooldown\""))
        // Event minutes 0 and 60000 with no context: both panel rows.
        #expect(text.components(separatedBy: "\"minuteMs\": ").count - 1 == 3)  // two rows + one flag
        #expect(text.contains("\"takerBuyShare\": null"))  // the second minute's gap
    }
}
