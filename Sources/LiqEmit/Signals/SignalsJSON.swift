public import LiqAnalytics
import LiqCore

/// `signals.json`: the events of `signals.csv` with their structure kept (venue shares, reasons with values and
/// thresholds) and the panel minutes ±`contextMinutes` around each event, plus market-wide flags and the
/// current state of every asset and side. Missing values are `null`; no wall-clock time is written.
public enum SignalsJSON {
    public static let fileName = "signals.json"
    public static let schemaVersion = 1

    public static func encode(_ detection: CascadeDetection, panels: [MarketPanel], contextMinutes: Int = 30) -> [UInt8]
    {
        let panelsByAsset = Dictionary(panels.map { ($0.baseAsset, $0) }, uniquingKeysWith: { first, _ in first })
        let context = Int64(contextMinutes) * MarketPanel.minuteMs
        let events: [JSONValue] = detection.events.map { event in
            let lastMs = event.endMs ?? panelsByAsset[event.baseAsset]?.rows.last?.minuteMs ?? event.startMs
            let rows = (panelsByAsset[event.baseAsset]?.rows ?? []).filter {
                $0.minuteMs >= event.startMs - context && $0.minuteMs <= lastMs + context
            }
            return .object([
                member("eventId", .string(event.id)),
                member("base", .string(event.baseAsset)),
                member("side", .string(event.side.rawValue)),
                member("state", .string(event.state.rawValue)),
                member("startMs", .number(String(event.startMs))),
                member("peakMs", .number(String(event.peakMs))),
                member("endMs", event.endMs.map { .number(String($0)) } ?? .null),
                member("detectedMs", .number(String(event.detectedMs))),
                member("exhaustionConfirmedMs", event.confirmedMs.map { .number(String($0)) } ?? .null),
                member("totalUSD", .number(NumberFormat.computed(event.totalUSD))),
                member("peakMinuteUSD", .number(NumberFormat.computed(event.peakMinuteUSD))),
                member("priceMoveBps", number(event.priceMoveBps)),
                member("exhaustionScore", .number(String(event.exhaustionScore))),
                member("branchingRatio", number(event.branchingRatio)),
                member("lowerBound", .bool(event.lowerBound)),
                member("venues", .array(event.venues.map { .string($0.rawValue) })),
                member(
                    "venueShares",
                    .object(
                        event.venueShares.sorted { $0.key < $1.key }.map { member($0.key.rawValue, number($0.value)) })),
                member("reasons", .array(event.reasons.map(reason))),
                member("panel", .array(rows.map(row))),
            ])
        }
        let flags: [JSONValue] = detection.marketWideFlags.map {
            .object([
                member("minuteMs", .number(String($0.minuteMs))),
                member("assets", .array($0.assets.map { .string($0) })),
            ])
        }
        let states: [JSONValue] = detection.states.map {
            .object([
                member("base", .string($0.baseAsset)),
                member("side", .string($0.side.rawValue)),
                member("state", .string($0.state.rawValue)),
                member("sinceMs", $0.sinceMs.map { .number(String($0)) } ?? .null),
                member("eventId", $0.eventID.map { .string($0) } ?? .null),
            ])
        }
        return JSONWriter.encode(
            .object([
                member("schemaVersion", .number(String(schemaVersion))),
                member("events", .array(events)),
                member("marketWide", .array(flags)),
                member("states", .array(states)),
            ]))
    }

    private static func reason(_ reason: CascadeReason) -> JSONValue {
        .object([
            member("rule", .string(reason.rule)),
            member("value", number(reason.value)),
            member("threshold", number(reason.threshold)),
            member("held", .bool(reason.held)),
            member("evaluable", .bool(reason.evaluable)),
        ])
    }

    private static func row(_ row: MarketPanelRow) -> JSONValue {
        .object([
            member("minuteMs", .number(String(row.minuteMs))),
            member("longUSD", number(row.longUSD)),
            member("shortUSD", number(row.shortUSD)),
            member("longCount", .number(String(row.longCount))),
            member("shortCount", .number(String(row.shortCount))),
            member("venues", .array(row.venues.map { .string($0.rawValue) })),
            member("lowerBound", .bool(row.lowerBound)),
            member("open", price(row.open)),
            member("high", price(row.high)),
            member("low", price(row.low)),
            member("close", price(row.close)),
            member("realizedVol", number(row.realizedVolatility)),
            member("openInterestUSD", number(row.openInterestUSD)),
            member("openInterestChange5m", number(row.openInterestChange5m)),
            member("fundingAnnualized", number(row.fundingAnnualized)),
            member("takerBuyShare", number(row.takerBuyShare)),
        ])
    }

    private static func member(_ key: String, _ value: JSONValue) -> JSONMember { JSONMember(key: key, value: value) }
    private static func number(_ value: Double?) -> JSONValue {
        value.map { .number(NumberFormat.computed($0)) } ?? .null
    }
    private static func price(_ value: Double?) -> JSONValue { value.map { .number(NumberFormat.plain($0)) } ?? .null }
}
