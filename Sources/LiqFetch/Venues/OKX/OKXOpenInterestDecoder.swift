public import LiqCore

/// Decodes `/api/v5/public/open-interest` (and the `open-interest` channel).
///
/// `oiCcy` is already in the base coin for linear and inverse contracts alike, so it is used rather than
/// converting `oi` contracts; `oiUsd` is OKX's own valuation when present.
public enum OKXOpenInterestDecoder {
    public static func decode(_ document: JSONNode) throws -> [VenueOpenInterest] {
        try OKXEnvelope.rows(document).map { (row) throws -> VenueOpenInterest in
            let usd = try row.optionalMember("oiUsd").flatMap { (node) throws(JSONError) in
                node.value == .string("") ? nil : try node.decimal()
            }
            return VenueOpenInterest(
                venue: .okx, symbol: try row.member("instId").string(), timestampMs: try row.member("ts").timestampMs(),
                quantity: try row.member("oiCcy").decimal(), quantityUnit: .base, valueUSD: usd)
        }
    }
}
