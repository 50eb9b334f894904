/// One synthetic asset: its starting price, the decimals the venues print it with, and its open interest scale.
struct SynthAsset: Sendable, Equatable {
    /// `BTC`, `ETH`, `SOL`.
    var name: String
    /// Price at the start of the day (USD).
    var startPrice: Double
    /// Price decimals (Binance/Bybit/OKX ticks of the linear perpetual).
    var priceDecimals: Int
    /// Quantity decimals of the base coin (Binance and Bybit linear).
    var quantityDecimals: Int
    /// OKX `ctVal` of the `<ASSET>-USDT-SWAP` contract (base per contract).
    var okxContractValue: Double
    /// Open interest of one venue at the start of the day (base units).
    var openInterestBase: Double

    /// The assets `--assets` accepts, shaped after their 10 Oct 2025 levels.
    static let known: [SynthAsset] = [
        SynthAsset(
            name: "BTC", startPrice: 121_350, priceDecimals: 1, quantityDecimals: 3, okxContractValue: 0.01,
            openInterestBase: 88_500),
        SynthAsset(
            name: "ETH", startPrice: 4_365, priceDecimals: 2, quantityDecimals: 3, okxContractValue: 0.1,
            openInterestBase: 2_150_000),
        SynthAsset(
            name: "SOL", startPrice: 222.4, priceDecimals: 2, quantityDecimals: 2, okxContractValue: 1,
            openInterestBase: 9_800_000),
    ]
}
