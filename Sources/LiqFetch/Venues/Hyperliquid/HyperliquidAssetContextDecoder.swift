public import LiqCore

/// Decodes `metaAndAssetCtxs`, `[meta, assetCtxs]`: `meta.universe[i]` names asset i and `assetCtxs[i]` is its
/// context. The two arrays are matched by index (contexts carry no name), so a length mismatch is an error rather
/// than a shifted, wrong mapping.
///
/// Perpetuals are linear in USDC: sizes are coin units (one contract = one coin) and prices USDC per coin.
public enum HyperliquidAssetContextDecoder {
    public static func instruments(_ document: JSONNode) throws(JSONError) -> [Instrument] {
        try universe(document).map { (asset) throws(JSONError) -> Instrument in
            let coin = try asset.member("name").string()
            return Instrument(
                venue: .hyperliquid, symbol: coin, baseAsset: coin.uppercased(), quoteAsset: "USDC",
                settleAsset: "USDC", kind: .perpetual, margining: .linear,
                contractSize: ContractSize(value: 1, unit: .base))
        }
    }

    public static func contexts(_ document: JSONNode) throws(JSONError) -> [HyperliquidAssetContext] {
        let assets = try universe(document)
        let contextsNode = try document.element(1)
        let contexts = try contextsNode.elements()
        guard contexts.count == assets.count else {
            throw contextsNode.error(expected: "\(assets.count) asset contexts, one per meta.universe entry")
        }
        return try zip(assets, contexts).map { (asset, context) throws(JSONError) in
            func decimal(_ key: String) throws(JSONError) -> Double? {
                try context.optionalMember(key).map { (node) throws(JSONError) in try node.decimal() }
            }
            return HyperliquidAssetContext(
                coin: try asset.member("name").string(), markPrice: try decimal("markPx"),
                oraclePrice: try decimal("oraclePx"), fundingRate: try decimal("funding"),
                openInterest: try decimal("openInterest"))
        }
    }

    static func universe(_ document: JSONNode) throws(JSONError) -> [JSONNode] {
        try document.element(0).member("universe").elements()
    }
}
