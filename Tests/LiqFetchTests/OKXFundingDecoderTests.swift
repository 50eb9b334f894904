import LiqCore
import LiqFetch
import Testing

/// `/api/v5/public/funding-rate` and `/funding-rate-history` rows in OKX's shape, with our own values.
@Suite struct OKXFundingDecoderTests {
    static let origin = "https://www.okx.com/api/v5/public/funding-rate?instId=BTC-USDT-SWAP"

    static func envelope(_ rows: String...) -> String {
        #"{"code":"0","msg":"","data":["# + rows.joined(separator: ",") + "]}"
    }

    static func predicted(_ text: String) throws -> [VenueFunding] {
        try OKXFundingDecoder.decodePredicted(try Payload.node(text, origin: origin))
    }

    static func settled(_ text: String) throws -> [VenueFunding] {
        try OKXFundingDecoder.decodeSettled(try Payload.node(text, origin: origin))
    }

    /// Interval = (nextFundingTime − fundingTime) / 3,600,000 ms per hour:
    /// 1700006400000 − 1699977600000 = 28,800,000 ms = 8 h; 14,400,000 = 4 h; 3,600,000 = 1 h; 5,400,000 = 1.5 h.
    @Test(arguments: [
        (Int64(1_699_977_600_000), Int64(1_700_006_400_000), 8.0),
        (1_699_977_600_000, 1_699_992_000_000, 4.0),
        (1_699_977_600_000, 1_699_981_200_000, 1.0),
        (1_699_977_600_000, 1_699_983_000_000, 1.5),
    ])
    func predictedIntervalFromTheTwoSettlementTimes(fundingTime: Int64, next: Int64, hours: Double) throws {
        let samples = try Self.predicted(
            Self.envelope(
                """
                {"formulaType":"withRate","fundingRate":"0.0001234","fundingTime":"\(fundingTime)",\
                "instId":"BTC-USDT-SWAP","instType":"SWAP","method":"current_period","nextFundingRate":"",\
                "nextFundingTime":"\(next)","premium":"0.0001","settFundingRate":"0.0000912","settState":"settled",\
                "ts":"1699980000123"}
                """))
        #expect(
            samples == [
                VenueFunding(
                    venue: .okx, symbol: "BTC-USDT-SWAP", timestampMs: 1_699_980_000_123, rate: 0.0001234,
                    intervalHours: hours, kind: .predicted)
            ])
    }

    @Test func predictedWithoutTsIsStampedAtTheFundingTime() throws {
        let samples = try Self.predicted(
            Self.envelope(
                #"{"fundingRate":"-0.0002","fundingTime":"1699977600000","instId":"ETH-USDT-SWAP","#
                    + #""nextFundingTime":"1700006400000"}"#
            ))
        #expect(samples.map(\.timestampMs) == [1_699_977_600_000])
        #expect(samples.map(\.rate) == [-0.0002])
    }

    @Test(arguments: [
        // The real 2021 SOS-USDT-SWAP shape: no `fundingRate` key at all.
        #"{"fundingTime":"1640851200000","instId":"SOS-USDT-SWAP","instType":"SWAP","nextFundingRate":"0.0003"}"#,
        #"{"fundingRate":"","fundingTime":"1640851200000","instId":"SOS-USDT-SWAP","nextFundingTime":"1640880000000"}"#,
        #"{"fundingRate":null,"fundingTime":"1640851200000","instId":"SOS-USDT-SWAP","#
            + #""nextFundingTime":"1640880000000"}"#,
    ])
    func rowWithoutARateYieldsNothing(row: String) throws {
        #expect(try Self.predicted(Self.envelope(row)).isEmpty)
    }

    @Test func predictedWithoutNextFundingTimeHasNoInterval() throws {
        // The 2021 WebSocket shape (WNCG-USDT-SWAP): a rate and its settlement time, but no next time, so the
        // interval is left to the normaliser (per-instrument map or error) rather than guessed.
        let samples = try Self.predicted(
            Self.envelope(
                #"{"fundingRate":"0.00048105","fundingTime":"1640131200000","instId":"WNCG-USDT-SWAP","#
                    + #""instType":"SWAP","nextFundingRate":"0.00114"}"#
            ))
        #expect(
            samples == [
                VenueFunding(
                    venue: .okx, symbol: "WNCG-USDT-SWAP", timestampMs: 1_640_131_200_000, rate: 0.00048105,
                    intervalHours: nil, kind: .predicted)
            ])
    }

    @Test func nextFundingTimeNotAfterFundingTimeIsAnError() throws {
        let error = #expect(throws: JSONError.self) {
            try Self.predicted(
                Self.envelope(
                    #"{"fundingRate":"0.0001","fundingTime":"1700006400000","instId":"BTC-USDT-SWAP","#
                        + #""nextFundingTime":"1700006400000"}"#
                ))
        }
        #expect(
            error?.description
                == Self.origin
                + #": data[0].nextFundingTime: expected a time after fundingTime, found string "1700006400000""#)
    }

    @Test func settledUsesRealizedRateWhenPresent() throws {
        let samples = try Self.settled(
            Self.envelope(
                #"{"instType":"SWAP","instId":"BTC-USDT-SWAP","fundingRate":"0.0001234567","realizedRate":"0.00012","#
                    + #""fundingTime":"1700006400000"}"#,
                #"{"instType":"SWAP","instId":"BTC-USDT-SWAP","fundingRate":"-0.0000456","realizedRate":"","#
                    + #""fundingTime":"1699977600000"}"#,
                #"{"instType":"SWAP","instId":"BTC-USDT-SWAP","fundingRate":"0.0003","fundingTime":"1699948800000"}"#
            ))
        #expect(
            samples == [
                VenueFunding(
                    venue: .okx, symbol: "BTC-USDT-SWAP", timestampMs: 1_700_006_400_000, rate: 0.00012,
                    intervalHours: nil, kind: .settled),
                VenueFunding(
                    venue: .okx, symbol: "BTC-USDT-SWAP", timestampMs: 1_699_977_600_000, rate: -0.0000456,
                    intervalHours: nil, kind: .settled),
                VenueFunding(
                    venue: .okx, symbol: "BTC-USDT-SWAP", timestampMs: 1_699_948_800_000, rate: 0.0003,
                    intervalHours: nil, kind: .settled),
            ])
    }

    @Test func settledRowWithoutAnyRateYieldsNothing() throws {
        #expect(
            try Self.settled(Self.envelope(#"{"instId":"BTC-USDT-SWAP","fundingTime":"1700006400000"}"#)).isEmpty)
    }

    @Test func rateLimitIsAVenueAPIError() throws {
        let error = #expect(throws: VenueAPIError.self) {
            try Self.settled(#"{"msg":"Too Many Requests","code":"50011"}"#)
        }
        #expect(error?.message == "Too Many Requests")
    }
}

@Suite struct OKXFundingShapeTests {
    static let running =
        #"{"code":"0","msg":"","data":[{"fundingRate":"-0.0002","fundingTime":"1760140800000","instId":"BTC-USD-SWAP","nextFundingTime":"1760169600000","ts":"1760133599200"}]}"#
    static let history =
        #"{"code":"0","msg":"","data":[{"fundingRate":"0.000080291","fundingTime":"1760112000000","instId":"BTC-USD-SWAP","instType":"SWAP","realizedRate":"0.0000802"}]}"#

    @Test func eachDecoderRefusesTheOthersRows() throws {
        let running = try Payload.node(Self.running, origin: "running")
        let history = try Payload.node(Self.history, origin: "history")
        #expect(try OKXFundingDecoder.decodePredicted(running).map(\.kind) == [.predicted])
        #expect(try OKXFundingDecoder.decodeSettled(history).map(\.rate) == [0.0000802])
        #expect {
            _ = try OKXFundingDecoder.decodePredicted(history)
        } throws: { error in
            "\(error)"
                == #"history: data[0].realizedRate: expected a running funding-rate row (this field marks a settled history row), found string "0.0000802""#
        }
        #expect {
            _ = try OKXFundingDecoder.decodeSettled(running)
        } throws: { error in
            "\(error)"
                == #"running: data[0].nextFundingTime: expected a settled history row (this field marks a running funding-rate row), found string "1760169600000""#
        }
    }
}
