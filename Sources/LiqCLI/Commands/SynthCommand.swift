import LiqCore
import LiqEmit

/// `liqpipe synth …`: a deterministic synthetic market day in the venues' raw payload shapes (Binance USD-M,
/// OKX, Bybit), a spec that runs it offline, and the cascade's ground truth — a test bed for the detector.
enum SynthCommand {
    static let command = "synth"

    static func execute(_ arguments: [String], console: Console) throws -> ExitCode {
        let parsed = try ParsedArguments(
            arguments, command: command, valued: ["out", "seed", "day", "hours", "assets", "cascade-at"],
            flags: ["calm"], maxPositionals: 0)
        guard let out = parsed.values["out"] else {
            throw UsageError("missing required option '--out'", command: command)
        }
        let seed = try unsigned(parsed.values["seed"] ?? "1", option: "--seed")
        let startMs = try dayStart(parsed.values["day"] ?? "2025-10-10")
        let hours = try unsigned(parsed.values["hours"] ?? "24", option: "--hours")
        guard (1...48).contains(hours) else {
            throw UsageError("option '--hours': expected 1 to 48, got '\(hours)'", command: command)
        }
        let assets = try assetList(parsed.values["assets"] ?? "BTC,ETH")
        let day = SynthDay(startMs: startMs, minutes: Int(hours) * 60)
        var onsetSecond: Int?
        if !parsed.flags.contains("calm") {
            let onset = try clockSeconds(parsed.values["cascade-at"] ?? "20:50")
            guard onset + 2 * 3_600 <= day.minutes * 60 else {
                throw UsageError(
                    "option '--cascade-at': the cascade needs two hours before the end of the \(hours) h day",
                    command: command)
            }
            onsetSecond = onset
        } else if parsed.values["cascade-at"] != nil {
            throw UsageError("options '--calm' and '--cascade-at' exclude each other", command: command)
        }
        let markets = assets.enumerated().map { index, asset in
            SynthMarket(
                asset: asset, startMs: day.startMs, minutes: day.minutes, onsetSecond: onsetSecond,
                seed: seed &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(index + 1))
        }
        var output = SynthOutput(root: out)
        let binance = SynthBinanceWriter(day: day, markets: markets)
        let bybit = SynthBybitWriter(day: day, markets: markets)
        try binance.write(to: &output)
        try SynthOKXWriter(day: day, markets: markets).write(to: &output)
        try bybit.write(to: &output)
        try output.write("spec.json", spec(assets, binance: binance, bybit: bybit, pages: output.longestChain))
        try output.write("ground_truth.json", groundTruth(seed: seed, markets: markets))
        let count = markets.reduce(0) { $0 + $1.liquidations.count }
        console.out("synth: \(assets.count) assets, \(day.minutes) minutes, \(count) liquidations → \(out)\n")
        return .success
    }

    static func spec(_ assets: [SynthAsset], binance: SynthBinanceWriter, bybit: SynthBybitWriter, pages: [String: Int])
        -> JSONValue
    {
        let feeds = SynthText.strings(["liquidations", "openInterest", "funding", "markPrice", "priceBars"])
        func venue(_ id: String, symbols: [String], captures: [String], extra: [(String, JSONValue)]) -> JSONValue {
            var members: [(String, JSONValue)] = [("venue", .string(id)), ("fixtures", .string(id))]
            if !captures.isEmpty { members.append(("captures", SynthText.strings(captures))) }
            members += [("symbols", SynthText.strings(symbols)), ("feeds", feeds)] + extra
            members.append(("maxPages", .number(String(pages[id] ?? 1))))
            return SynthText.object(members)
        }
        return SynthText.object([
            ("name", .string("synth")),
            (
                "description",
                .string("A synthetic market day written by 'liqpipe synth'; ground truth in ground_truth.json.")
            ),
            (
                "venues",
                .array([
                    venue(
                        SynthBinanceWriter.venue, symbols: assets.map { $0.name + "USDT" },
                        captures: [SynthBinanceWriter.venue + "/" + binance.captureName],
                        extra: [("openInterestPeriod", .string("5m"))]),
                    venue(
                        SynthBybitWriter.venue, symbols: assets.map { $0.name + "USDT" },
                        captures: [SynthBybitWriter.venue + "/" + bybit.captureName],
                        extra: [("openInterestPeriod", .string("5m")), ("priceBarInterval", .string("1m"))]),
                    venue(
                        SynthOKXWriter.venue, symbols: assets.map { $0.name + "-USDT-SWAP" }, captures: [], extra: []),
                ])
            ),
            ("outputs", SynthText.object([("directory", .string("out"))])),
        ])
    }

    static func groundTruth(seed: UInt64, markets: [SynthMarket]) -> JSONValue {
        SynthText.object([
            ("seed", .number(String(seed))), ("assets", SynthText.strings(markets.map(\.asset.name))),
            (
                "cascades",
                .array(
                    markets.compactMap { market in
                        market.truth.map { truth in
                            SynthText.object([
                                ("asset", .string(market.asset.name)), ("side", .string("long")),
                                ("onsetMs", SynthText.number(truth.onsetMs)),
                                ("peakMs", SynthText.number(truth.peakMs)),
                                ("exhaustionMs", SynthText.number(truth.exhaustionMs)),
                            ])
                        }
                    })
            ),
        ])
    }

    static func unsigned(_ text: String, option: String) throws(UsageError) -> UInt64 {
        guard let value = UInt64(text) else {
            throw UsageError("option '\(option)': expected a non-negative integer, got '\(text)'", command: command)
        }
        return value
    }

    /// Midnight UTC of `YYYY-MM-DD` (a real calendar day), ms since the epoch.
    static func dayStart(_ text: String) throws(UsageError) -> Int64 {
        guard let day = UTCDate(text), day.year <= 2100 else {
            throw UsageError("option '--day': expected a UTC day YYYY-MM-DD, got '\(text)'", command: command)
        }
        return day.startMs
    }

    /// Seconds after midnight of `HH:MM`.
    static func clockSeconds(_ text: String) throws(UsageError) -> Int {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2, let hour = Int(parts[0]),
            let minute = Int(parts[1]), (0..<24).contains(hour), (0..<60).contains(minute)
        else { throw UsageError("option '--cascade-at': expected HH:MM, got '\(text)'", command: command) }
        return (hour * 60 + minute) * 60
    }

    static func assetList(_ text: String) throws(UsageError) -> [SynthAsset] {
        var assets: [SynthAsset] = []
        for name in text.split(separator: ",", omittingEmptySubsequences: false).map(String.init) {
            guard let asset = SynthAsset.known.first(where: { $0.name == name }) else {
                throw UsageError(
                    "option '--assets': unknown asset '\(name)' (known: \(SynthAsset.known.map(\.name).joined(separator: ",")))",
                    command: command)
            }
            guard !assets.contains(asset) else {
                throw UsageError("option '--assets': '\(name)' listed twice", command: command)
            }
            assets.append(asset)
        }
        return assets
    }
}
