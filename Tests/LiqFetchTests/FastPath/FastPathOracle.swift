import LiqCore
import LiqFetch

/// One payload family the fast path covers, with its fast decoder and the reference (tree) decoder, both reduced
/// to exact fingerprints so a comparison catches every field and every bit of every double.
enum FastPathOracle: Sendable, CustomStringConvertible {
    case binanceForceOrder(Venue)
    case okxLiquidation
    case binanceOpenInterestHistory(Venue)
    case binanceFundingHistory(Venue)
    case deribitTrades
    case bybitLiquidation
    case bitmexLiquidation

    var description: String {
        switch self {
        case .binanceForceOrder(let venue): "forceOrder \(venue.rawValue)"
        case .okxLiquidation: "OKX liquidation-orders"
        case .binanceOpenInterestHistory(let venue): "openInterestHist \(venue.rawValue)"
        case .binanceFundingHistory(let venue): "fundingRate \(venue.rawValue)"
        case .deribitTrades: "Deribit trades"
        case .bybitLiquidation: "Bybit allLiquidation"
        case .bitmexLiquidation: "BitMEX liquidation table"
        }
    }

    /// The fast decode, nil when it fell back.
    func fast(_ bytes: [UInt8]) -> [String]? {
        switch self {
        case .binanceForceOrder(let venue): FastBinanceForceOrder.decode(bytes, venue: venue)?.map(\.exactFields)
        case .okxLiquidation: FastOKXLiquidation.decode(bytes)?.map(\.exactFields)
        case .binanceOpenInterestHistory(let venue):
            FastBinanceOpenInterest.decodeHistory(bytes, venue: venue)?.map(\.exactFields)
        case .binanceFundingHistory(let venue):
            FastBinanceFunding.decodeSettled(bytes, venue: venue)?.map(\.exactFields)
        case .deribitTrades: FastDeribitLiquidation.decode(bytes)?.map(\.exactFields)
        case .bybitLiquidation: FastBybitLiquidation.decode(bytes)?.map(\.exactFields)
        case .bitmexLiquidation:
            switch FastBitMEXLiquidation.decode(bytes, timestampMs: Self.bitmexClockMs) {
            case .insert(let liquidations): ["insert"] + liquidations.map(\.exactFields)
            case .update(let orderIDs): ["update"] + orderIDs
            case .delete(let orderIDs): ["delete"] + orderIDs
            case nil: nil
            }
        }
    }

    /// The tree decode: `JSONParser` and the venue's decoder; its error when it throws.
    func tree(_ bytes: [UInt8]) -> Result<[String], any Error> {
        Result {
            let document = try JSONNode.parse(bytes, origin: "oracle")
            switch self {
            case .binanceForceOrder(let venue):
                return try BinanceLiquidationDecoder.decode(document, venue: venue).map(\.exactFields)
            case .okxLiquidation:
                return try OKXLiquidationDecoder.decode(document).map(\.exactFields)
            case .binanceOpenInterestHistory(let venue):
                return try BinanceOpenInterestDecoder.decodeHistory(document, venue: venue).map(\.exactFields)
            case .binanceFundingHistory(let venue):
                return try BinanceFundingDecoder.decodeSettled(document, venue: venue).map(\.exactFields)
            case .deribitTrades:
                return try Self.deribitTrades(document).map(\.exactFields)
            case .bybitLiquidation:
                return try BybitLiquidationDecoder.decode(document).map(\.exactFields)
            case .bitmexLiquidation:
                return try Self.bitmexTree(document)
            }
        }
    }

    /// `DeribitStreamDecoder`'s route to `DeribitLiquidationDecoder` without its symbol filter: `error` throws,
    /// other methods and channels yield nothing.
    static func deribitTrades(_ message: JSONNode) throws -> [VenueLiquidation] {
        if let error = try message.optionalMember("error") { throw error.error(expected: "no error") }
        guard let method = try message.optionalMember("method"), try method.string() == "subscription" else {
            return []
        }
        let params = try message.member("params")
        guard try params.member("channel").string().hasPrefix("trades.") else { return [] }
        return try DeribitLiquidationDecoder.decode(trades: params.member("data").elements())
    }

    /// The stream clock the BitMEX comparisons stamp inserts with.
    static let bitmexClockMs: Int64 = 1_760_126_400_123

    /// What `BitMEXStreamDecoder` reads of a message, as the fast path reports it: the action, then each row's
    /// `orderID`, or for an insert every row decoded by `BitMEXLiquidationDecoder` (the stream decoder decodes only
    /// the rows it keeps; the fast path decodes them all, so it may only fall back more often). Other messages
    /// give a fingerprint no fast decode can equal.
    static func bitmexTree(_ document: JSONNode) throws -> [String] {
        if try document.optionalMember("error") != nil { return ["(an error message)"] }
        guard let table = try document.optionalMember("table") else { return ["(no table)"] }
        let action = try document.member("action").string()
        let rows = try document.member("data").elements()
        guard try table.string() == "liquidation" else { return ["(another table)"] }
        return try [action]
            + rows.map { (row) throws -> String in
                let orderID = try row.member("orderID").string()
                guard action == "insert" else { return orderID }
                return try BitMEXLiquidationDecoder.decode(row, timestampMs: bitmexClockMs).exactFields
            }
    }

    /// What one comparison found.
    enum Verdict: Equatable {
        /// The fast path answered, with exactly the tree's records.
        case same
        /// The fast path fell back; the tree decides.
        case fellBack
        /// The fast path answered something the tree does not: always a bug.
        case differs(fast: [String], tree: String)
    }

    func compare(_ bytes: [UInt8]) -> Verdict {
        guard let fast = fast(bytes) else { return .fellBack }
        switch tree(bytes) {
        case .success(let records): return records == fast ? .same : .differs(fast: fast, tree: "\(records)")
        case .failure(let error): return .differs(fast: fast, tree: "error: \(error)")
        }
    }
}

extension VenueLiquidation {
    /// Every field, doubles by bit pattern (so -0.0 ≠ 0.0 and no printing can round a difference away).
    var exactFields: String {
        "\(venue.rawValue)|\(symbol)|\(timestampMs)|\(side)|\(price) \(price.bitPattern)|\(priceKind)|"
            + "\(quantity) \(quantity.bitPattern)|\(quantityUnit)|\(completeness)|\(venueID ?? "-")"
    }
}

extension VenueOpenInterest {
    var exactFields: String {
        "\(venue.rawValue)|\(symbol)|\(timestampMs)|\(quantity) \(quantity.bitPattern)|\(quantityUnit)|"
            + (valueUSD.map { "\($0) \($0.bitPattern)" } ?? "-")
    }
}

extension VenueFunding {
    var exactFields: String {
        "\(venue.rawValue)|\(symbol)|\(timestampMs)|\(rate) \(rate.bitPattern)|"
            + "\(intervalHours.map { "\($0.bitPattern)" } ?? "-")|\(kind)"
    }
}

extension Result {
    var isFailure: Bool {
        if case .failure = self { return true }
        return false
    }
}
