import Foundation
import LiqCore
import Testing

/// The payloads under `Fixtures/` that a fast decoder covers, found by their request path, so a new fixture
/// file (another symbol, another capture hour) joins the differential tests without a test edit.
enum FastPathCorpus {
    /// A file and the payload family it holds; capture files hold one message per line.
    struct Entry: Sendable, CustomTestStringConvertible {
        var relativePath: String
        var oracle: FastPathOracle
        var isCapture: Bool
        var testDescription: String { relativePath }
    }

    /// …/Tests/LiqFetchTests/FastPath/FastPathCorpus.swift → …/Fixtures.
    static let fixtures: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path + "/Fixtures"
    }()

    static let entries: [Entry] = {
        let files = FileManager.default.enumerator(atPath: fixtures)?.compactMap { $0 as? String } ?? []
        return files.sorted().compactMap { path in
            guard let venue = Venue(rawValue: String(path.prefix { $0 != "/" })) else { return nil }
            let isCapture = path.contains("/captures/")
            switch venue {
            case .binanceUSDM, .binanceCOINM:
                if isCapture, path.contains("forceOrder") {
                    return Entry(relativePath: path, oracle: .binanceForceOrder(venue), isCapture: true)
                }
                // COIN-M history rows (`pair` + `contractType`, no symbol) are left to the tree decoder: a few rows
                // per request, not worth a fast path.
                if venue == .binanceUSDM, path.contains("/futures/data/openInterestHist/") {
                    return Entry(relativePath: path, oracle: .binanceOpenInterestHistory(venue), isCapture: false)
                }
                if path.contains("/v1/fundingRate/") {
                    return Entry(relativePath: path, oracle: .binanceFundingHistory(venue), isCapture: false)
                }
            case .okx:
                if path.contains("/public/liquidation-orders/") || (isCapture && path.contains("liquidation")) {
                    return Entry(relativePath: path, oracle: .okxLiquidation, isCapture: isCapture)
                }
            case .bybit:
                if isCapture { return Entry(relativePath: path, oracle: .bybitLiquidation, isCapture: true) }
            case .bitmex:
                if isCapture { return Entry(relativePath: path, oracle: .bitmexLiquidation, isCapture: true) }
            default:
                break
            }
            return nil
        }
    }()

    /// The payloads of one entry: each non-blank line of a capture, or the whole file.
    static func payloads(_ entry: Entry) throws -> [[UInt8]] {
        let bytes = try FileBytes.read(fixtures + "/" + entry.relativePath, maxBytes: 16 << 20)
        guard entry.isCapture else { return [bytes] }
        let lines = bytes.split(separator: 0x0A).map(Array.init).filter { !$0.allSatisfy { $0 == 0x20 || $0 == 0x0D } }
        switch entry.oracle {
        case .bybitLiquidation:
            // A Bybit connection carries tickers and operation answers too: only its allLiquidation pushes belong here.
            return lines.filter { $0.starts(with: #"{"topic":"allLiquidation."#.utf8) }
        case .bitmexLiquidation:
            // Instrument rows, the welcome and acknowledgements take the tree path, and so does the one `partial`.
            return lines.filter {
                $0.starts(with: #"{"table":"liquidation","action":""#.utf8)
                    && !$0.starts(with: #"{"table":"liquidation","action":"partial""#.utf8)
            }
        default:
            return lines
        }
    }

    /// Every BitMEX liquidation-table capture line the fast path reads.
    static func bitmexCaptureLines() throws -> [[UInt8]] {
        try entries.filter { $0.oracle.description.hasPrefix("BitMEX") }.flatMap(payloads)
    }

    /// Every Bybit allLiquidation capture line.
    static func bybitCaptureLines() throws -> [[UInt8]] {
        try entries.filter { $0.oracle.description.hasPrefix("Bybit") }.flatMap(payloads)
    }

    /// Every forceOrder capture line, the base of the targeted and mutation tests.
    static func binanceCaptureLines() throws -> [[UInt8]] {
        try entries.filter { $0.isCapture && $0.oracle.description.hasPrefix("forceOrder") }.flatMap(payloads)
    }

    /// Deribit's REST trades (the `get_last_trades_by_currency` fixtures: ordinary and flagged trades of every
    /// future of a currency) as the `trades.future.{currency}.100ms` notifications the collector receives: each
    /// trade alone, and runs of up to five consecutive trades as one 100 ms batch.
    static func deribitNotifications() throws -> [[UInt8]] {
        let files = FileManager.default.enumerator(atPath: fixtures)?.compactMap { $0 as? String } ?? []
        var notifications: [[UInt8]] = []
        for path in files.sorted() where path.hasPrefix("deribit/api/v2/public/get_last_trades_by_currency/") {
            let currency = path.contains("currency=ETH") ? "ETH" : "BTC"
            let bytes = try FileBytes.read(fixtures + "/" + path, maxBytes: 16 << 20)
            let trades = try JSONNode.parse(bytes, origin: path).member("result").member("trades").elements()
            func notification(_ batch: ArraySlice<JSONNode>) -> [UInt8] {
                let data = JSONText.render(.array(batch.map(\.value)))
                return Array(
                    (#"{"jsonrpc":"2.0","method":"subscription","params":{"channel":"trades.future.\#(currency).100ms","#
                        + #""data":\#(data)}}"#).utf8)
            }
            notifications += trades.indices.map { notification(trades[$0...$0]) }
            var start = 0
            while start < trades.count {
                let end = min(trades.count, start + 1 + start % 5)
                notifications.append(notification(trades[start..<end]))
                start = end
            }
        }
        return notifications
    }

    /// Every OKX liquidation payload (REST pages), each row re-sent as a WebSocket push as OKX shapes it, and each
    /// detail as a push of its own (the live channel pushes one or a few details at a time).
    static func okxPayloads() throws -> [[UInt8]] {
        var payloads: [[UInt8]] = []
        func push(_ row: JSONValue) -> [UInt8] {
            Array(
                (#"{"arg":{"channel":"liquidation-orders","instType":"SWAP"},"data":["# + JSONText.render(row) + "]}")
                    .utf8)
        }
        for entry in entries where entry.oracle.description.hasPrefix("OKX") {
            for payload in try self.payloads(entry) {
                payloads.append(payload)
                for row in try JSONNode.parse(payload, origin: entry.relativePath).member("data").elements() {
                    payloads.append(push(row.value))
                    guard case .object(let members) = row.value else { continue }
                    for detail in try row.member("details").elements() {
                        payloads.append(
                            push(
                                .object(
                                    members.map {
                                        $0.key == "details"
                                            ? JSONMember(key: "details", value: .array([detail.value])) : $0
                                    })))
                    }
                }
            }
        }
        return payloads
    }
}
