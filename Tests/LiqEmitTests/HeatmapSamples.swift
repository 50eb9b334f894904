import LiqAnalytics
import LiqCore

/// The hand-worked realised heatmap the writer tests share: 1-minute buckets × 100 USD bands.
///
/// Cells: (60,000, band 640 = [64,000, 64,100)): long 32,025 (Binance, sampled) + 10,000 (OKX) = 42,025, 2 events;
/// (60,000, band 641 = [64,100, 64,200)): OKX short 5,000 at exactly 64,100, 1 event;
/// (120,000, band 640): Bybit long 1,250 + short 2,500 = 3,750, 2 events.
enum HeatmapSamples {
    static func event(
        _ venue: Venue, _ time: Int64, _ side: PositionSide, price: Double, usd: Double, sampled: Bool = false
    ) -> LiquidationEvent {
        LiquidationEvent(
            venue: venue, symbol: "BTCUSDT", baseAsset: "BTC", timestampMs: time, side: side, price: price,
            priceKind: .fill, quantityBase: usd / price, notionalUSD: usd, completeness: sampled ? .sampled : .complete,
            eventID: EventID(
                venue: venue, symbol: "BTCUSDT", timestampMs: time, side: side, price: price, quantity: usd / price,
                venueID: nil))
    }

    static let events = [
        event(.binanceUSDM, 61_000, .long, price: 64_050, usd: 32_025, sampled: true),
        event(.okx, 90_000, .long, price: 64_099.9, usd: 10_000),
        event(.okx, 119_999, .short, price: 64_100, usd: 5_000),
        event(.bybit, 120_000, .short, price: 64_010, usd: 2_500),
        event(.bybit, 179_999, .long, price: 64_010, usd: 1_250),
    ]

    static func heatmap(_ events: [LiquidationEvent] = events) throws -> RealizedHeatmap {
        let grid = HeatmapGrid(baseAsset: "BTC", bucket: BucketSize("1m")!, bands: PriceBands(widthUSD: 100)!)
        return try RealizedHeatmap(events: events, grid: grid)
    }

    /// A JSON matrix of numbers as doubles.
    static func matrix(_ node: JSONNode) throws -> [[Double]] {
        try node.elements().map { row in try row.elements().map { try $0.decimal() } }
    }

    static func numbers(_ node: JSONNode) throws -> [Double] { try node.elements().map { try $0.decimal() } }
}
