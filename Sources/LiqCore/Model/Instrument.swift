/// A tradable contract with the metadata needed to turn venue quantities into base units and USD.
public struct Instrument: Sendable, Equatable, Hashable, Codable {
    public var venue: Venue
    /// The venue's own symbol (`BTCUSDT`, `BTC-USDT-SWAP`).
    public var symbol: String
    /// Base asset in upper case (`BTC`): the key analytics group by across venues.
    public var baseAsset: String
    /// Quote currency of the price (`USDT`, `USD`).
    public var quoteAsset: String
    /// Currency margin and PnL settle in (`USDT`, `BTC`).
    public var settleAsset: String
    public var kind: ContractKind
    public var margining: Margining
    public var contractSize: ContractSize

    public init(
        venue: Venue, symbol: String, baseAsset: String, quoteAsset: String, settleAsset: String,
        kind: ContractKind, margining: Margining, contractSize: ContractSize
    ) {
        self.venue = venue
        self.symbol = symbol
        self.baseAsset = baseAsset
        self.quoteAsset = quoteAsset
        self.settleAsset = settleAsset
        self.kind = kind
        self.margining = margining
        self.contractSize = contractSize
    }
}
