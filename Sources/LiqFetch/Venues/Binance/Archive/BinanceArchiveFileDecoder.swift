public import LiqCore

/// One archive file, bytes in, records out in batches: the CSV arrives in the zip reader's inflated chunks and
/// leaves as `[VenueRecord]` of at most `batchSize`, so neither the file nor its records are ever whole in memory.
public struct BinanceArchiveFileDecoder {
    public let dataset: BinanceArchiveDataset
    public let market: BinanceArchiveMarket
    public let symbol: String
    public let batchSize: Int
    private var parser: ArchiveCSVParser
    private var sink: Sink

    /// `origin` names the file in errors (its archive path, say).
    public init(
        dataset: BinanceArchiveDataset, market: BinanceArchiveMarket, symbol: String, origin: String,
        batchSize: Int = 4096
    ) {
        self.dataset = dataset
        self.market = market
        self.symbol = symbol
        self.batchSize = batchSize
        parser = ArchiveCSVParser(origin: origin)
        let decoder: any BinanceArchiveRowDecoder =
            switch dataset {
            case .metrics: BinanceArchiveMetricsDecoder(market: market, symbol: symbol)
            case .fundingRate: BinanceArchiveFundingDecoder(market: market, symbol: symbol)
            case .klines: BinanceArchiveKlineDecoder(market: market, symbol: symbol)
            case .markPriceKlines: BinanceArchiveMarkPriceDecoder(market: market, symbol: symbol)
            case .liquidationSnapshot: BinanceArchiveLiquidationDecoder(market: market, symbol: symbol)
            }
        sink = Sink(decoder: decoder, batchSize: batchSize)
    }

    /// The file's column names when it has a header row.
    public var header: [String]? { parser.header }
    /// Data rows read so far, including those that yielded no record.
    public var rows: Int { sink.rows }
    /// Records yielded so far.
    public var records: Int { sink.records }

    /// Decodes the complete rows of `chunk`, calling `batch` whenever `batchSize` records are ready.
    public mutating func feed(_ chunk: [UInt8], _ batch: ([VenueRecord]) throws -> Void) throws {
        try Self.feed(chunk, parser: &parser, sink: &sink, batch)
    }

    /// Decodes the last row (when the file does not end with a newline) and hands over the remaining records.
    public mutating func finish(_ batch: ([VenueRecord]) throws -> Void) throws {
        try Self.finish(parser: &parser, sink: &sink, batch)
    }

    private static func feed(
        _ chunk: [UInt8], parser: inout ArchiveCSVParser, sink: inout Sink, _ batch: ([VenueRecord]) throws -> Void
    ) throws {
        try parser.feed(chunk) { row in try sink.take(row, batch) }
    }

    private static func finish(
        parser: inout ArchiveCSVParser, sink: inout Sink, _ batch: ([VenueRecord]) throws -> Void
    ) throws {
        try parser.finish { row in try sink.take(row, batch) }
        if !sink.pending.isEmpty { try batch(sink.pending) }
        sink.pending.removeAll()
    }

    /// The row decoder and the records waiting for a full batch; apart from the parser so the parser's callback
    /// can write to it.
    private struct Sink {
        var decoder: any BinanceArchiveRowDecoder
        let batchSize: Int
        var pending: [VenueRecord] = []
        var rows = 0
        var records = 0

        init(decoder: any BinanceArchiveRowDecoder, batchSize: Int) {
            self.decoder = decoder
            self.batchSize = max(1, batchSize)
            pending.reserveCapacity(self.batchSize)
        }

        mutating func take(_ row: ArchiveCSVRow, _ batch: ([VenueRecord]) throws -> Void) throws {
            rows += 1
            guard let record = try decoder.decode(row) else { return }
            records += 1
            pending.append(record)
            if pending.count >= batchSize {
                try batch(pending)
                pending.removeAll(keepingCapacity: true)
            }
        }
    }
}
