import LiqCore
import LiqFetch
import Testing

/// `/api/v1/instrument/active` rows in BitMEX's shape, with our own values.
@Suite struct BitMEXInstrumentDecoderTests {
    static let origin = BitMEXPayloads.activeOrigin

    static func decode(_ rows: [String], symbols: Set<String>) throws -> [Instrument] {
        try BitMEXInstrumentDecoder.decode(
            try Payload.node(BitMEXPayloads.array(rows), origin: origin), symbols: symbols)
    }

    @Test func inverseContractIsMultiplierOverUnderlyingToSettleInUSD() throws {
        // −100,000,000 / −100,000,000 = 1 USD per contract; XBT is bitcoin, settled in bitcoin.
        #expect(
            try Self.decode([BitMEXPayloads.row("XBTUSD")], symbols: ["XBTUSD"]) == [
                Instrument(
                    venue: .bitmex, symbol: "XBTUSD", baseAsset: "BTC", quoteAsset: "USD", settleAsset: "BTC",
                    kind: .perpetual, margining: .inverse, contractSize: ContractSize(value: 1, unit: .usd))
            ])
    }

    @Test func linearContractIsMultiplierOverQuoteToSettleInBase() throws {
        // XBTUSDT 1 / 1,000,000 = 0.000001 BTC; ETHUSDT 10 / 1,000,000 = 0.00001 ETH (= 1 / 100,000, its
        // underlyingToPositionMultiplier).
        let instruments = try Self.decode(
            [BitMEXPayloads.row("XBTUSDT"), BitMEXPayloads.row("ETHUSDT")], symbols: ["XBTUSDT", "ETHUSDT"])
        #expect(
            instruments == [
                Instrument(
                    venue: .bitmex, symbol: "XBTUSDT", baseAsset: "BTC", quoteAsset: "USDT", settleAsset: "USDT",
                    kind: .perpetual, margining: .linear, contractSize: ContractSize(value: 0.000001, unit: .base)),
                Instrument(
                    venue: .bitmex, symbol: "ETHUSDT", baseAsset: "ETH", quoteAsset: "USDT", settleAsset: "USDT",
                    kind: .perpetual, margining: .linear, contractSize: ContractSize(value: 0.00001, unit: .base)),
            ])
    }

    @Test func datedFutureType() throws {
        let instruments = try Self.decode([BitMEXPayloads.row("XBTZ25")], symbols: ["XBTZ25"])
        #expect(instruments.map(\.kind) == [.datedFuture])
        #expect(instruments.map(\.contractSize) == [ContractSize(value: 1, unit: .usd)])
    }

    @Test func rowsOfOtherSymbolsAreNotRead() throws {
        // A quanto, a spot pair and a broken row that are not selected do not stop the selected one.
        let instruments = try Self.decode(
            [
                BitMEXPayloads.row("ETHUSD"), BitMEXPayloads.row("XBT_USDT"),
                BitMEXPayloads.row("XBTUSDT", ["multiplier": "\"lots\""]), BitMEXPayloads.row("XBTUSD"),
            ], symbols: ["XBTUSD"])
        #expect(instruments.map(\.symbol) == ["XBTUSD"])
    }

    @Test func listedKeepsUSDQuotedLinearAndInverseFutures() throws {
        let document = try Payload.node(
            BitMEXPayloads.array(
                ["XBTUSD", "ETHUSD", "ETHUSDT", "XBTEUR", "XBTZ25", "XBT_USDT"].map { BitMEXPayloads.row($0) }),
            origin: Self.origin)
        #expect(try BitMEXInstrumentDecoder.listed(document).map(\.symbol) == ["XBTUSD", "ETHUSDT", "XBTZ25"])
    }

    struct Refused: Sendable, CustomTestStringConvertible {
        var name: String
        var row: String
        var description: String
        var testDescription: String { name }
    }

    static let refused: [Refused] = [
        Refused(
            name: "quanto", row: BitMEXPayloads.row("ETHUSD"),
            description: origin
                + ": [0].isQuanto: expected false: a quanto's USD value moves with the settlement currency's USD rate, "
                + "which the instrument row does not carry, found boolean true"),
        Refused(
            name: "euro quote", row: BitMEXPayloads.row("XBTEUR"),
            description: origin
                + #": [0].quoteCurrency: expected USD, USDT or USDC (another quote needs an FX rate to reach USD), "#
                + #"found string "EUR""#),
        Refused(
            name: "spot pair", row: BitMEXPayloads.row("XBT_USDT"),
            description: origin
                + #": [0].typ: expected a futures type (FFWCSX or FFWCSF perpetual, FFCCSX dated future), "#
                + #"found string "IFXXXP""#),
        Refused(
            name: "multiplier of the wrong sign", row: BitMEXPayloads.row("XBTUSD", ["multiplier": "100000000"]),
            description: origin
                + ": [0].underlyingToSettleMultiplier: expected a non-zero multiplier of the same sign as multiplier "
                + "100000000.0, found number -100000000"),
        Refused(
            name: "linear without quoteToSettleMultiplier",
            row: BitMEXPayloads.row("XBTUSDT", ["quoteToSettleMultiplier": "null"]),
            description: origin + ": [0].quoteToSettleMultiplier: expected a value, found nothing"),
        Refused(
            name: "isInverse missing", row: BitMEXPayloads.row("XBTUSD", ["isInverse": nil]),
            description: origin + ": [0].isInverse: expected a value, found nothing"),
    ]

    /// A selected symbol that cannot be converted to USD without guessing is an error naming the field.
    @Test(arguments: refused)
    func refusedContracts(_ example: Refused) throws {
        let symbol = try Payload.node(example.row, origin: Self.origin).member("symbol").string()
        let error = #expect(throws: JSONError.self) { try Self.decode([example.row], symbols: [symbol]) }
        #expect(error?.description == example.description)
    }

    @Test func errorEnvelopeIsAVenueAPIError() throws {
        let error = #expect(throws: VenueAPIError.self) {
            try BitMEXInstrumentDecoder.decode(
                try Payload.node(
                    #"{"error":{"message":"Rate limit exceeded, retry in 1 seconds.","name":"RateLimitError"}}"#,
                    origin: Self.origin), symbols: ["XBTUSD"])
        }
        #expect(
            error
                == VenueAPIError(
                    venue: .bitmex, origin: Self.origin, code: "RateLimitError",
                    message: "Rate limit exceeded, retry in 1 seconds."))
        #expect(
            error?.description
                == Self.origin + ": bitmex error RateLimitError: Rate limit exceeded, retry in 1 seconds.")
    }
}
