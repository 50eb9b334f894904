import LiqFetch

/// Deribit payloads in the venue's exact JSON-RPC shapes with our own round numbers, for the Deribit decoder and
/// adapter tests.
enum DeribitPayloads {
    static let base = DeribitEndpoints.defaultBaseURL

    /// `{"jsonrpc":"2.0","result":…,"usIn":…,"usOut":…}`; `usOut` 1,760,133,600,400,215 µs by default
    /// (2025-10-10T22:00:00.400215Z).
    static func envelope(_ result: String, usOut: Int64 = 1_760_133_600_400_215) -> String {
        #"{"jsonrpc":"2.0","result":\#(result),"usIn":\#(usOut - 183),"usOut":\#(usOut),"usDiff":183,"testnet":false}"#
    }

    /// A `get_instruments` row.
    static func instrument(
        _ name: String, type: String = "reversed", size: String = "10.0", period: String = "perpetual",
        quote: String = "USD"
    ) -> String {
        let coin = String(name.prefix { $0 != "-" && $0 != "_" })
        let settle = quote == "USD" ? coin : quote
        return """
            {"price_index":"\(coin.lowercased())_usd","rfq":false,"kind":"future","instrument_name":"\(name)",\
            "max_leverage":50,"maker_commission":0.0,"taker_commission":0.0005,"instrument_type":"\(type)",\
            "expiration_timestamp":32503708800000,"creation_timestamp":1534167754000,"is_active":true,\
            "tick_size":0.5,"contract_size":\(size),"instrument_id":124972,"min_trade_amount":\(size),\
            "future_type":"\(type)","max_liquidation_commission":0.0075,"block_trade_commission":0.00025,\
            "block_trade_min_trade_amount":200000,"block_trade_tick_size":0.01,"settlement_currency":"\(settle)",\
            "settlement_period":"\(period)","base_currency":"\(coin)","counter_currency":"\(quote)",\
            "quote_currency":"\(quote)","tick_size_steps":[]}
            """
    }

    /// A trade; `liquidation` nil for an ordinary trade.
    static func trade(
        _ id: String, direction: String, liquidation: String?, amount: String = "1120.0", price: String = "60000.5",
        instrument: String = "BTC-PERPETUAL", timestamp: Int64 = 1_760_129_463_117
    ) -> String {
        let flag = liquidation.map { #","liquidation":"\#($0)""# } ?? ""
        return """
            {"timestamp":\(timestamp),"price":\(price),"amount":\(amount),"direction":"\(direction)",\
            "index_price":60012.2,"instrument_name":"\(instrument)","trade_seq":271252854,"mark_price":60010.4,\
            "tick_direction":2,"contracts":112.0,"trade_id":"\(id)"\(flag)}
            """
    }

    /// A ticker: 1,200,000,000 USD open interest at a 60,000 mark.
    static func ticker(
        _ name: String = "BTC-PERPETUAL", funding: Bool = true, openInterest: String = "1200000000.0",
        mark: String = "60000.0"
    ) -> String {
        let fundingFields =
            funding ? #","current_funding":-0.00042,"funding_8h":-0.0001883,"interest_value":-0.0086"# : ""
        return """
            {"timestamp":1760133599380,"state":"open","stats":{"high":62000.0,"low":55000.0,"price_change":-9.45,\
            "volume":21873.41,"volume_usd":1260000000.0},"index_price":60018.5,"instrument_name":"\(name)",\
            "last_price":60001.0,"settlement_price":61200.0,"min_price":58200.0,"max_price":61800.0,\
            "open_interest":\(openInterest),"mark_price":\(mark),"best_ask_price":60001.0,"best_bid_price":60000.5,\
            "estimated_delivery_price":60018.5,"best_ask_amount":48210.0,"best_bid_amount":12990.0\(fundingFields)}
            """
    }

    static func notification(_ channel: String, _ data: String) -> String {
        #"{"jsonrpc":"2.0","method":"subscription","params":{"channel":"\#(channel)","data":\#(data)}}"#
    }
}
