import LiqCore
import LiqFetch
import Testing

/// Every fixture payload a fast decoder covers decodes to exactly the tree decoder's records, and on the fast
/// path: these are the venues' real shapes, so a fallback here would mean the fast path misses the common case.
@Suite struct FastPathFixtureTests {
    @Test func everyPayloadFamilyHasFixtures() {
        let families = Set(FastPathCorpus.entries.map { $0.oracle.description })
        #expect(
            families.isSuperset(of: [
                "forceOrder binance-usdm", "openInterestHist binance-usdm", "fundingRate binance-usdm",
                "OKX liquidation-orders", "Bybit allLiquidation", "BitMEX liquidation table",
            ]))
    }

    @Test(arguments: FastPathCorpus.entries)
    func fastDecodeIsTheTreeDecode(_ entry: FastPathCorpus.Entry) throws {
        let payloads = try FastPathCorpus.payloads(entry)
        #expect(!payloads.isEmpty)
        var records = 0
        for (index, payload) in payloads.enumerated() {
            let verdict = entry.oracle.compare(payload)
            #expect(verdict == .same, "payload \(index + 1) of \(entry.relativePath)")
            records += entry.oracle.fast(payload)?.count ?? 0
        }
        #expect(records > 0)
    }

    @Test func deribitNotificationsBuiltFromTheRESTTradesDecodeAlike() throws {
        let notifications = try FastPathCorpus.deribitNotifications()
        #expect(notifications.count > 100)
        var records = 0
        for notification in notifications {
            #expect(
                FastPathOracle.deribitTrades.compare(notification) == .same,
                "\(String(decoding: notification, as: UTF8.self))")
            records += FastDeribitLiquidation.decode(notification)?.count ?? 0
        }
        #expect(records > 100)
    }

    @Test func okxPushesBuiltFromTheRESTRowsDecodeAlike() throws {
        let payloads = try FastPathCorpus.okxPayloads()
        #expect(payloads.count > 3)
        for payload in payloads {
            #expect(
                FastPathOracle.okxLiquidation.compare(payload) == .same, "\(String(decoding: payload, as: UTF8.self))")
        }
    }
}
