public import LiqCore

/// Decodes OKX funding: the running rate (`funding-rate`) and settled history (`funding-rate-history`).
///
/// The running rate applies to the period that settles at `fundingTime`; its length is `nextFundingTime −
/// fundingTime`, the only place OKX states the interval. History rows carry `realizedRate` (what was actually
/// paid, rounded) next to `fundingRate`; the paid one is kept. Every field may be missing (a 2021 message has no
/// `fundingRate` at all), so such a row yields nothing rather than a zero. The two row shapes share
/// `fundingRate`/`fundingTime`, so each decoder refuses the other's marker field (`realizedRate` only in history,
/// `nextFundingTime` only in running rates) instead of mislabelling a rate.
public enum OKXFundingDecoder {
    public static func decodePredicted(_ document: JSONNode) throws -> [VenueFunding] {
        var samples: [VenueFunding] = []
        for row in try OKXEnvelope.rows(document) {
            if let settled = try row.optionalMember("realizedRate") {
                throw settled.error(expected: "a running funding-rate row (this field marks a settled history row)")
            }
            guard let rateNode = try row.optionalMember("fundingRate"), rateNode.value != .string("") else { continue }
            let fundingTime = try row.member("fundingTime").timestampMs()
            // 2021 pushes carry no `nextFundingTime`: the interval is then left to the normaliser, not guessed.
            var intervalHours: Double?
            if let nextNode = try row.optionalMember("nextFundingTime") {
                let next = try nextNode.timestampMs()
                guard next > fundingTime else { throw nextNode.error(expected: "a time after fundingTime") }
                intervalHours = Double(next - fundingTime) / 3_600_000
            }
            let observed = try row.optionalMember("ts")?.timestampMs() ?? fundingTime
            samples.append(
                VenueFunding(
                    venue: .okx, symbol: try row.member("instId").string(), timestampMs: observed,
                    rate: try rateNode.decimal(), intervalHours: intervalHours, kind: .predicted))
        }
        return samples
    }

    public static func decodeSettled(_ document: JSONNode) throws -> [VenueFunding] {
        var samples: [VenueFunding] = []
        for row in try OKXEnvelope.rows(document) {
            if let running = try row.optionalMember("nextFundingTime") {
                throw running.error(expected: "a settled history row (this field marks a running funding-rate row)")
            }
            let realized = try row.optionalMember("realizedRate").flatMap { $0.value == .string("") ? nil : $0 }
            guard let rateNode = try realized ?? row.optionalMember("fundingRate") else { continue }
            samples.append(
                VenueFunding(
                    venue: .okx, symbol: try row.member("instId").string(),
                    timestampMs: try row.member("fundingTime").timestampMs(), rate: try rateNode.decimal(),
                    intervalHours: nil, kind: .settled))
        }
        return samples
    }

    /// The settlement times of a `funding-rate-history` page: the paging cursor.
    static func settlementTimes(_ document: JSONNode) throws -> [Int64] {
        try OKXEnvelope.rows(document).map { (row) throws -> Int64 in try row.member("fundingTime").timestampMs() }
    }
}
