import LiqCore

/// BitMEX payloads in the venue's exact shapes with our own round numbers, for the BitMEX decoder and adapter
/// tests: instrument rows (as `/api/v1/instrument/active` and the `instrument` table send them) with per-test
/// overrides.
enum BitMEXPayloads {
    static let activeOrigin = "https://www.bitmex.com/api/v1/instrument/active"

    /// Contract terms of the symbols the tests use, as JSON text, in BitMEX's member order:
    /// (typ, underlying, quote, settle, multiplier, underlyingToPosition, underlyingToSettle, quoteToSettle,
    /// isQuanto, isInverse).
    static let terms: [String: [(String, String)]] = [
        "XBTUSD": contract("FFWCSX", "XBT", "USD", "XBt", "-100000000", "null", "-100000000", "null", false, true),
        "XBTUSDT": contract("FFWCSX", "XBT", "USDT", "USDt", "1", "1000000", "null", "1000000", false, false),
        "ETHUSDT": contract("FFWCSX", "ETH", "USDT", "USDt", "10", "100000", "null", "1000000", false, false),
        "ETHUSD": contract("FFWCSX", "ETH", "USD", "XBt", "100", "null", "null", "3108", true, false),
        "XBTEUR": contract("FFWCSX", "XBT", "EUR", "XBt", "-100000000", "null", "-100000000", "null", false, true),
        "XBTZ25": contract("FFCCSX", "XBT", "USD", "XBt", "-100000000", "null", "-100000000", "null", false, true),
        "XBT_USDT": contract("IFXXXP", "XBT", "USDT", "USDt", "1", "1000000", "null", "null", false, false),
    ]

    static func contract(
        _ type: String, _ underlying: String, _ quote: String, _ settle: String, _ multiplier: String,
        _ toPosition: String, _ underlyingToSettle: String, _ quoteToSettle: String, _ quanto: Bool, _ inverse: Bool
    ) -> [(String, String)] {
        [
            ("typ", "\"\(type)\""), ("underlying", "\"\(underlying)\""), ("quoteCurrency", "\"\(quote)\""),
            ("settlCurrency", "\"\(settle)\""), ("multiplier", multiplier),
            ("underlyingToPositionMultiplier", toPosition), ("underlyingToSettleMultiplier", underlyingToSettle),
            ("quoteToSettleMultiplier", quoteToSettle), ("isQuanto", "\(quanto)"), ("isInverse", "\(inverse)"),
        ]
    }

    /// Live state of the test rows: XBTUSD 300,000,000 contracts (USD) at a 60,000 mark are worth
    /// 300,000,000 × 100,000,000 / 60,000 = 500,000,000,000 XBt; ETHUSDT 1,000,000,000 contracts × 10 × 2,500
    /// = 25,000,000,000,000 USDt.
    static let state: [String: [(String, String)]] = [
        "XBTUSD": live(funding: true, openInterest: "300000000", openValue: "500000000000", mark: "60000"),
        "XBTUSDT": live(funding: true, openInterest: "2500000000", openValue: "150000000000000", mark: "60000"),
        "ETHUSDT": live(funding: true, openInterest: "1000000000", openValue: "25000000000000", mark: "2500"),
        "ETHUSD": live(funding: true, openInterest: "1403475", openValue: "350868750000", mark: "2500"),
        "XBTEUR": live(funding: true, openInterest: "1000", openValue: "1923077", mark: "52000"),
        "XBTZ25": live(funding: false, openInterest: "20000000", openValue: "32786885246", mark: "61000"),
        "XBT_USDT": [("lastPrice", "60010"), ("timestamp", "\"2025-10-10T21:59:59.000Z\"")],
    ]

    static func live(funding: Bool, openInterest: String, openValue: String, mark: String) -> [(String, String)] {
        [
            ("fundingTimestamp", funding ? "\"2025-10-11T04:00:00.000Z\"" : "null"),
            ("fundingInterval", funding ? "\"2000-01-01T08:00:00.000Z\"" : "null"),
            ("fundingRate", funding ? "0.0001" : "null"), ("indicativeFundingRate", funding ? "-0.0003" : "null"),
            ("openInterest", openInterest), ("openValue", openValue), ("markPrice", mark),
            ("indicativeSettlePrice", mark + ".5"), ("timestamp", "\"2025-10-10T21:59:59.000Z\""),
        ]
    }

    /// One row; `overrides` replace members by name (JSON text), a nil value removes the member.
    static func row(_ symbol: String, _ overrides: [String: String?] = [:]) -> String {
        var members = [("symbol", "\"\(symbol)\""), ("state", "\"Open\"")] + terms[symbol]! + state[symbol]!
        members = members.compactMap { key, value in
            guard let override = overrides[key] else { return (key, value) }
            return override.map { (key, $0) }
        }
        for (key, value) in overrides.sorted(by: { $0.key < $1.key }) where !members.contains(where: { $0.0 == key }) {
            if let value { members.append((key, value)) }
        }
        return "{" + members.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }

    static func array(_ rows: [String]) -> String { "[" + rows.joined(separator: ",") + "]" }
}

extension BitMEXPayloads {
    /// One row, parsed as the first element of an `/api/v1/instrument/active` answer.
    static func node(_ symbol: String, _ overrides: [String: String?] = [:]) throws -> JSONNode {
        try Payload.node(array([row(symbol, overrides)]), origin: activeOrigin).element(0)
    }
}
