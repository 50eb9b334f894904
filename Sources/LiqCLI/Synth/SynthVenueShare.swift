/// How the market's liquidations are split across venues: each event's uniform draw picks one share.
enum SynthVenueShare {
    static let binance = 0.0..<0.45
    static let bybit = 0.45..<0.8
    static let okx = 0.8..<1.0
}
