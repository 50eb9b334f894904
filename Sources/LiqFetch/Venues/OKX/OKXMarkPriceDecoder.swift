public import LiqCore

/// Decodes `/api/v5/public/mark-price` rows (and the `mark-price` channel, same rows): `instId`, `markPx`, `ts`.
/// OKX publishes the index on its own endpoint keyed by underlying, so no index price is attached.
public enum OKXMarkPriceDecoder {
    public static func decode(_ document: JSONNode) throws -> [VenueMarkPrice] {
        try OKXEnvelope.rows(document).map { (row) throws -> VenueMarkPrice in
            VenueMarkPrice(
                venue: .okx, symbol: try row.member("instId").string(), timestampMs: try row.member("ts").timestampMs(),
                markPrice: try row.member("markPx").decimal(), indexPrice: nil)
        }
    }
}
