import LiqCore
import LiqFetch

/// Binance's public archive (`data.binance.vision`) as a backfill source: one item per dataset, symbol and day
/// (one per month for the monthly funding files), each a `.zip` holding one CSV with a `.zip.CHECKSUM` sibling.
///
/// An item downloads the checksum (a 404 there means the file does not exist: `.missing`), then the zip, verifies
/// its SHA-256 in memory, and inflates its single entry from those bytes chunk by chunk straight into the
/// dataset's CSV decoder: nothing is written but the store's files, and neither the CSV nor its records are ever
/// whole in memory (the zip, a few MiB, is).
struct BinanceArchiveSource: BackfillSource {
    let venue: Venue
    let market: BinanceArchiveMarket
    let datasets: [BinanceArchiveDataset]
    let baseURL: String
    let http: HTTPSettings
    /// The venue's pacing state, shared by every worker (the archive is a CDN, but one client should stay polite).
    let fetchState: VenueFetchState
    /// Largest archive file accepted: the biggest daily 1m kline files are a few MiB; 1 GiB is a wrong URL.
    static let maxArchiveBytes = 1 << 30

    /// The datasets that carry `feeds`: open interest from `metrics`, funding from the monthly `fundingRate`,
    /// price bars from 1m `klines`, marks from `markPriceKlines`, liquidations from `liquidationSnapshot` (only
    /// up to 2024-03-31 on USDⓈ-M, 2024-10-14 on COIN-M: later days are reported missing).
    static func datasets(for feeds: Set<Feed>) -> [BinanceArchiveDataset] {
        BinanceArchiveDataset.allCases.filter { feeds.contains($0.feed) }
    }

    func items(symbols: [String], from: UTCDate, to: UTCDate) -> [BackfillItem] {
        datasets.flatMap { dataset in
            let periods =
                dataset.isDaily ? BackfillPeriod.days(from: from, to: to) : BackfillPeriod.months(from: from, to: to)
            return symbols.flatMap { symbol in
                periods.map { BackfillItem(venue: venue, dataset: dataset.rawValue, symbol: symbol, period: $0) }
            }
        }
    }

    func run(_ item: BackfillItem, worker: BackfillWorkerClient, emit: ([VenueRecord]) throws -> Void) throws
        -> BackfillItemOutcome
    {
        guard let dataset = BinanceArchiveDataset(rawValue: item.dataset) else {
            throw BackfillSourceError(item: item, message: "unknown Binance archive dataset '\(item.dataset)'")
        }
        let day = UTCDate(timestampMs: item.period.startMs)
        let path = dataset.path(market: market, symbol: item.symbol, covering: day)
        let fetcher = ResilientFetcher(transport: worker.client, venueState: fetchState, retryPolicy: http.retry)
        let checksumURL = BinanceArchiveDataset.url(path + ".CHECKSUM", baseURL: baseURL)
        let checksumResponse = try get(checksumURL, maxBytes: 4_096, fetcher: fetcher)
        if checksumResponse.status == 404 {
            return .missing(reason: "\(checksumURL): 404, no archive file for \(item.symbol) \(item.period)")
        }
        try requireOK(checksumResponse, item: item)
        let checksum = try ArchiveChecksum(parsing: checksumResponse.body, path: checksumURL)
        let zipURL = BinanceArchiveDataset.url(path, baseURL: baseURL)
        let zipResponse = try get(zipURL, maxBytes: Self.maxArchiveBytes, fetcher: fetcher)
        if zipResponse.status == 404 {
            return .missing(reason: "\(zipURL): 404 although its checksum exists")
        }
        try requireOK(zipResponse, item: item)
        // Verified as downloaded, before anything is read: a corrupt transfer never reaches the decoder.
        try ArchiveChecksum.verify(zipResponse.body, path: zipURL, expectedHex: checksum.digestHex)
        let archive = try ZipArchive(bytes: zipResponse.body, path: zipURL)
        let reader = try archive.openEntry(try archive.singleFileEntry())
        var decoder = BinanceArchiveFileDecoder(dataset: dataset, market: market, symbol: item.symbol, origin: zipURL)
        while let chunk = try reader.nextChunk() { try decoder.feed(chunk, emit) }
        try decoder.finish(emit)
        return .done
    }

    private func get(_ url: String, maxBytes: Int, fetcher: ResilientFetcher) throws -> HTTPResponse {
        try fetcher.get(
            HTTPRequest(
                url: url, headers: [:],
                // A daily kline file is a few MiB: give a transfer more than a REST call's total timeout.
                timeouts: HTTPTimeouts(
                    connectSeconds: http.connectTimeoutSeconds, totalSeconds: max(http.totalTimeoutSeconds, 300)),
                maxBodyBytes: maxBytes),
            weight: 1)
    }

    private func requireOK(_ response: HTTPResponse, item: BackfillItem) throws {
        guard (200..<300).contains(response.status) else {
            throw BackfillSourceError(
                item: item, message: "\(response.url): HTTP \(response.status): \(response.bodyExcerpt())")
        }
    }
}
