public import LiqCore

/// The records one ticker gives for the selected feeds: open interest, the current funding rate (perpetuals
/// only) and the mark price. Shared by the REST `public/ticker` answer and the `ticker.*` channel.
public enum DeribitTickerRecords {
    public static func records(_ ticker: JSONNode, feeds: Set<Feed>) throws(JSONError) -> [VenueRecord] {
        var records: [VenueRecord] = []
        if feeds.contains(.openInterest), let openInterest = try DeribitOpenInterestDecoder.decode(ticker) {
            records.append(.openInterest(openInterest))
        }
        if feeds.contains(.funding), let funding = try DeribitFundingDecoder.decodePredicted(ticker) {
            records.append(.funding(funding))
        }
        if feeds.contains(.markPrice) {
            records.append(.markPrice(try DeribitMarkPriceDecoder.decode(ticker)))
        }
        return records
    }
}
