import LiqCore
import LiqFetch
import Testing

/// `public/get_instruments` answers in Deribit's shape, with our own values.
@Suite struct DeribitInstrumentDecoderTests {
    static let origin = "https://www.deribit.com/api/v2/public/get_instruments?currency=BTC&kind=future"

    static func document(_ rows: [String]) throws -> JSONNode {
        try Payload.node(DeribitPayloads.envelope("[" + rows.joined(separator: ",") + "]"), origin: origin)
    }

    @Test func inversePerpetualIsContractSizeUSD() throws {
        #expect(
            try DeribitInstrumentDecoder.decode(
                try Self.document([DeribitPayloads.instrument("BTC-PERPETUAL")]), symbols: ["BTC-PERPETUAL"]) == [
                    Instrument(
                        venue: .deribit, symbol: "BTC-PERPETUAL", baseAsset: "BTC", quoteAsset: "USD",
                        settleAsset: "BTC", kind: .perpetual, margining: .inverse,
                        contractSize: ContractSize(value: 10, unit: .usd))
                ])
    }

    @Test(arguments: ["day", "week", "month", "quarter"])
    func deliveryPeriodsAreDatedFutures(period: String) throws {
        let row = DeribitPayloads.instrument("BTC-26DEC25", period: period)
        let instruments = try DeribitInstrumentDecoder.decode(try Self.document([row]), symbols: ["BTC-26DEC25"])
        #expect(instruments.map(\.kind) == [.datedFuture])
    }

    @Test func olderAnswersNameTheTypeFutureType() throws {
        // Before `instrument_type` existed only `future_type` was sent.
        let row = DeribitPayloads.instrument("BTC-PERPETUAL").replacingOccurrences(
            of: #""instrument_type":"reversed","#, with: "")
        let instruments = try DeribitInstrumentDecoder.decode(try Self.document([row]), symbols: ["BTC-PERPETUAL"])
        #expect(instruments.map(\.margining) == [.inverse])
    }

    @Test func listedKeepsInverseContractsOnly() throws {
        let document = try Self.document([
            DeribitPayloads.instrument("BTC-PERPETUAL"),
            DeribitPayloads.instrument("BTC_USDC-PERPETUAL", type: "linear", size: "0.001", quote: "USDC"),
            DeribitPayloads.instrument("BTC-26DEC25", period: "quarter"),
        ])
        #expect(try DeribitInstrumentDecoder.listed(document).map(\.symbol) == ["BTC-PERPETUAL", "BTC-26DEC25"])
    }

    struct Refused: Sendable, CustomTestStringConvertible {
        var name: String
        var row: String
        var symbol: String
        var description: String
        var testDescription: String { name }
    }

    static let refused: [Refused] = [
        Refused(
            name: "linear USDC perpetual",
            row: DeribitPayloads.instrument("BTC_USDC-PERPETUAL", type: "linear", size: "0.001", quote: "USDC"),
            symbol: "BTC_USDC-PERPETUAL",
            description: origin
                + #": result[0].instrument_type: expected "reversed" (an inverse contract; linear ones count amounts "#
                + #"in the base coin, which our decoders cannot tell from a trade), found string "linear""#),
        Refused(
            name: "unknown settlement period", row: DeribitPayloads.instrument("BTC-FS-26DEC25", period: "fortnight"),
            symbol: "BTC-FS-26DEC25",
            description: origin
                + #": result[0].settlement_period: expected "perpetual" or a delivery period (day, week, month, "#
                + #"quarter), found string "fortnight""#),
        Refused(
            name: "zero contract size", row: DeribitPayloads.instrument("BTC-PERPETUAL", size: "0"),
            symbol: "BTC-PERPETUAL",
            description: origin + ": result[0].contract_size: expected a positive contract size, found number 0"),
    ]

    @Test(arguments: refused)
    func refusedInstruments(_ example: Refused) throws {
        let error = #expect(throws: JSONError.self) {
            try DeribitInstrumentDecoder.decode(try Self.document([example.row]), symbols: [example.symbol])
        }
        #expect(error?.description == example.description)
    }

    @Test func rowsOfOtherInstrumentsAreNotRead() throws {
        let document = try Self.document([
            DeribitPayloads.instrument("BTC_USDC-PERPETUAL", type: "linear", size: "0.001", quote: "USDC"),
            DeribitPayloads.instrument("BTC-PERPETUAL"),
        ])
        #expect(
            try DeribitInstrumentDecoder.decode(document, symbols: ["BTC-PERPETUAL"]).map(\.symbol) == ["BTC-PERPETUAL"]
        )
    }

    @Test func errorAnswerIsAVenueAPIError() throws {
        let document = try Payload.node(
            #"{"jsonrpc":"2.0","id":1,"error":{"code":10028,"message":"too_many_requests","data":null},"#
                + #""usIn":1760133600400032,"usOut":1760133600400215,"usDiff":183,"testnet":false}"#,
            origin: Self.origin)
        let error = #expect(throws: VenueAPIError.self) {
            try DeribitInstrumentDecoder.decode(document, symbols: ["BTC-PERPETUAL"])
        }
        #expect(
            error == VenueAPIError(venue: .deribit, origin: Self.origin, code: "10028", message: "too_many_requests"))
        #expect(error?.description == Self.origin + ": deribit error 10028: too_many_requests")
    }
}
