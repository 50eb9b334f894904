import Foundation
import LiqCore
import LiqEmit
import LiqFetch

#if canImport(Glibc)
    @preconcurrency import Glibc
#endif

/// Binance's public archive (`data.binance.vision`) as a backfill source: one item per dataset, symbol and day
/// (one per month for the monthly funding files), each a `.zip` holding one CSV with a `.zip.CHECKSUM` sibling.
///
/// An item downloads the checksum (a 404 there means the file does not exist: `.missing`), then the zip, verifies
/// its SHA-256 in memory, writes it to a scratch file, and inflates its single entry chunk by chunk straight into the dataset's
/// CSV decoder: neither the CSV nor its records are ever whole in memory. The temporary file is removed whatever
/// happens.
struct BinanceArchiveSource: BackfillSource {
    let venue: Venue
    let market: BinanceArchiveMarket
    let datasets: [BinanceArchiveDataset]
    let baseURL: String
    let http: HTTPSettings
    let temporaryDirectory: String
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
        // Verified as downloaded, before anything is written: a corrupt transfer never reaches the disk.
        try ArchiveChecksum.verify(zipResponse.body, path: zipURL, expectedHex: checksum.digestHex)
        // The item's key with `/` → `_` (byte-wise: Foundation's `replacingOccurrences` showed in the profile).
        let name = String(
            decoding: item.key.utf8.map { $0 == UInt8(ascii: "/") ? UInt8(ascii: "_") : $0 }, as: UTF8.self)
        let file = temporaryDirectory + "/" + name + ".\(getpid()).zip"
        try Self.writeScratch(zipResponse.body, to: file)
        defer { unlink(file) }
        let archive = try ZipArchive(path: file)
        let reader = try archive.openEntry(try archive.singleFileEntry())
        var decoder = BinanceArchiveFileDecoder(dataset: dataset, market: market, symbol: item.symbol, origin: zipURL)
        while let chunk = try reader.nextChunk() { try decoder.feed(chunk, emit) }
        try decoder.finish(emit)
        return .done
    }

    /// Writes the downloaded zip where `ZipArchive` reads it: a scratch file, removed after the item, so neither
    /// atomic replacement nor durability matters. `AtomicFile` would fsync it and the temporary directory and list
    /// that whole directory for abandoned temporaries — per item, on a shared `/tmp` of thousands of entries, that
    /// cost more system time than the rest of the item (`.ci/bench-backfill.sh`).
    private static func writeScratch(_ bytes: [UInt8], to path: String) throws(OutputError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw OutputError(path: path, operation: "open", reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        if let code = FileDescriptor.writeAll(bytes, to: descriptor) {
            unlink(path)
            throw OutputError(path: path, operation: "write", reason: String(cString: strerror(code)))
        }
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
