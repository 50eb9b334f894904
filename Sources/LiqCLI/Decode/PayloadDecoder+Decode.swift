import LiqCore
import LiqEmit
import LiqFetch

extension PayloadDecoder {
    /// A line that no decoder of the venue and feed accepts; names the line and what each decoder said.
    struct UndecodableError: Error, CustomStringConvertible {
        var origin: String
        var attempts: [String]

        var description: String { "\(origin): not decodable: " + attempts.joined(separator: "; ") }
    }

    /// Decodes one payload and keeps its records of the selected feed.
    mutating func decode(_ line: [UInt8], origin: String) throws {
        let document = try JSONNode.parse(line, origin: origin)
        guard let feed else {
            instruments += try VenueCatalog.listedInstruments(venue: runtime.spec.venue, document: document)
                .filter { requestedSymbols?.contains($0.symbol) ?? true }
            return
        }
        var attempts: [String] = []
        // A message the stream decoder accepts is never an error, even when it carries only other feeds (a ticker
        // line in a capture decoded for liquidations); REST endpoints are still tried, silently, for its records.
        var streamAccepted = false
        do {
            let records = try streamDecoder.decode(document)
            if records.contains(where: { $0.feed == feed }) { return try keep(records, origin: origin) }
            streamAccepted = true
        } catch {
            attempts.append("as a stream message: \(error)")
        }
        for candidate in candidates {
            do {
                let records: [VenueRecord]
                switch candidate {
                case .feed(let feedRequest):
                    records = try runtime.adapter.decodeFeed(document, for: feedRequest)
                case .reference(let referenceRequest):
                    var scratch = runtime.reference
                    scratch.records = []
                    try runtime.adapter.absorbReference(document, for: referenceRequest, into: &scratch)
                    records = scratch.records
                }
                if records.contains(where: { $0.feed == feed }) { return try keep(records, origin: origin) }
            } catch {
                attempts.append("as \(candidate.path): \(error)")
            }
        }
        // Accepted as a stream message, or by every decoder, without a record of the feed: legitimately empty.
        if streamAccepted || attempts.isEmpty { return }
        throw UndecodableError(origin: origin, attempts: attempts)
    }

    private mutating func keep(_ records: [VenueRecord], origin: String) throws {
        let normalised = IngestRun.normalise(
            records.filter { $0.feed == feed }, origin: origin, runtime: runtime, normaliser: normaliser)
        if let failure = normalised.failures.first { throw NormaliseFailure(origin: origin, message: failure.message) }
        batch.liquidations += normalised.liquidations
        batch.openInterest += normalised.openInterest
        batch.funding += normalised.funding
        batch.markPrices += normalised.markPrices
        batch.priceBars += normalised.priceBars
    }

    /// A payload that decoded but whose records cannot be normalised (an instrument without metadata).
    struct NormaliseFailure: Error, CustomStringConvertible {
        var origin: String
        var message: String
        var description: String { "\(origin): \(message)" }
    }

    /// Everything decoded so far in the chosen format, records in canonical order.
    func output(format: String) -> [UInt8] {
        func render<Schema: RecordSchema>(_ schema: Schema.Type, _ records: [Schema.Record]) -> [UInt8] {
            format == "csv" ? schema.encode(records) : schema.encodeNDJSON(records)
        }
        switch feed {
        case nil: return render(InstrumentsCSV.self, instruments)
        case .liquidations: return render(LiquidationsCSV.self, batch.liquidations)
        case .openInterest: return render(OpenInterestCSV.self, batch.openInterest)
        case .funding: return render(FundingCSV.self, batch.funding)
        case .markPrice: return render(MarkPriceCSV.self, batch.markPrices)
        case .priceBars: return render(PriceBarsCSV.self, batch.priceBars)
        }
    }
}
