import LiqCore
import LiqFetch
import Testing

/// `/api/v5/public/instruments` rows in OKX's shape (a subset of the real field set), with our own values.
@Suite struct OKXInstrumentDecoderTests {
    static let origin = "https://www.okx.com/api/v5/public/instruments?instType=SWAP"

    static func row(
        instID: String, instType: String = "SWAP", underlying: String, ctType: String, ctVal: String,
        ctMult: String = "1", ctValCcy: String, settle: String
    ) -> String {
        """
        {"alias":"","baseCcy":"","ctMult":"\(ctMult)","ctType":"\(ctType)","ctVal":"\(ctVal)",\
        "ctValCcy":"\(ctValCcy)","expTime":"","instFamily":"\(underlying)","instId":"\(instID)",\
        "instType":"\(instType)","lever":"100","listTime":"1611916828000","lotSz":"1","minSz":"1",\
        "quoteCcy":"","settleCcy":"\(settle)","state":"live","tickSz":"0.1","uly":"\(underlying)"}
        """
    }

    static func envelope(_ rows: String...) -> String {
        #"{"code":"0","msg":"","data":["# + rows.joined(separator: ",") + "]}"
    }

    static func decode(_ text: String) throws -> [Instrument] {
        try OKXInstrumentDecoder.decode(try Payload.node(text, origin: origin))
    }

    @Test func linearAndInverseContractSizes() throws {
        let instruments = try Self.decode(
            Self.envelope(
                Self.row(
                    instID: "ETH-USDT-SWAP", underlying: "ETH-USDT", ctType: "linear", ctVal: "0.1", ctValCcy: "ETH",
                    settle: "USDT"),
                Self.row(
                    instID: "ETH-USD-SWAP", underlying: "ETH-USD", ctType: "inverse", ctVal: "10", ctValCcy: "USD",
                    settle: "ETH")))
        #expect(
            instruments == [
                Instrument(
                    venue: .okx, symbol: "ETH-USDT-SWAP", baseAsset: "ETH", quoteAsset: "USDT", settleAsset: "USDT",
                    kind: .perpetual, margining: .linear, contractSize: ContractSize(value: 0.1, unit: .base)),
                Instrument(
                    venue: .okx, symbol: "ETH-USD-SWAP", baseAsset: "ETH", quoteAsset: "USD", settleAsset: "ETH",
                    kind: .perpetual, margining: .inverse, contractSize: ContractSize(value: 10, unit: .usd)),
            ])
    }

    @Test func contractSizeIsValueTimesMultiplier() throws {
        // 0.001 × 10 = 0.01 BTC per contract (dated future, linear); 1 × 100 = 100 USD (inverse).
        let instruments = try Self.decode(
            Self.envelope(
                Self.row(
                    instID: "BTC-USDT-250328", instType: "FUTURES", underlying: "BTC-USDT", ctType: "linear",
                    ctVal: "0.001", ctMult: "10", ctValCcy: "BTC", settle: "USDT"),
                Self.row(
                    instID: "BTC-USD-250328", instType: "FUTURES", underlying: "BTC-USD", ctType: "inverse",
                    ctVal: "1", ctMult: "100", ctValCcy: "USD", settle: "BTC")))
        try #require(instruments.count == 2)
        #expect(instruments[0].kind == .datedFuture)
        #expect(instruments[0].contractSize.unit == .base)
        #expect(abs(instruments[0].contractSize.value - 0.01) < 1e-15)
        #expect(instruments[1].contractSize == ContractSize(value: 100, unit: .usd))
    }

    struct Mismatch: Sendable, CustomTestStringConvertible {
        var name: String
        var row: String
        var description: String
        var testDescription: String { name }
    }

    static let mismatches: [Mismatch] = [
        Mismatch(
            name: "linear valued in USD",
            row: row(
                instID: "BTC-USDT-SWAP", underlying: "BTC-USDT", ctType: "linear", ctVal: "0.01", ctValCcy: "USD",
                settle: "USDT"),
            description: origin
                + #": data[0].ctValCcy: expected the base currency BTC for a linear contract, found string "USD""#),
        Mismatch(
            name: "inverse valued in coin",
            row: row(
                instID: "BTC-USD-SWAP", underlying: "BTC-USD", ctType: "inverse", ctVal: "100", ctValCcy: "BTC",
                settle: "BTC"),
            description: origin + #": data[0].ctValCcy: expected USD for an inverse contract, found string "BTC""#),
        Mismatch(
            name: "unknown contract type",
            row: row(
                instID: "BTC-ETH-SWAP", underlying: "BTC-ETH", ctType: "quanto", ctVal: "1", ctValCcy: "BTC",
                settle: "ETH"),
            description: origin + #": data[0].ctType: expected "linear" or "inverse", found string "quanto""#),
        Mismatch(
            name: "underlying not BASE-QUOTE",
            row: row(
                instID: "BTC-SWAP", underlying: "BTC", ctType: "linear", ctVal: "1", ctValCcy: "BTC", settle: "USDT"),
            description: origin + #": data[0].uly: expected an underlying of the form BASE-QUOTE, found string "BTC""#),
        Mismatch(
            name: "spot instrument type",
            row: row(
                instID: "BTC-USDT", instType: "SPOT", underlying: "BTC-USDT", ctType: "linear", ctVal: "1",
                ctValCcy: "BTC", settle: "USDT"),
            description: origin + #": data[0].instType: expected "SWAP" or "FUTURES", found string "SPOT""#),
        Mismatch(
            name: "empty contract value",
            row: row(
                instID: "BTC-USDT-SWAP", underlying: "BTC-USDT", ctType: "linear", ctVal: "", ctValCcy: "BTC",
                settle: "USDT"),
            description: origin + #": data[0].ctVal: expected a decimal number or decimal string, found string """#),
    ]

    @Test(arguments: mismatches)
    func inconsistentMetadataIsAnErrorNotAGuess(_ example: Mismatch) throws {
        let error = #expect(throws: JSONError.self) { try Self.decode(Self.envelope(example.row)) }
        #expect(error?.description == example.description)
    }

    @Test func venueErrorPassesThrough() throws {
        let error = #expect(throws: VenueAPIError.self) {
            try Self.decode(#"{"msg":"Too Many Requests","code":"50011"}"#)
        }
        #expect(error?.code == "50011")
    }
}
