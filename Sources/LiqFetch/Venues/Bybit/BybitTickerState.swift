public import LiqCore

/// The latest known ticker fields of one Bybit symbol, merged from the REST `tickers` rows or the `tickers.{symbol}`
/// stream's snapshot and deltas.
///
/// A delta carries only the fields that changed ("If a response param is not found in the message, then its value
/// has not changed"), so a missing field keeps its cached value instead of becoming zero; an empty string (the
/// funding rate of a dated future) clears it. Each merge reports which feeds it changed, so a delta that only moves
/// the best bid emits nothing and one that moves the mark emits a mark record with the cached index price.
public struct BybitTickerState: Sendable, Equatable {
    /// USD per base unit.
    public var markPrice: Double?
    public var indexPrice: Double?
    /// The running rate of the period that settles at the next funding time, positive when longs pay.
    public var fundingRate: Double?
    public var fundingIntervalHours: Double?
    /// Two-sided `openInterest` and one-sided `singleOpenInterest`, in contracts.
    public var openInterest: Double?
    public var singleOpenInterest: Double?

    public init() {}

    /// Merges the fields present in `row`; returns the feeds whose values it touched.
    public mutating func merge(_ row: JSONNode) throws(JSONError) -> Set<Feed> {
        guard case .object(let members) = row.value else { throw row.error(expected: "an object") }
        var touched: Set<Feed> = []
        func update(_ key: String, _ field: inout Double?, _ feed: Feed) throws(JSONError) {
            guard let member = members.first(where: { $0.key == key }) else { return }
            touched.insert(feed)
            if member.value == .null || member.value == .string("") {
                field = nil
            } else {
                field = try JSONNode(value: member.value, path: row.path.appending(key: key), origin: row.origin)
                    .decimal()
            }
        }
        try update("markPrice", &markPrice, .markPrice)
        try update("indexPrice", &indexPrice, .markPrice)
        try update("fundingRate", &fundingRate, .funding)
        try update("fundingIntervalHour", &fundingIntervalHours, .funding)
        try update("openInterest", &openInterest, .openInterest)
        try update("singleOpenInterest", &singleOpenInterest, .openInterest)
        return touched
    }

    /// Records of `feeds` from the merged state, stamped `timestampMs`; a feed whose value is unknown yields none.
    public func records(symbol: String, timestampMs: Int64, feeds: Set<Feed>) -> [VenueRecord] {
        var records: [VenueRecord] = []
        if feeds.contains(.markPrice), let markPrice {
            records.append(
                .markPrice(
                    VenueMarkPrice(
                        venue: .bybit, symbol: symbol, timestampMs: timestampMs, markPrice: markPrice,
                        indexPrice: indexPrice)))
        }
        if feeds.contains(.funding), let fundingRate {
            records.append(
                .funding(
                    VenueFunding(
                        venue: .bybit, symbol: symbol, timestampMs: timestampMs, rate: fundingRate,
                        intervalHours: fundingIntervalHours, kind: .predicted)))
        }
        // One side, as in the history (`BybitOpenInterestDecoder`).
        if feeds.contains(.openInterest), let quantity = singleOpenInterest ?? openInterest.map({ $0 / 2 }) {
            records.append(
                .openInterest(
                    VenueOpenInterest(
                        venue: .bybit, symbol: symbol, timestampMs: timestampMs, quantity: quantity,
                        quantityUnit: .contracts, valueUSD: nil)))
        }
        return records
    }
}
