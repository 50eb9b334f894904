import LiqCore
import LiqNormalise

extension IngestRun {
    /// Normalises one decoded item; records that cannot be normalised are reported once per feed and reason,
    /// naming the page or file, and the others are kept.
    static func normalise(_ item: DecodedItem, runtimes: [VenueRuntime], normalisers: [Normaliser]) -> NormalisedBatch {
        switch item {
        case .failure(let failures):
            return NormalisedBatch(failures: failures)
        case .captureRead(let path, let lines):
            return NormalisedBatch(captureLines: [path: lines])
        case .records(let venueIndex, let origin, let records):
            return normalise(
                records, origin: origin, runtime: runtimes[venueIndex], normaliser: normalisers[venueIndex])
        }
    }

    static func normalise(_ records: [VenueRecord], origin: String, runtime: VenueRuntime, normaliser: Normaliser)
        -> NormalisedBatch
    {
        var batch = NormalisedBatch()
        var reported: Set<String> = []
        for record in records {
            do {
                switch record {
                case .liquidation(let value): batch.liquidations.append(try normaliser.liquidation(value))
                case .openInterest(let value): batch.openInterest.append(try normaliser.openInterest(value))
                case .funding(let value): batch.funding.append(try normaliser.funding(value))
                case .markPrice(let value): batch.markPrices.append(try normaliser.markPrice(value))
                case .priceBar(let value): batch.priceBars.append(try normaliser.priceBar(value))
                }
            } catch {
                if reported.insert("\(record.feed)|\(error)").inserted {
                    batch.failures.append(
                        SourceFailure(venue: runtime.spec.venue, feed: record.feed, origin: origin, message: "\(error)")
                    )
                }
            }
        }
        return batch
    }
}
