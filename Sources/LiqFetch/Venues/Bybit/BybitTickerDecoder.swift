public import LiqCore

/// Decodes the REST `/v5/market/tickers` list: the current mark and index price, running funding rate and open
/// interest of every symbol of a category, all stamped with the envelope's server `time` (rows carry none).
///
/// `openInterestValue` is not used: it is USDT for linear symbols but coin for inverse ones, and a stream message
/// does not say which family it belongs to, so open interest is valued at the mark by the normaliser everywhere
/// (which is how Bybit computes the value too).
public enum BybitTickerDecoder {
    /// Symbol → merged ticker fields, and the time they were observed.
    public static func decode(_ document: JSONNode) throws -> (timestampMs: Int64, tickers: [String: BybitTickerState])
    {
        var tickers: [String: BybitTickerState] = [:]
        for row in try BybitEnvelope.rows(document) {
            var state = BybitTickerState()
            _ = try state.merge(row)
            tickers[try row.member("symbol").string()] = state
        }
        return (try BybitEnvelope.serverTimeMs(document), tickers)
    }
}
