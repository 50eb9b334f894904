import LiqCLI
import LiqCore
import LiqEmit
import Testing

@Suite struct DecodeCommandTests {
    func decode(_ arguments: [String], input: String) throws -> (code: Int32, out: String, err: String) {
        let directory = try ProjectPaths.temporaryDirectory("decode")
        let path = directory + "/input.ndjson"
        try AtomicFile.write(Array(input.utf8), to: path)
        let captured = CapturedConsole()
        let code = CLI.run(["decode"] + arguments + [path], console: captured.console)
        return (code, captured.out, captured.err.replacing(path, with: "INPUT"))
    }

    static let forceOrder = """
        {"stream":"!forceOrder@arr","data":{"e":"forceOrder","E":1760126508460,"o":{"s":"BTCUSDT","S":"SELL",\
        "o":"LIMIT","f":"IOC","q":"0.014","p":"121202.9","ap":"121384.9","X":"FILLED","l":"0.014","z":"0.014",\
        "T":1760126508441}}}
        """

    @Test func binanceCaptureLineBecomesACanonicalRecord() throws {
        let result = try decode(["--venue", "binance-usdm", "--feed", "liquidations"], input: Self.forceOrder + "\n")
        #expect(result.code == 0, "\(result.err)")
        let record = try JSONNode.parse(Array(result.out.utf8), origin: "stdout")
        // SELL order = a long liquidated; 0.014 BTC × 121,384.9 = 1,699.3886 USD.
        #expect(try record.member("side").string() == "long")
        #expect(try record.member("quantity_base").decimal() == 0.014)
        #expect(abs(try record.member("notional_usd").decimal() - 1699.3886) < 1e-9)
        #expect(try record.member("price_kind").string() == "fill")
        #expect(try record.member("completeness").string() == "sampled")
    }

    @Test func okxInverseContractsUseTheBundledContractSize() throws {
        let body = """
            {"code":"0","msg":"","data":[{"details":[{"bkLoss":"0","bkPx":"112477","ccy":"","posSide":"short",\
            "side":"buy","sz":"26","ts":"1760130398259"}],"instFamily":"BTC-USD","instId":"BTC-USD-SWAP",\
            "instType":"SWAP","totalLoss":"0","uly":"BTC-USD"}]}
            """
        let result = try decode(["--venue", "okx", "--feed", "liquidations", "--format", "csv"], input: body)
        #expect(result.code == 0, "\(result.err)")
        // 26 contracts × 100 USD = 2,600 USD; 2,600 / 112,477 = 0.02311584 BTC (8 decimals); posSide short.
        #expect(
            result.out.split(separator: "\n")[1].hasPrefix(
                "1760130398259,okx,BTC-USD-SWAP,BTC,short,112477,bankruptcy,0.02311584,2600,complete,"))
    }

    @Test func runningAndSettledFundingAreToldApart() throws {
        let running =
            #"{"code":"0","msg":"","data":[{"fundingRate":"-0.0002","fundingTime":"1760140800000","instId":"BTC-USDT-SWAP","nextFundingTime":"1760169600000","ts":"1760133599200"}]}"#
        let history =
            #"{"code":"0","msg":"","data":[{"fundingRate":"0.0000731029","fundingTime":"1760112000000","instId":"BTC-USDT-SWAP","instType":"SWAP","realizedRate":"0.0000731"}]}"#
        let result = try decode(
            ["--venue", "okx", "--feed", "funding", "--format", "csv"], input: running + "\n" + history)
        #expect(result.code == 0, "\(result.err)")
        #expect(
            result.out
                == """
                timestamp_ms,venue,symbol,base,kind,rate,interval_hours,annualized_rate
                1760112000000,okx,BTC-USDT-SWAP,BTC,settled,0.0000731,8,0.0800445
                1760133599200,okx,BTC-USDT-SWAP,BTC,predicted,-0.0002,8,-0.219

                """)
    }

    @Test func instrumentsFileAndSymbolFilter() throws {
        let directory = try ProjectPaths.temporaryDirectory("instruments")
        let instruments = directory + "/instruments.json"
        try AtomicFile.write(
            Array(
                #"{"code":"0","msg":"","data":[{"ctMult":"1","ctType":"linear","ctVal":"0.001","ctValCcy":"BTC","instId":"BTC-USDC-SWAP","instType":"SWAP","settleCcy":"USDC","uly":"BTC-USDC"},{"ctMult":"1","ctType":"linear","ctVal":"1","ctValCcy":"DOGE","instId":"DOGE-USDT-SWAP","instType":"SWAP","settleCcy":"USDT","uly":"DOGE-USDT"}]}"#
                    .utf8), to: instruments)
        let body = """
            {"code":"0","msg":"","data":[{"details":[{"bkPx":"60000","posSide":"long","side":"sell","sz":"7",\
            "ts":"1700000000000"}],"instId":"BTC-USDC-SWAP","instType":"SWAP","uly":"BTC-USDC"}]}
            """
        let result = try decode(
            [
                "--venue", "okx", "--feed", "liquidations", "--format", "csv", "--instruments", instruments,
                "--symbols", "BTC-USDC-SWAP",
            ], input: body)
        #expect(result.code == 0, "\(result.err)")
        // 7 contracts × 0.001 BTC = 0.007 BTC × 60,000 = 420 USD.
        #expect(
            result.out.split(separator: "\n")[1].hasPrefix(
                "1700000000000,okx,BTC-USDC-SWAP,BTC,long,60000,bankruptcy,0.007,420,"))
        let listed = try decode(
            ["--venue", "okx", "--feed", "instruments", "--format", "csv", "--instruments", instruments], input: "")
        #expect(listed.out == "venue,symbol,base,quote,settle,kind,margining,contract_size,contract_unit\n")
        let decoded = try decode(
            ["--venue", "okx", "--feed", "instruments", "--format", "csv"],
            input: try String(decoding: FileBytes.read(instruments, maxBytes: 1 << 20), as: UTF8.self))
        #expect(decoded.out.contains("okx,DOGE-USDT-SWAP,DOGE,USDT,USDT,perpetual,linear,1,base"))
    }

    @Test func undecodableLinesAreReportedAndTheRestIsKept() throws {
        let result = try decode(
            ["--venue", "binance-usdm", "--feed", "liquidations"],
            input: Self.forceOrder + "\n{\"bogus\": 1}\nnot json\n")
        #expect(result.code == 3)
        #expect(result.out.split(separator: "\n").count == 1)
        #expect(
            result.err.contains(
                "liqpipe: INPUT:2: not decodable: as a stream message: INPUT:2: $: expected a Binance stream event"))
        #expect(result.err.contains("liqpipe: INPUT:3:1:1: invalid JSON: expected null, found 'n'"))
    }

    @Test(arguments: [
        (["--feed", "funding"], "missing required option '--venue'"),
        (["--venue", "kraken", "--feed", "funding"], "option '--venue': expected one of"),
        (
            ["--venue", "okx", "--feed", "trades"],
            "option '--feed': expected one of funding, instruments, liquidations, mark-price, open-interest, price-bars, got 'trades'"
        ),
        (
            ["--venue", "okx", "--feed", "funding", "--format", "xml"],
            "option '--format': expected ndjson or csv, got 'xml'"
        ),
    ])
    func badFlagsExitTwo(arguments: [String], message: String) {
        let captured = CapturedConsole()
        #expect(CLI.run(["decode"] + arguments, console: captured.console) == 2)
        #expect(captured.err.contains(message), "\(captured.err)")
    }
}
