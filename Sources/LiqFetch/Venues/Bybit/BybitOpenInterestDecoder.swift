public import LiqCore

/// Decodes `/v5/market/open-interest` history rows, newest first.
///
/// Our open interest is one-sided (each contract counted once). Bybit documents `openInterest` as "the sum of
/// both sides", and since 2026-06 also sends `singleOpenInterest`, exactly half of it in every published row; the
/// single side is used when present and `openInterest` is halved otherwise. Quantities are contracts (base coin
/// for linear, USD for inverse); Bybit gives no USD value here, so the normaliser prices linear ones at the mark.
public enum BybitOpenInterestDecoder {
    public static func decode(_ document: JSONNode) throws -> [VenueOpenInterest] {
        let result = try BybitEnvelope.result(document)
        let symbol = try result.member("symbol").string()
        return try result.member("list").elements().map { (row) throws -> VenueOpenInterest in
            VenueOpenInterest(
                venue: .bybit, symbol: symbol, timestampMs: try row.member("timestamp").timestampMs(),
                quantity: try oneSided(
                    single: try row.optionalMember("singleOpenInterest"), total: try row.member("openInterest")),
                quantityUnit: .contracts, valueUSD: nil)
        }
    }

    /// One side of the open interest: `single` when Bybit sent it, else half the two-sided `total`.
    static func oneSided(single: JSONNode?, total: JSONNode) throws(JSONError) -> Double {
        if let single, single.value != .string("") { return try single.decimal() }
        return try total.decimal() / 2
    }
}
