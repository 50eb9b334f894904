import LiqCore

/// Deterministic synthetic stream messages in the venues' exact shapes (venue-feeds.md §1.2 and §3.1), one per
/// line as a capture file holds them, to benchmark decoders on realistic bytes of any volume.
///
/// Prices walk randomly around a level per instrument and are written with the instrument's tick decimals,
/// quantities with its step decimals, as the venues format them (`"0.010"`, `"4363.62"`, `"0.0105230"`).
enum SyntheticFeed {
    /// One instrument: its symbol on each venue, a price level and the decimals of price and quantity.
    struct Instrument {
        var binanceSymbol: String
        var okxUnderlying: String
        var price: Double
        var priceDecimals: Int
        var quantityDecimals: Int
        var typicalQuantity: Double
    }

    static let instruments = [
        Instrument(
            binanceSymbol: "BTCUSDT", okxUnderlying: "BTC-USDT", price: 121_300, priceDecimals: 1, quantityDecimals: 3,
            typicalQuantity: 0.02),
        Instrument(
            binanceSymbol: "ETHUSDT", okxUnderlying: "ETH-USDT", price: 4360, priceDecimals: 2, quantityDecimals: 3,
            typicalQuantity: 0.4),
        Instrument(
            binanceSymbol: "SOLUSDT", okxUnderlying: "SOL-USDT", price: 221.5, priceDecimals: 2, quantityDecimals: 0,
            typicalQuantity: 12),
        Instrument(
            binanceSymbol: "XRPUSDT", okxUnderlying: "XRP-USDT", price: 2.83, priceDecimals: 4, quantityDecimals: 1,
            typicalQuantity: 900),
        Instrument(
            binanceSymbol: "DOGEUSDT", okxUnderlying: "DOGE-USDT", price: 0.2541, priceDecimals: 5,
            quantityDecimals: 0, typicalQuantity: 6000),
        Instrument(
            binanceSymbol: "1000PEPEUSDT", okxUnderlying: "PEPE-USDT", price: 0.010523, priceDecimals: 7,
            quantityDecimals: 0, typicalQuantity: 150_000),
    ]

    /// `!forceOrder@arr` combined-stream lines until their bytes (newlines excluded) reach `bytes`.
    static func binanceForceOrders(bytes: Int, seed: UInt64) -> [[UInt8]] {
        var random = SplitMix64(seed: seed)
        var timeMs: Int64 = 1_760_126_400_000
        return lines(bytes: bytes) {
            timeMs += Int64.random(in: 1...400, using: &random)
            let instrument = instruments.randomElement(using: &random)!
            let average = instrument.price * Double.random(in: 0.9...1.1, using: &random)
            let isSell = Bool.random(using: &random)
            let quantity = instrument.typicalQuantity * Double.random(in: 0.05...8, using: &random)
            let isPartial = Int.random(in: 0..<20, using: &random) == 0
            let filled = isPartial ? quantity * Double.random(in: 0.2...0.9, using: &random) : quantity
            let price = fixed(average * (isSell ? 0.999 : 1.001), instrument.priceDecimals)
            let quantityText = fixed(quantity, instrument.quantityDecimals)
            let filledText = fixed(filled, instrument.quantityDecimals)
            return #"{"stream":"!forceOrder@arr","data":{"e":"forceOrder","E":\#(timeMs + 7),"o":{"#
                + #""s":"\#(instrument.binanceSymbol)","S":"\#(isSell ? "SELL" : "BUY")","o":"LIMIT","f":"IOC","#
                + #""q":"\#(quantityText)","p":"\#(price)","ap":"\#(fixed(average, instrument.priceDecimals))","#
                + #""X":"\#(isPartial ? "PARTIALLY_FILLED" : "FILLED")","l":"\#(filledText)","z":"\#(filledText)","#
                + #""T":\#(timeMs)}}}"#
        }
    }

    /// `liquidation-orders` pushes of SWAP instruments with one to three details each, until their bytes reach
    /// `bytes`.
    static func okxLiquidationPushes(bytes: Int, seed: UInt64) -> [[UInt8]] {
        var random = SplitMix64(seed: seed)
        var timeMs: Int64 = 1_760_126_400_000
        return lines(bytes: bytes) {
            let instrument = instruments.randomElement(using: &random)!
            let details = (0..<Int.random(in: 1...3, using: &random)).map { _ in
                timeMs += Int64.random(in: 1...300, using: &random)
                let isLong = Bool.random(using: &random)
                let price = fixed(
                    instrument.price * Double.random(in: 0.9...1.1, using: &random), instrument.priceDecimals)
                return #"{"bkLoss":"0","bkPx":"\#(price)","ccy":"","posSide":"\#(isLong ? "long" : "short")","#
                    + #""side":"\#(isLong ? "sell" : "buy")","sz":"\#(Int.random(in: 1...400, using: &random))","#
                    + #""ts":"\#(timeMs)"}"#
            }
            let underlying = instrument.okxUnderlying
            return #"{"arg":{"channel":"liquidation-orders","instType":"SWAP"},"data":[{"details":["#
                + details.joined(separator: ",")
                + #"],"instFamily":"\#(underlying)","instId":"\#(underlying)-SWAP","instType":"SWAP","#
                + #""uly":"\#(underlying)"}]}"#
        }
    }

    static func lines(bytes: Int, _ next: () -> String) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        var total = 0
        while total < bytes {
            let line = Array(next().utf8)
            total += line.count
            lines.append(line)
        }
        return lines
    }

    /// `value` with exactly `decimals` decimals, as the venues write prices and sizes.
    static func fixed(_ value: Double, _ decimals: Int) -> String {
        var scale: Int64 = 1
        for _ in 0..<decimals { scale *= 10 }
        let units = max(1, Int64((value * Double(scale)).rounded()))
        guard decimals > 0 else { return String(units) }
        let fraction = String(units % scale)
        return "\(units / scale)." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }
}
