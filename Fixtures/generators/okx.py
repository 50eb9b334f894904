"""Demo fixtures for okx, in the venue's exact payload shapes."""
import math

from common import (
    CRASH_START, END_MS, MINUTES, START_MS, bar, fmt, intensity, poisson, price_at, venue_rng, write_json,
)

RNG = venue_rng("okx")


# ---------------------------------------------------------------- OKX
def generate():
    base = "okx"

    def instrument(inst_id, uly, ct_type, ct_val, ct_val_ccy, settle, tick, lot):
        return {"alias": "", "auctionEndTime": "", "baseCcy": "", "category": "1", "contTdSwTime": "",
                "ctMult": "1", "ctType": ct_type, "ctVal": ct_val, "ctValCcy": ct_val_ccy, "expTime": "",
                "futureSettlement": False, "instFamily": uly, "instId": inst_id, "instType": "SWAP",
                "lever": "100", "listTime": "1611916828000", "lotSz": lot, "maxIcebergSz": "100000000.0000000000000000",
                "maxLmtAmt": "20000000", "maxLmtSz": "100000000", "maxMktAmt": "", "maxMktSz": "12000",
                "maxStopSz": "12000", "maxTriggerSz": "100000000.0000000000000000",
                "maxTwapSz": "100000000.0000000000000000", "minSz": lot, "openType": "", "optType": "",
                "quoteCcy": "", "ruleType": "normal", "settleCcy": settle, "state": "live", "stk": "",
                "tickSz": tick, "uly": uly}

    write_json(f"{base}/api/v5/public/instruments/instType=SWAP.json", {"code": "0", "msg": "", "data": [
        instrument("BTC-USD-SWAP", "BTC-USD", "inverse", "100", "USD", "BTC", "0.1", "1"),
        instrument("BTC-USDT-SWAP", "BTC-USDT", "linear", "0.01", "BTC", "USDT", "0.1", "0.01"),
        instrument("ETH-USDT-SWAP", "ETH-USDT", "linear", "0.1", "ETH", "USDT", "0.01", "0.01"),
        instrument("SOL-USDT-SWAP", "SOL-USDT", "linear", "1", "SOL", "USDT", "0.01", "0.01"),
    ]})
    end_ms = END_MS
    contracts = {"BTC-USDT-SWAP": ("BTC", 0.01, "linear"), "ETH-USDT-SWAP": ("ETH", 0.1, "linear"),
                 "BTC-USD-SWAP": ("BTC", 100.0, "inverse")}
    # Liquidation orders: newest first, at most 100 per page (one page per underlying here).
    for uly, inst_ids in [("BTC-USDT", ["BTC-USDT-SWAP"]), ("ETH-USDT", ["ETH-USDT-SWAP"]),
                          ("BTC-USD", ["BTC-USD-SWAP"])]:
        data = []
        for inst_id in inst_ids:
            asset, ct_val, kind = contracts[inst_id]
            details = []
            for minute in range(MINUTES):
                for _ in range(poisson(RNG, intensity(minute) * (0.5 if kind == "inverse" else 0.8))):
                    ms = START_MS + minute * 60_000 + RNG.randrange(60_000)
                    crash = 50 <= minute < 80
                    long_liquidated = RNG.random() < (0.9 if crash else 0.5)
                    market = price_at(asset, ms)
                    bankruptcy = market * (1 - 0.004) if long_liquidated else market * (1 + 0.004)
                    if kind == "inverse":
                        size = max(1, int(math.exp(RNG.gauss(2.5, 1.2)) * (3 if crash else 1)))
                    else:
                        size = max(1, int(math.exp(RNG.gauss(1.5, 1.1)) * (3 if crash else 1)))
                    details.append({"bkLoss": "0", "bkPx": fmt(bankruptcy, 1 if asset == "BTC" else 2),
                                    "ccy": "", "posSide": "long" if long_liquidated else "short",
                                    "side": "sell" if long_liquidated else "buy", "sz": str(size), "ts": str(ms)})
            details.sort(key=lambda d: -int(d["ts"]))
            data.append((inst_id, details))
        write_liquidation_pages(base, uly, data)
    write_json(f"{base}/api/v5/public/mark-price/instType=SWAP.json", {"code": "0", "msg": "", "data": [
        {"instId": inst_id, "instType": "SWAP", "markPx": fmt(price_at(asset, end_ms - 500), decimals),
         "ts": str(end_ms - 500)}
        for inst_id, asset, decimals in [("BTC-USD-SWAP", "BTC", 1), ("BTC-USDT-SWAP", "BTC", 1),
                                         ("ETH-USDT-SWAP", "ETH", 2), ("SOL-USDT-SWAP", "SOL", 3)]
    ]})
    oi_rows = []
    for inst_id, (asset, ct_val, kind), contracts_open in [
        ("BTC-USD-SWAP", contracts["BTC-USD-SWAP"], 6_512_340),
        ("BTC-USDT-SWAP", contracts["BTC-USDT-SWAP"], 2_745_102.35),
        ("ETH-USDT-SWAP", contracts["ETH-USDT-SWAP"], 5_320_771.6),
    ]:
        mark = price_at(asset, end_ms - 1)
        if kind == "inverse":
            usd = contracts_open * ct_val
            coin = usd / mark
        else:
            coin = contracts_open * ct_val
            usd = coin * mark
        oi_rows.append({"instId": inst_id, "instType": "SWAP", "oi": fmt(contracts_open, 2), "oiCcy": fmt(coin, 8),
                        "oiUsd": fmt(usd, 4), "ts": str(end_ms - 1200)})
    oi_rows.append({"instId": "SOL-USDT-SWAP", "instType": "SWAP", "oi": "3521904.12", "oiCcy": "3521904.12",
                    "oiUsd": "692187453.1296", "ts": str(end_ms - 1200)})
    write_json(f"{base}/api/v5/public/open-interest/instType=SWAP.json", {"code": "0", "msg": "", "data": oi_rows})
    for inst_id, rate, settled in [("BTC-USDT-SWAP", "-0.0001873502", ["0.0001", "0.0000731"]),
                                   ("ETH-USDT-SWAP", "-0.0003140297", ["0.0001", "0.0000514"]),
                                   ("BTC-USD-SWAP", "-0.0002260911", ["0.0001", "0.0000802"])]:
        write_json(f"{base}/api/v5/public/funding-rate/instId={inst_id}.json", {"code": "0", "msg": "", "data": [{
            "formulaType": "withRate", "fundingRate": rate, "fundingTime": "1760140800000",
            "impactValue": "20000.0000000000000000", "instId": inst_id, "instType": "SWAP",
            "interestRate": "0.0001000000000000", "maxFundingRate": "0.00375", "method": "current_period",
            "minFundingRate": "-0.00375", "nextFundingRate": "", "nextFundingTime": "1760169600000",
            "premium": "-0.0006512987", "prevFundingTime": "1760112000000",
            "settFundingRate": settled[1], "settState": "settled", "ts": str(end_ms - 800)}]})
        write_json(f"{base}/api/v5/public/funding-rate-history/instId={inst_id}&limit=100.json", {
            "code": "0", "msg": "", "data": [
                {"fundingRate": settled[1] + "0291", "fundingTime": "1760112000000", "instId": inst_id,
                 "instType": "SWAP", "method": "current_period", "realizedRate": settled[1]},
                {"fundingRate": settled[0] + "000000", "fundingTime": "1760083200000", "instId": inst_id,
                 "instType": "SWAP", "method": "current_period", "realizedRate": settled[0]},
            ]})
    write_candles(base, contracts)


def write_liquidation_pages(base, uly, data):
    """Pages of at most 100 details, newest first, each older page asked with `after` = the previous page's oldest
    ts + 1 (as OKXAdapter pages: `after` is exclusive and one millisecond may hold several liquidations)."""
    limit, after = 100, None
    while True:
        # One page: the newest `limit` details older than `after` across the underlying's instruments.
        older = [(int(d["ts"]), inst_id, d) for inst_id, details in data for d in details
                 if after is None or int(d["ts"]) < after]
        newest = sorted(older, key=lambda item: -item[0])[:limit]
        page = []
        for inst_id, _ in data:
            chosen = [d for _, owner, d in newest if owner == inst_id]
            if chosen:
                page.append({"details": chosen, "instFamily": uly, "instId": inst_id, "instType": "SWAP",
                             "totalLoss": "0", "uly": uly})
        query = f"instType=SWAP&uly={uly}&state=filled&limit={limit}" + ("" if after is None else f"&after={after}")
        write_json(f"{base}/api/v5/public/liquidation-orders/{query}.json", {"code": "0", "msg": "", "data": page})
        if len(newest) < limit:
            return
        cursor = newest[-1][0] + 1
        if after is not None and cursor >= after:
            return
        after = cursor


def write_candles(base, contracts):
    """The newest candles (1m, newest first) as `candles` answers at 22:00:00.5: the window's 120 finished bars and
    the 22:00 bar still forming (`confirm` "0"). `vol` counts contracts, `volCcy` is base, `volCcyQuote` quote."""
    calm_usd = {"BTC-USDT-SWAP": 9_500_000.0, "ETH-USDT-SWAP": 6_200_000.0, "BTC-USD-SWAP": 3_100_000.0}
    for inst_id, (asset, ct_val, kind) in contracts.items():
        decimals = 1 if asset == "BTC" else 2
        rows = []
        for minute in range(MINUTES + 1):
            forming = minute == MINUTES
            open_, high, low, close = bar(asset, minute)
            if forming:
                open_ = high = low = close = bar(asset, MINUTES - 1)[3]
            surge = 1 + (7 * intensity(minute) / 44 if minute >= CRASH_START else 0)
            usd = calm_usd[inst_id] * surge * math.exp(RNG.gauss(0, 0.25)) * (0.01 if forming else 1)
            vwap = (high + low + close) / 3
            if kind == "inverse":
                contracts_traded = max(1, round(usd / ct_val))
                usd = contracts_traded * ct_val
                coin = usd / vwap
            else:
                contracts_traded = max(1, round(usd / vwap / ct_val))
                coin = contracts_traded * ct_val
                usd = coin * vwap
            rows.append([str(START_MS + minute * 60_000), fmt(open_, decimals), fmt(high, decimals), fmt(low, decimals),
                         fmt(close, decimals), str(contracts_traded), fmt(coin, 8), fmt(usd, 4),
                         "0" if forming else "1"])
        rows.reverse()
        write_json(f"{base}/api/v5/market/candles/instId={inst_id}&bar=1m&limit=300.json",
                   {"code": "0", "msg": "", "data": rows})
