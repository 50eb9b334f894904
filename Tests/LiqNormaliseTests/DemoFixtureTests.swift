import LiqCore
import LiqFetch
import LiqNormalise
import Testing

/// The committed demo fixtures of the Binance and OKX venues, run the way a run drives an adapter (reference,
/// feed requests, every older page, captures) and normalised: every selected feed has records, every record
/// normalises, and the paging ends by itself.
@Suite struct DemoFixtureTests {
    /// `<package root>/Fixtures`, from this file's path.
    static let fixtures: String = {
        var components = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        components.removeLast(3)
        return components.joined(separator: "/") + "/Fixtures"
    }()

    struct Outcome {
        var records: [VenueRecord] = []
        var requests: [VenueRequest] = []
        var normaliser = Normaliser(registry: InstrumentRegistry())
    }

    static func run(_ adapter: any VenueAdapter, directory: String, captures: [String] = []) throws -> Outcome {
        let transport = FixtureDirectoryTransport(rootDirectory: fixtures + "/" + directory)
        func document(_ request: VenueRequest) throws -> JSONNode {
            let response = try transport.get(HTTPRequest(url: request.url(baseURL: FixtureDirectoryTransport.baseURL)))
            try #require(response.status == 200, "\(response.url): HTTP \(response.status)")
            return try JSONNode.parse(response.body, origin: response.url)
        }
        var outcome = Outcome()
        var reference = ReferenceData()
        for request in adapter.referenceRequests() {
            outcome.requests.append(request)
            try adapter.absorbReference(try document(request), for: request, into: &reference)
        }
        outcome.records = reference.records
        for first in try adapter.feedRequests(reference: reference) {
            var next: VenueRequest? = first
            var pages = 0
            while let request = next {
                pages += 1
                try #require(pages <= adapter.selection.maxPages, "\(request.path) pages past the selection's limit")
                outcome.requests.append(request)
                let page = try document(request)
                let records = try adapter.decodeFeed(page, for: request)
                outcome.records += records
                next = try adapter.nextPage(after: request, document: page, records: records)
            }
        }
        for capture in captures {
            var decoder = adapter.makeStreamDecoder()
            let text = String(
                decoding: try FileBytes.read(fixtures + "/" + directory + "/captures/" + capture, maxBytes: 1 << 24),
                as: UTF8.self)
            for (index, line) in text.split(separator: "\n").enumerated() {
                outcome.records += try decoder.decode(
                    try JSONNode.parse(Array(line.utf8), origin: "\(capture):\(index + 1)"))
            }
        }
        outcome.normaliser = Normaliser(
            registry: InstrumentRegistry(reference.instruments), fundingIntervalHours: reference.fundingIntervalHours,
            markPrices: reference.markPrices)
        return outcome
    }

    /// Normalises every record, so a fixture inconsistent with its instruments or marks fails here.
    static func normaliseAll(_ outcome: Outcome) throws {
        for record in outcome.records {
            switch record {
            case .liquidation(let value): _ = try outcome.normaliser.liquidation(value)
            case .openInterest(let value): _ = try outcome.normaliser.openInterest(value)
            case .funding(let value): _ = try outcome.normaliser.funding(value)
            case .markPrice(let value): _ = try outcome.normaliser.markPrice(value)
            case .priceBar(let value): _ = try outcome.normaliser.priceBar(value)
            }
        }
    }

    static func count(_ outcome: Outcome, _ feed: Feed, _ symbol: String) -> Int {
        outcome.records.filter { $0.feed == feed && $0.symbol == symbol }.count
    }

    @Test func binanceCoinMargined() throws {
        let symbols = ["BTCUSD_PERP", "ETHUSD_PERP"]
        let adapter = BinanceFuturesAdapter(
            venue: .binanceCOINM, selection: VenueSelection(symbols: symbols, feeds: Set(Feed.allCases), maxPages: 5))
        let outcome = try Self.run(
            adapter, directory: "binance-coinm", captures: ["dstream-forceOrder-2025-10-10T20.ndjson"])
        try Self.normaliseAll(outcome)
        for symbol in symbols {
            // 24 five-minute OI rows, 120 one-minute bars, 1 mark, 2 settled rates + 1 running rate.
            #expect(Self.count(outcome, .openInterest, symbol) == 24)
            #expect(Self.count(outcome, .priceBars, symbol) == 120)
            #expect(Self.count(outcome, .markPrice, symbol) == 1)
            #expect(Self.count(outcome, .funding, symbol) == 3)
            #expect(Self.count(outcome, .liquidations, symbol) > 100)
        }
        // Short pages everywhere: no request beyond the first of each feed.
        #expect(outcome.requests.count == 3 + symbols.count * 3)
    }

    @Test func binanceUSDMargined() throws {
        let symbols = ["BTCUSDT", "ETHUSDT"]
        let adapter = BinanceFuturesAdapter(
            venue: .binanceUSDM, selection: VenueSelection(symbols: symbols, feeds: Set(Feed.allCases), maxPages: 5))
        let outcome = try Self.run(
            adapter, directory: "binance-usdm", captures: ["fstream-market-forceOrder-2025-10-10T20.ndjson"])
        try Self.normaliseAll(outcome)
        for symbol in symbols {
            #expect(Self.count(outcome, .openInterest, symbol) == 24)
            #expect(Self.count(outcome, .priceBars, symbol) == 120)
            #expect(Self.count(outcome, .markPrice, symbol) == 1)
            #expect(Self.count(outcome, .funding, symbol) == 3)
        }
    }

    @Test func okxPagesEveryLiquidationBack() throws {
        let symbols = ["BTC-USDT-SWAP", "ETH-USDT-SWAP", "BTC-USD-SWAP"]
        let adapter = OKXAdapter(selection: VenueSelection(symbols: symbols, feeds: Set(Feed.allCases), maxPages: 20))
        let outcome = try Self.run(adapter, directory: "okx")
        try Self.normaliseAll(outcome)
        let liquidationPages = outcome.requests.filter { $0.feed == .liquidations }
        // BTC-USDT 6 pages, ETH-USDT 5, BTC-USD 3 (every page file the generator wrote): each chain ends on a
        // short page it found itself, well before the 20-page limit.
        #expect(liquidationPages.count == 14)
        #expect(Set(liquidationPages).count == 14)
        for symbol in symbols {
            let events = outcome.records.compactMap { record -> VenueLiquidation? in
                if case .liquidation(let event) = record, event.symbol == symbol { return event }
                return nil
            }
            // More than one page of 100 (pages overlap on their boundary millisecond, which the run dedupes).
            #expect(Set(events.map(\.timestampMs)).count > 100)
            #expect(Self.count(outcome, .priceBars, symbol) == 120, "the forming 22:00 bar is skipped")
            #expect(Self.count(outcome, .markPrice, symbol) == 1)
        }
    }
}
