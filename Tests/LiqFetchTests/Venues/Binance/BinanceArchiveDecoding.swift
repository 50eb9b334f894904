import LiqCore
import LiqFetch

/// Decodes `text` as one archive file of `dataset`, fed in chunks of `chunkSize` bytes.
func decodeArchive(
    _ text: String, _ dataset: BinanceArchiveDataset, market: BinanceArchiveMarket, symbol: String,
    chunkSize: Int = 1 << 18, batchSize: Int = 4096
) throws -> (records: [VenueRecord], batches: [Int], decoder: BinanceArchiveFileDecoder) {
    var decoder = BinanceArchiveFileDecoder(
        dataset: dataset, market: market, symbol: symbol, origin: "test.csv", batchSize: batchSize)
    var records: [VenueRecord] = []
    var batches: [Int] = []
    let collect: ([VenueRecord]) throws -> Void = { batch in
        records += batch
        batches.append(batch.count)
    }
    let bytes = Array(text.utf8)
    var start = 0
    while start < bytes.count {
        let end = min(bytes.count, start + chunkSize)
        try decoder.feed(Array(bytes[start..<end]), collect)
        start = end
    }
    try decoder.finish(collect)
    return (records, batches, decoder)
}
