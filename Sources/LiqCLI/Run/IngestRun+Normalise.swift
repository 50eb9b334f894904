import LiqCore
import LiqFetch
import LiqNormalise

extension IngestRun {
    /// Decodes and normalises one raw item; every problem becomes a `SourceFailure` naming the URL or file:line,
    /// and the good records of the same item are kept.
    static func normalise(_ item: RawItem, runtimes: [VenueRuntime], normalisers: [Normaliser]) -> NormalisedBatch {
        switch item {
        case .failure(let failures):
            return NormalisedBatch(failures: failures)
        case .response(let venueIndex, let request, let response):
            let runtime = runtimes[venueIndex]
            do {
                let document = try JSONNode.parse(response.body, origin: response.url)
                let records = try runtime.adapter.decodeFeed(document, for: request)
                return normalise(records, origin: response.url, runtime: runtime, normaliser: normalisers[venueIndex])
            } catch {
                return NormalisedBatch(failures: runtime.failures(of: request, origin: response.url, error: error))
            }
        case .captureLines(let venueIndex, let path, let firstLine, let lines):
            let runtime = runtimes[venueIndex]
            var batch = NormalisedBatch()
            for (offset, line) in lines.enumerated() where !line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                let origin = "\(path):\(firstLine + offset)"
                do {
                    let message = try JSONNode.parse(line, origin: origin)
                    let records = try runtime.adapter.decodeStreamMessage(message)
                    batch.merge(
                        normalise(records, origin: origin, runtime: runtime, normaliser: normalisers[venueIndex]))
                } catch {
                    batch.failures.append(
                        SourceFailure(
                            venue: runtime.spec.venue, feed: .liquidations, origin: origin, message: "\(error)"))
                }
            }
            return batch
        }
    }

    /// Normalises decoded records; records that cannot be normalised are reported once per feed and reason.
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
                }
            } catch {
                let feed: Feed
                switch record {
                case .liquidation: feed = .liquidations
                case .openInterest: feed = .openInterest
                case .funding: feed = .funding
                }
                if reported.insert("\(feed)|\(error)").inserted {
                    batch.failures.append(
                        SourceFailure(venue: runtime.spec.venue, feed: feed, origin: origin, message: "\(error)"))
                }
            }
        }
        return batch
    }
}
