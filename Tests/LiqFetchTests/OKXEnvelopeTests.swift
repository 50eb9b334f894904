import LiqCore
import LiqFetch
import Testing

@Suite struct OKXEnvelopeTests {
    static let origin = "https://www.okx.com/api/v5/public/open-interest?instType=SWAP"

    @Test func restEnvelopeWithCodeZeroGivesTheDataRows() throws {
        let document = try Payload.node(
            #"{"code":"0","msg":"","data":[{"instId":"A"},{"instId":"B"}]}"#, origin: Self.origin)
        let rows = try OKXEnvelope.rows(document)
        #expect(try rows.map { try $0.member("instId").string() } == ["A", "B"])
        #expect(rows.map(\.path.description) == ["data[0]", "data[1]"])
    }

    @Test func webSocketPushWithoutCodeGivesTheDataRows() throws {
        let document = try Payload.node(
            #"{"arg":{"channel":"liquidation-orders","instType":"SWAP"},"data":[{"instId":"BTC-USDT-SWAP"}]}"#,
            origin: "wss://ws.okx.com:8443/ws/v5/public")
        #expect(try OKXEnvelope.rows(document).count == 1)
    }

    @Test func rateLimitBodyBecomesAVenueAPIError() throws {
        // The real OKX rate-limit body (HTTP 429), as recorded by nautilus_trader.
        let document = try Payload.node(#"{"msg":"Too Many Requests","code":"50011"}"#, origin: Self.origin)
        let error = #expect(throws: VenueAPIError.self) { try OKXEnvelope.rows(document) }
        #expect(error == VenueAPIError(venue: .okx, origin: Self.origin, code: "50011", message: "Too Many Requests"))
        #expect(error?.description == Self.origin + ": okx error 50011: Too Many Requests")
    }

    @Test func numericCodeOfABadPathIsAnErrorToo() throws {
        let document = try Payload.node(
            #"{"code":404,"data":{},"detailMsg":"","error_code":"404","error_message":"Not Found","msg":"Not Found"}"#,
            origin: Self.origin)
        let error = #expect(throws: VenueAPIError.self) { try OKXEnvelope.rows(document) }
        #expect(error?.code == "404")
        #expect(error?.message == "Not Found")
    }

    @Test func errorWithoutMessageHasAnEmptyMessage() throws {
        let document = try Payload.node(#"{"code":"50014","data":[]}"#, origin: Self.origin)
        let error = #expect(throws: VenueAPIError.self) { try OKXEnvelope.rows(document) }
        #expect(error == VenueAPIError(venue: .okx, origin: Self.origin, code: "50014", message: ""))
    }

    @Test func codeOfTheWrongTypeIsAJSONError() throws {
        let document = try Payload.node(#"{"code":true,"data":[]}"#, origin: Self.origin)
        let error = #expect(throws: JSONError.self) { try OKXEnvelope.rows(document) }
        #expect(error?.description == Self.origin + ": code: expected an OKX code string, found boolean true")
    }

    @Test func missingDataIsAJSONError() throws {
        let document = try Payload.node(#"{"code":"0","msg":""}"#, origin: Self.origin)
        let error = #expect(throws: JSONError.self) { try OKXEnvelope.rows(document) }
        #expect(error?.description == Self.origin + ": data: expected a value, found nothing")
    }
}
