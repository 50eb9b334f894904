import LiqCore

extension SyntheticFeed {
    /// The stream clock the BitMEX corpus is decoded with: `liquidation` rows carry no time.
    static let bitmexClockMs: Int64 = 1_760_126_400_000

    /// One BitMEX instrument: symbol, price level and tick decimals, a typical order size in contracts and its lot.
    private struct BitMEXInstrument {
        var symbol: String
        var price: Double
        var priceDecimals: Int
        var typicalContracts: Double
        var lot: Int64
    }

    /// XBTUSD is inverse (1 USD a contract, lot 100); the linear ones count contracts of a fraction of a coin
    /// (ETHUSDT 1e-6 ETH, lot 1000), as in venue-feeds.md §4.
    private static let bitmexInstruments = [
        BitMEXInstrument(symbol: "XBTUSD", price: 121_300, priceDecimals: 1, typicalContracts: 9000, lot: 100),
        BitMEXInstrument(symbol: "ETHUSD", price: 4360, priceDecimals: 2, typicalContracts: 400, lot: 1),
        BitMEXInstrument(symbol: "XBTUSDT", price: 121_300, priceDecimals: 1, typicalContracts: 200_000, lot: 1000),
        BitMEXInstrument(symbol: "ETHUSDT", price: 4360, priceDecimals: 2, typicalContracts: 60_000, lot: 1000),
        BitMEXInstrument(symbol: "SOLUSDT", price: 221.5, priceDecimals: 3, typicalContracts: 800_000, lot: 1000),
    ]

    /// `liquidation` table messages as the realtime stream sends them, until their bytes reach `bytes`: every
    /// order is inserted (placed at its bankruptcy price for the whole position), updated once as part of it
    /// fills, then deleted; a few orders rest at a time, so their messages interleave.
    static func bitmexLiquidationMessages(bytes: Int, seed: UInt64) -> [[UInt8]] {
        var random = SplitMix64(seed: seed)
        var resting: [(orderID: String, symbol: String, contracts: Int64, isUpdated: Bool)] = []
        func hex(_ count: Int) -> String {
            String((0..<count).map { _ in "0123456789abcdef".randomElement(using: &random)! })
        }
        return lines(bytes: bytes) {
            if resting.count < 4 || Int.random(in: 0..<3, using: &random) == 0 {
                let instrument = bitmexInstruments.randomElement(using: &random)!
                let orderID = "\(hex(8))-\(hex(4))-\(hex(4))-\(hex(4))-\(hex(12))"
                let lots =
                    max(1, Int64(instrument.typicalContracts * Double.random(in: 0.05...8, using: &random)))
                    / instrument.lot
                let contracts = max(1, lots) * instrument.lot
                let price = fixed(
                    instrument.price * Double.random(in: 0.9...1.1, using: &random), instrument.priceDecimals)
                resting.append((orderID, instrument.symbol, contracts, false))
                return #"{"table":"liquidation","action":"insert","data":[{"orderID":"\#(orderID)","#
                    + #""symbol":"\#(instrument.symbol)","side":"\#(Bool.random(using: &random) ? "Sell" : "Buy")","#
                    + #""price":\#(price),"leavesQty":\#(contracts)}]}"#
            }
            let index = Int.random(in: 0..<resting.count, using: &random)
            let order = resting[index]
            guard order.isUpdated else {
                resting[index].isUpdated = true
                return #"{"table":"liquidation","action":"update","data":[{"orderID":"\#(order.orderID)","#
                    + #""symbol":"\#(order.symbol)","leavesQty":\#(order.contracts / 2)}]}"#
            }
            resting.remove(at: index)
            return #"{"table":"liquidation","action":"delete","data":[{"orderID":"\#(order.orderID)","#
                + #""symbol":"\#(order.symbol)"}]}"#
        }
    }
}
